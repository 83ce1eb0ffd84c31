package org.radtrial.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radtrial.core.binary.Proportion;
import org.radtrial.core.evaluate.AucComparison;
import org.radtrial.core.evaluate.DecisionComparison;
import org.radtrial.core.evaluate.DecisionMetrics;
import org.radtrial.core.evaluate.EvaluationResult;
import org.radtrial.core.evaluate.ModelResult;
import org.radtrial.core.evaluate.OperatingPoint;
import org.radtrial.core.evaluate.PairedRateComparison;
import org.radtrial.core.evaluate.ReaderResult;
import org.radtrial.core.roc.AucEstimate;
import org.radtrial.core.stat.Interval;
import org.radtrial.report.Fmt;

/** The console summary of an evaluation: a few aligned tables, every estimate with its interval. */
final class ConsoleSummary {
  private final PrintWriter out;

  ConsoleSummary(PrintWriter out) {
    this.out = out;
  }

  void print(EvaluationResult r) {
    int level = (int) Math.round(r.spec().ciLevel() * 100);
    out.printf(Locale.ROOT, "%,d cases: %,d positive (%.2f%%), %,d negative%n%n",
        r.cases(), r.positives(), 100.0 * r.positives() / r.cases(), r.negatives());
    models(r, level);
    comparisons(r, level);
    operatingPoints(r, level);
    decisions(r, level);
    if (!r.notes().isEmpty()) {
      out.println("Notes");
      r.notes().forEach(n -> out.println("- " + n));
      out.println();
    }
    out.flush();
  }

  private void models(EvaluationResult r, int level) {
    Table t = new Table("model", "AUC", level + "% CI (DeLong)", level + "% CI (bootstrap)", "positives", "negatives", "excluded");
    for (ModelResult m : r.models()) {
      AucEstimate b = m.bootstrapAuc();
      t.row(m.name(), f3(m.auc().estimate()), ci(m.auc().ci()), b == null ? "skipped" : ci(b.ci()),
          Integer.toString(m.auc().positives()), Integer.toString(m.auc().negatives()), Integer.toString(m.excludedMissing()));
    }
    t.print(out, "Area under the ROC curve");
  }

  private void comparisons(EvaluationResult r, int level) {
    if (r.comparisons().isEmpty()) {
      return;
    }
    Table t = new Table("A - B", "difference", level + "% CI", "z", "p", "p (Holm)");
    for (AucComparison c : r.comparisons()) {
      t.row(c.modelA() + " - " + c.modelB(), signed(c.test().difference()), ci(c.test().ci()),
          Double.isFinite(c.test().z()) ? String.format(Locale.ROOT, "%.2f", c.test().z()) : "n/a", p(c.test().p()),
          p(c.pHolm()));
    }
    t.print(out, "AUC differences, paired DeLong test on the same cases");
  }

  private void operatingPoints(EvaluationResult r, int level) {
    Table t = new Table("who", "operating point", "decision", "sensitivity (" + level + "% CI)",
        "specificity (" + level + "% CI)", "PPV", "recall rate");
    for (ModelResult m : r.models()) {
      for (OperatingPoint p : m.operatingPoints()) {
        metricsRow(t, m.name(), p.rule().describe(), p.decision(), p.metrics());
      }
    }
    for (ReaderResult reader : r.readers()) {
      metricsRow(t, reader.name(), "as recorded", "", reader.metrics());
    }
    t.print(out, "Operating points (" + r.spec().proportionCi().label() + " intervals)");
  }

  private static void metricsRow(Table t, String who, String rule, String decision, DecisionMetrics m) {
    t.row(who, rule, decision, rate(m.sensitivity()), rate(m.specificity()), f3(m.ppv().estimate()), f3(m.recallRate().estimate()));
  }

  private void decisions(EvaluationResult r, int level) {
    if (r.decisionComparisons().isEmpty()) {
      return;
    }
    boolean ni = r.spec().hasNonInferiorityMargin();
    List<String> columns = new ArrayList<>(List.of("operating point", "A vs B", "sens. A - B (" + level + "% CI)", "McNemar p",
        "spec. A - B (" + level + "% CI)", "McNemar p"));
    if (ni) {
      columns.add(String.format(Locale.ROOT, "A non-inferior (margin %.2f)?", r.spec().nonInferiorityMargin()));
    }
    Table t = new Table(columns.toArray(String[]::new));
    for (DecisionComparison c : r.decisionComparisons()) {
      List<String> row = new ArrayList<>(List.of(c.rule().describe(), c.first() + " vs " + c.second(),
          difference(c.sensitivity()), c.sensitivity() == null ? "" : p(c.sensitivity().mcnemarP()),
          difference(c.specificity()), c.specificity() == null ? "" : p(c.specificity().mcnemarP())));
      if (ni) {
        row.add("sens " + verdict(c.sensitivity()) + ", spec " + verdict(c.specificity()));
      }
      t.row(row.toArray(String[]::new));
    }
    t.print(out, "Paired decisions (exact McNemar; Tango score intervals)");
  }

  private static String verdict(PairedRateComparison c) {
    if (c == null || c.nonInferiority() == null) {
      return "n/a";
    }
    return (c.nonInferiority().nonInferior() ? "yes" : "no") + " (p " + p(c.nonInferiority().p()) + ")";
  }

  private static String difference(PairedRateComparison c) {
    return c == null ? "no cases" : signed(c.difference()) + " " + ci(c.ci());
  }

  private static String rate(Proportion p) {
    return p.defined() ? f3(p.estimate()) + " " + ci(p.ci()) + " " + p.successes() + "/" + p.trials() : "undefined";
  }

  private static String ci(Interval ci) {
    if (ci == null) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "[%.3f, %.3f]", ci.lower(), ci.upper());
  }

  private static String f3(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%.3f", x) : "-";
  }

  private static String signed(double x) {
    if (Double.isNaN(x)) {
      return "n/a";
    }
    return Math.abs(x) < 0.0005 ? "0.000" : String.format(Locale.ROOT, "%+.3f", x);
  }

  /** A p-value as the report writes it (one formatter for the console, the report and the workspace). */
  static String p(double p) {
    return Fmt.p(p);
  }
}

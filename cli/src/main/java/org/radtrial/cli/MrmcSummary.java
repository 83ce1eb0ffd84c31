package org.radtrial.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radtrial.core.mrmc.FomAnalysis;
import org.radtrial.core.mrmc.Generalization;
import org.radtrial.core.mrmc.GeneralizationResult;
import org.radtrial.core.mrmc.ModalityDifference;
import org.radtrial.core.mrmc.ModalityEstimate;
import org.radtrial.core.mrmc.MrmcResult;
import org.radtrial.core.mrmc.OrVarianceComponents;
import org.radtrial.core.mrmc.PlanResult;
import org.radtrial.core.mrmc.PowerEstimate;
import org.radtrial.core.mrmc.ReaderValue;
import org.radtrial.core.mrmc.StandaloneDifference;
import org.radtrial.core.stat.Interval;

/** The console summary of an MRMC analysis: aligned tables, every estimate with its interval. */
final class MrmcSummary {
  private final PrintWriter out;

  MrmcSummary(PrintWriter out) {
    this.out = out;
  }

  void print(MrmcResult r) {
    int level = (int) Math.round(r.spec().ciLevel() * 100);
    out.printf(Locale.ROOT, "%d modalit%s x %d readers x %d cases (%d with disease, %d without)%s%n%n",
        r.modalities().size(), r.modalities().size() == 1 ? "y" : "ies", r.readers().size(), r.cases(), r.positives(),
        r.negatives(), r.standaloneReader() == null ? "" : "; stand-alone reader " + r.standaloneReader());
    if (r.isSplitPlot()) {
      out.printf(Locale.ROOT, "Split-plot design, %d blocks (readers: cases read):%s%n%n", r.blocks().size(),
          r.blocks().stream().map(b -> " " + String.join(", ", b.readers()) + ": " + b.cases() + " (" + b.positives()
              + " with disease)").reduce("", (x, y) -> x.isEmpty() ? y : x + ";" + y));
    }
    values(r, r.auc(), "AUC per reader (trapezoidal), " + level + "% CI over cases (normal)");
    differences(r.auc(), level, "AUC");
    modalities(r.auc(), level, "AUC");
    components(r.auc().obuchowskiRockette().components());
    standalone(r.auc(), level, "AUC");
    if (r.sensitivity() != null) {
      for (FomAnalysis binary : List.of(r.sensitivity(), r.specificity())) {
        values(r, binary, capitalised(binary.figureOfMerit().label()) + " per reader, " + level + "% CI over cases (normal)");
        differences(binary, level, binary.figureOfMerit().label());
        standalone(binary, level, binary.figureOfMerit().label());
      }
    }
    if (r.plan() != null) {
      plan(r.plan());
    }
    out.flush();
  }

  private void values(MrmcResult r, FomAnalysis a, String title) {
    List<String> header = new ArrayList<>(List.of("reader"));
    header.addAll(r.modalities());
    Table t = new Table(header.toArray(String[]::new));
    int readers = r.readers().size();
    int modalities = r.modalities().size();
    for (int j = 0; j < readers; j++) {
      List<String> row = new ArrayList<>(List.of(r.readers().get(j)));
      for (int i = 0; i < modalities; i++) {
        row.add(valueWithCi(a.values().get(i * readers + j)));
      }
      t.row(row.toArray(String[]::new));
    }
    List<String> mean = new ArrayList<>(List.of("mean"));
    a.obuchowskiRockette().randomReadersRandomCases().modalities().forEach(m -> mean.add(f3(m.estimate())));
    t.row(mean.toArray(String[]::new));
    if (r.standaloneReader() != null) {
      ReaderValue ai = a.values().get(a.values().size() - 1);
      List<String> row = new ArrayList<>(List.of(ai.reader() + " (stand-alone)", valueWithCi(ai)));
      while (row.size() < header.size()) {
        row.add("");
      }
      t.row(row.toArray(String[]::new));
    }
    t.print(out, title);
  }

  private void differences(FomAnalysis a, int level, String what) {
    if (a.obuchowskiRockette().randomReadersRandomCases().differences().isEmpty()) {
      return;
    }
    Table t = new Table("analysis", "A - B", "difference", level + "% CI", "statistic", "df", "p");
    for (Generalization g : Generalization.values()) {
      GeneralizationResult or = a.obuchowskiRockette().result(g);
      for (ModalityDifference d : or.differences()) {
        t.row("OR " + g.code(), d.first() + " - " + d.second(), signed(d.estimate()), ci(d.ci()), statistic(d), df(d.df()),
            p(d.p()));
      }
    }
    if (a.dbm() != null) {
      for (ModalityDifference d : a.dbm().randomReadersRandomCases().differences()) {
        t.row("DBM RRRC", d.first() + " - " + d.second(), signed(d.estimate()), ci(d.ci()), statistic(d), df(d.df()),
            p(d.p()));
      }
    }
    GeneralizationResult rrrc = a.obuchowskiRockette().randomReadersRandomCases();
    t.print(out, String.format(Locale.ROOT, "Modality differences in %s: Obuchowski-Rockette (%s covariance)%s;"
        + " RRRC = random readers and cases (F = %.2f, ddf = %s, p = %s), FRRC = fixed readers, RRFC = fixed cases",
        what, a.obuchowskiRockette().covarianceMethod().label(), a.dbm() == null ? "" : " and DBM",
        rrrc.test().statistic(), df(rrrc.test().ddf()),
        p(rrrc.test().p())));
  }

  private void modalities(FomAnalysis a, int level, String what) {
    Table t = new Table("modality", what, level + "% CI (RRRC)", "df", level + "% CI (FRRC)", level + "% CI (RRFC)");
    List<ModalityEstimate> rrrc = a.obuchowskiRockette().randomReadersRandomCases().modalities();
    for (int i = 0; i < rrrc.size(); i++) {
      ModalityEstimate m = rrrc.get(i);
      t.row(m.modality(), f3(m.estimate()), ci(m.ci()), df(m.df()),
          ci(a.obuchowskiRockette().fixedReadersRandomCases().modalities().get(i).ci()),
          ci(a.obuchowskiRockette().randomReadersFixedCases().modalities().get(i).ci()));
    }
    t.print(out, "Mean " + what + " per modality, from each modality's own data");
  }

  private void components(OrVarianceComponents v) {
    Table t = new Table("Var(R)", "Var(T*R)", "Cov1", "Cov2", "Cov3", "Var(error)");
    t.row(e(v.varR()), e(v.varTR()), e(v.cov1()), e(v.cov2()), e(v.cov3()), e(v.varError()));
    t.print(out, "Obuchowski-Rockette variance components (for planning new studies)");
  }

  private void standalone(FomAnalysis a, int level, String what) {
    if (a.standalone().isEmpty()) {
      return;
    }
    Table t = new Table("modality", "readers", "stand-alone", "readers - stand-alone", level + "% CI (RRRC)", "df", "p",
        level + "% CI (FRRC)");
    for (StandaloneDifference d : a.standalone()) {
      ModalityDifference rrrc = d.randomReadersRandomCases();
      t.row(d.modality(), f3(d.readersMean()), f3(d.standalone()), signed(rrrc.estimate()), ci(rrrc.ci()), df(rrrc.df()),
          p(rrrc.p()), ci(d.fixedReadersRandomCases().ci()));
    }
    t.print(out, "Human readers against the stand-alone reader, " + what + " (Hillis 2007 single-modality analysis)");
  }

  private void plan(PlanResult p) {
    Table t = new Table("readers", "cases RRRC (power)", "cases FRRC (power)", "cases RRFC (power)");
    for (PlanResult.PlannedReaders row : p.rows()) {
      t.row(Integer.toString(row.readers()), planned(row.randomReadersRandomCases()),
          planned(row.fixedReadersRandomCases()), planned(row.randomReadersFixedCases()));
    }
    t.print(out, String.format(Locale.ROOT, "Cases a new study needs for %.0f%% power at alpha %s to detect an AUC"
        + " difference of %.4f (%s; Hillis, Obuchowski and Berbaum 2011)", 100 * p.targetPower(), trim(p.alpha()),
        Math.abs(p.effect()), p.observedEffect() ? "the observed difference" : "as given"));
  }

  private static String planned(PowerEstimate e) {
    return e == null ? "not reached" : e.cases() + " (" + String.format(Locale.ROOT, "%.3f", e.power()) + ")";
  }

  private static String statistic(ModalityDifference d) {
    return (Double.isInfinite(d.df()) ? "z = " : "t = ") + String.format(Locale.ROOT, "%.2f", d.statistic());
  }

  private static String df(double df) {
    if (Double.isInfinite(df)) {
      return "-";
    }
    return df == Math.rint(df) ? Long.toString((long) df) : String.format(Locale.ROOT, "%.2f", df);
  }

  private static String ci(Interval ci) {
    return String.format(Locale.ROOT, "[%.3f, %.3f]", ci.lower(), ci.upper());
  }

  /** "0.920 [0.861, 0.979]": a reader's value with its normal interval over cases. */
  private static String valueWithCi(ReaderValue v) {
    return v.ci() == null ? f3(v.value()) : f3(v.value()) + " " + ci(v.ci());
  }

  private static String f3(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%.3f", x) : "-";
  }

  private static String e(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%.6f", x) : "-";
  }

  private static String signed(double x) {
    return Math.abs(x) < 0.0005 ? "0.000" : String.format(Locale.ROOT, "%+.3f", x);
  }

  private static String p(double p) {
    return ConsoleSummary.p(p);
  }

  private static String trim(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

package org.radtrial.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.radtrial.core.audit.AuditResult;
import org.radtrial.core.audit.FailureSlice;
import org.radtrial.core.audit.Heterogeneity;
import org.radtrial.core.audit.MetricGap;
import org.radtrial.core.audit.Shift;
import org.radtrial.core.audit.SubgroupRow;
import org.radtrial.core.audit.Transport;
import org.radtrial.core.stat.Interval;

/** The console summary of an audit: what differs, where models fail, and what to be careful with. */
final class AuditSummary {
  private final PrintWriter out;
  private final double fdr;
  private final int level;

  AuditSummary(PrintWriter out, double fdr, double ciLevel) {
    this.out = out;
    this.fdr = fdr;
    this.level = (int) Math.round(100 * ciLevel);
  }

  void print(AuditResult a) {
    out.printf(Locale.ROOT, "AUDIT at the deployed operating point: %s%n%n", a.operatingPoint());
    gaps(a);
    heterogeneity(a);
    slices(a);
    largeGaps(a);
    transport(a);
    shifts(a);
    long underpowered = a.subgroups().stream().filter(SubgroupRow::underpowered).count();
    out.printf(Locale.ROOT, "%d of %d subgroup rows are underpowered (fewer positives than %s): shown in results.json"
        + " with their minimum detectable difference, never tested or ranked.%n", underpowered, a.subgroups().size(),
        a.positivesNeeded());
    a.notes().forEach(n -> out.println("- " + n));
    out.println();
    out.flush();
  }

  private void gaps(AuditResult a) {
    Table t = new Table("model", "subgroup", "n (positives)", "metric", "value", "overall", "difference (" + level + "% CI)", "q");
    a.subgroups().stream()
        .flatMap(row -> row.gaps().stream().filter(g -> g.tested() && g.q() <= fdr).map(g -> new Object[] {row, g}))
        .sorted(Comparator.comparingDouble(x -> ((MetricGap) x[1]).q()))
        .limit(25)
        .forEach(x -> {
          SubgroupRow row = (SubgroupRow) x[0];
          MetricGap g = (MetricGap) x[1];
          t.row(row.model(), row.subgroup().label(), row.cases() + " (" + row.positives() + ")", g.metric(), f3(g.value()),
              f3(g.reference()), signed(g.difference()) + " " + ci(g.differenceCi()), ConsoleSummary.p(g.q()));
        });
    t.print(out, "Subgroups that differ from the whole cohort (q <= " + fdr + ", at most 25, smallest q first)");
  }

  private void heterogeneity(AuditResult a) {
    Table t = new Table("model", "columns", "metric", "test", "chi-square", "df", "p", "q");
    List<Heterogeneity> significant = a.heterogeneity().stream().filter(h -> h.q() <= fdr)
        .sorted(Comparator.comparingDouble(Heterogeneity::q).thenComparing(h -> -h.statistic())).toList();
    for (Heterogeneity h : significant.subList(0, Math.min(20, significant.size()))) {
      {
        t.row(h.model(), h.columns(), h.metric(), h.test(), String.format(Locale.ROOT, "%.2f", h.statistic()),
            Integer.toString(h.df()), ConsoleSummary.p(h.p()), ConsoleSummary.p(h.q()));
      }
    }
    t.print(out, "Metrics that differ across the groups of a column (q <= " + fdr + ": " + significant.size() + " of "
        + a.heterogeneity().size() + " tests; the 20 strongest)");
  }

  private void slices(AuditResult a) {
    out.printf(Locale.ROOT, "Failure slices (%d tested of %d with at least %d judged cases, FDR %s; most excess errors"
        + " first, by the lower bound; refinements shown only when clearly worse)%n", a.slicesTested(), a.slicesConsidered(),
        a.minimumSliceCases(), fdr);
    List<FailureSlice> slices = a.failureSlices();
    if (slices.isEmpty()) {
      boolean tooSmall = a.notes().stream().anyMatch(n -> n.contains("too small to search"));
      out.println(tooSmall ? "  none found; the notes below say which groups this cohort is too small to search" : "  none found");
    }
    listByModel(a, slices, 5);
    if (!a.tooFewToJudge().isEmpty()) {
      out.printf(Locale.ROOT, "Too few cases to judge (not tested, listed because the point estimate is alarming:"
          + " at least %d errors at twice the rest's rate or more)%n", 3);
      listByModel(a, a.tooFewToJudge(), 3);
    }
    out.println();
  }

  private void listByModel(AuditResult a, List<FailureSlice> slices, int limit) {
    for (String model : a.models()) {
      for (String error : List.of("false_negative", "false_positive")) {
        List<FailureSlice> top = slices.stream().filter(s -> s.model().equals(model) && s.error().equals(error)).limit(limit)
            .toList();
        if (!top.isEmpty()) {
          out.printf("  %s, %s:%n", model, error.equals("false_negative") ? "missed cancers" : "false alarms");
          top.forEach(s -> out.println("    " + s.sentence()));
        }
      }
    }
  }

  private void largeGaps(AuditResult a) {
    List<SubgroupRow> large = a.subgroups().stream().filter(SubgroupRow::largeGapFewCases).toList();
    if (large.isEmpty()) {
      return;
    }
    Table t = new Table("model", "subgroup", "n (positives)", "sensitivity (" + level + "% CI)");
    for (SubgroupRow row : large.subList(0, Math.min(15, large.size()))) {
      t.row(row.model(), row.subgroup().label(), row.cases() + " (" + row.positives() + ")",
          f3(row.metrics().sensitivity().estimate()) + " " + ci(row.metrics().sensitivity().ci()));
    }
    t.print(out, "Large gap, few cases: underpowered subgroups whose own sensitivity interval excludes the rest's ("
        + large.size() + "; not tested, a lead to check)");
  }

  private void transport(AuditResult a) {
    if (a.transport() == null) {
      return;
    }
    Table t = new Table("model", "metric", "local", "in the target population (" + level + "% CI)");
    for (AuditResult.ModelTransport m : a.transport().models()) {
      for (Transport.Estimate e : m.estimates()) {
        t.row(m.model(), e.metric(), f3(e.local()), f3(e.estimate()) + " " + ci(e.ci()));
      }
    }
    t.print(out, "Transported to the target population (reweighted by " + a.transport().weights().columns().stream()
        .map(c -> c.name()).toList() + ")");
  }

  private void shifts(AuditResult a) {
    if (a.shifts().isEmpty()) {
      return;
    }
    Table t = new Table("variable", "kind", "SMD", "PSI", "KS D", "KS p", "shift");
    for (Shift s : a.shifts()) {
      t.row(s.variable(), s.kind(), f3(s.standardizedDifference()), f3(s.psi()), f3(s.ksStatistic()),
          Double.isNaN(s.ksP()) ? "-" : ConsoleSummary.p(s.ksP()), s.verdict());
    }
    t.print(out, "Shift from the reference cohort");
  }

  private static String f3(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%.3f", x) : "-";
  }

  private static String signed(double x) {
    return String.format(Locale.ROOT, "%+.3f", x);
  }

  private static String ci(Interval ci) {
    return ci == null ? "n/a" : String.format(Locale.ROOT, "[%.3f, %.3f]", ci.lower(), ci.upper());
  }
}

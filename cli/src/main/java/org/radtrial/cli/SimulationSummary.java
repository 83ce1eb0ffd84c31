package org.radtrial.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radtrial.core.simulate.SimulationMetric;
import org.radtrial.core.simulate.SimulationResult;
import org.radtrial.core.simulate.Strategy;
import org.radtrial.core.stat.Interval;

/**
 * The console summary of a virtual trial: the baseline, then per model and strategy its
 * thresholds of interest (as the simulation chose them), with intervals and differences from the
 * baseline.
 */
final class SimulationSummary {
  private final PrintWriter out;

  SimulationSummary(PrintWriter out) {
    this.out = out;
  }

  void print(SimulationResult r) {
    out.printf(Locale.ROOT, "%,d exams, %,d cancers in the follow-up window%n", r.exams(), r.cancers());
    out.printf(Locale.ROOT, "Assumption for unrecorded decisions: %s (recall with probability %.3f with cancer, %.3f without;"
        + " %s)%n%n", r.assumption().name(), r.assumption().recallIfCancer(), r.assumption().recallIfNormal(), r.calibration());
    Map<SimulationMetric, SimulationResult.Estimate> b = r.baseline();
    out.printf(Locale.ROOT, "Baseline (the programme as recorded): CDR %s per 1,000, recall rate %s, PPV %s, %s reading hours%n%n",
        f(b.get(SimulationMetric.CDR), 2), f(b.get(SimulationMetric.RECALL_RATE), 4), f(b.get(SimulationMetric.PPV), 3),
        f(b.get(SimulationMetric.READING_HOURS), 1));
    Table t = new Table("model", "strategy", "threshold (flags)", "CDR /1000 (diff.)", "recall rate (diff.)",
        "missed vs baseline", "workload change %", "why this threshold");
    for (SimulationResult.ModelSimulation m : r.models()) {
      for (Map.Entry<Strategy, List<Map<SimulationMetric, SimulationResult.Estimate>>> e : m.curves().entrySet()) {
        for (SimulationResult.ThresholdOfInterest choice : m.interest().get(e.getKey())) {
          int j = choice.index();
          Map<SimulationMetric, SimulationResult.Estimate> p = e.getValue().get(j);
          SimulationResult.Threshold threshold = m.thresholds().get(j);
          t.row(m.model(), e.getKey().key(),
              String.format(Locale.ROOT, "%.4g (%.1f%%)", threshold.value(), 100 * threshold.flagRate()),
              f(p.get(SimulationMetric.CDR), 2) + " (" + diff(p.get(SimulationMetric.CDR), 2) + ")",
              f(p.get(SimulationMetric.RECALL_RATE), 4) + " (" + diff(p.get(SimulationMetric.RECALL_RATE), 4) + ")",
              f(p.get(SimulationMetric.MISSED_VS_BASELINE), 1),
              f(p.get(SimulationMetric.WORKLOAD_CHANGE_PCT), 1), reason(choice));
        }
      }
    }
    t.print(out, "Strategies (bootstrap intervals at the chosen level, and the full threshold sweep, in results.json)");
    r.selections().stream().filter(s -> s.threshold() < 0)
        .forEach(s -> out.printf("- %s, %s: no threshold meets %s%n", s.model(), s.strategy().key(), s.constraints()));
    r.notSimulated().forEach((s, reason) -> out.printf("- %s not simulated: %s%n", s.key(), reason));
    r.notes().forEach(n -> out.println("- " + n));
    out.println();
    out.flush();
  }

  private static String reason(SimulationResult.ThresholdOfInterest t) {
    return switch (t.reason()) {
      case CONSTRAINTS -> "meets the constraints";
      case USER -> "given by the user";
      case CLOSEST -> "flags about the baseline's recall rate";
    };
  }

  private static String f(SimulationResult.Estimate e, int decimals) {
    if (e == null || !Double.isFinite(e.value())) {
      return "-";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", e.value()) + ci(e.ci(), decimals);
  }

  private static String diff(SimulationResult.Estimate e, int decimals) {
    if (e == null || !Double.isFinite(e.difference())) {
      return "-";
    }
    return String.format(Locale.ROOT, "%+." + decimals + "f", e.difference()) + ci(e.differenceCi(), decimals);
  }

  private static String ci(Interval ci, int decimals) {
    return ci == null ? "" : String.format(Locale.ROOT, " [%." + decimals + "f, %." + decimals + "f]", ci.lower(), ci.upper());
  }
}

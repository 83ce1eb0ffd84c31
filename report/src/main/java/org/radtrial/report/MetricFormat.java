package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Map;
import org.radtrial.core.simulate.SimulationMetric;

/**
 * How a metric of a virtual trial reads, in the report and in the web app: a rate per 1,000, a
 * proportion, a count or a change in %, with its labels and decimals. The metrics themselves are
 * core's {@link SimulationMetric}, the one list of them (its keys are results.json's); a metric
 * added there does not compile here until it is given a format.
 */
public final class MetricFormat {
  private enum Kind { RATE, PERCENT, COUNT, CHANGE }

  private static final Map<SimulationMetric, MetricFormat> FORMATS = new EnumMap<>(SimulationMetric.class);

  static {
    for (SimulationMetric m : SimulationMetric.values()) {
      FORMATS.put(m, create(m));
    }
  }

  final SimulationMetric metric;
  /** The metric's key in results.json, e.g. "recall_rate". */
  final String key;
  final String label;
  final String longLabel;
  private final Kind kind;
  private final int digits;

  private MetricFormat(SimulationMetric metric, String label, String longLabel, Kind kind, int digits) {
    this.metric = metric;
    this.key = metric.key();
    this.label = label;
    this.longLabel = longLabel;
    this.kind = kind;
    this.digits = digits;
  }

  private static MetricFormat create(SimulationMetric m) {
    return switch (m) {
      case CDR -> new MetricFormat(m, "CDR per 1,000", "Cancers detected per 1,000 exams (CDR)", Kind.RATE, 2);
      case RECALL_RATE -> new MetricFormat(m, "recall rate", "Recall rate (women recalled per exam)", Kind.PERCENT, 2);
      case FP_PER_1000 -> new MetricFormat(m, "false-positive recalls per 1,000", "False-positive recalls per 1,000 exams",
          Kind.RATE, 1);
      case PPV -> new MetricFormat(m, "PPV", "PPV (share of recalls with cancer)", Kind.PERCENT, 1);
      case SENSITIVITY -> new MetricFormat(m, "sensitivity", "Programme sensitivity (share of the cancers detected)",
          Kind.PERCENT, 1);
      case DETECTED -> new MetricFormat(m, "cancers detected", "Cancers detected", Kind.COUNT, 0);
      case MISSED_VS_BASELINE -> new MetricFormat(m, "cancers missed vs baseline",
          "Cancers missed compared with the baseline (net)", Kind.COUNT, 1);
      case RECALLS -> new MetricFormat(m, "women recalled", "Women recalled", Kind.COUNT, 0);
      case HUMAN_READS -> new MetricFormat(m, "human reads", "Human reads", Kind.COUNT, 0);
      case ARBITRATIONS -> new MetricFormat(m, "arbitrations and reviews", "Arbitrations (and extra reviews)", Kind.COUNT, 0);
      case READING_HOURS -> new MetricFormat(m, "reading hours", "Reading hours", Kind.COUNT, 1);
      case WORKLOAD_CHANGE_PCT -> new MetricFormat(m, "workload change", "Reading hours compared with the baseline",
          Kind.CHANGE, 1);
      case COST -> new MetricFormat(m, "cost", "Cost (recalls and reading hours)", Kind.COUNT, 0);
      case ENERGY_KWH -> new MetricFormat(m, "energy, kWh", "Energy of the recalls' extra imaging, kWh", Kind.COUNT, 1);
    };
  }

  /** The format of a metric. */
  public static MetricFormat of(SimulationMetric metric) {
    return FORMATS.get(metric);
  }

  /** The metric is itself a comparison with the baseline (cancers missed, workload change), so it has no difference. */
  boolean fromBaseline() {
    return metric == SimulationMetric.MISSED_VS_BASELINE || metric == SimulationMetric.WORKLOAD_CHANGE_PCT;
  }

  /** The metric's name in a table row: "Recall rate (women recalled per exam)". */
  public String longLabel() {
    return longLabel;
  }

  String value(double x) {
    if (!Double.isFinite(x)) {
      return Fmt.NOT_ESTIMABLE;
    }
    return switch (kind) {
      case RATE -> Fmt.decimal(x, digits);
      case PERCENT -> Fmt.decimal(100 * x, digits) + "%";
      case COUNT -> Fmt.grouped(x, digits);
      case CHANGE -> Fmt.signed(x, digits) + "%";
    };
  }

  String interval(Interval ci) {
    if (!ci.exists()) {
      return Fmt.NOT_ESTIMABLE;
    }
    return switch (kind) {
      case RATE -> Fmt.interval(ci, digits);
      case PERCENT -> Fmt.interval(ci.times(100), digits) + "%";
      case COUNT -> Fmt.groupedInterval(ci, digits);
      case CHANGE -> Fmt.interval(ci, digits) + "%";
    };
  }

  /** A difference from the baseline, in the metric's units (percentage points for a proportion). */
  String difference(double d) {
    return difference(d, 0);
  }

  /** A difference with {@code extra} more decimals than usual. */
  String difference(double d, int extra) {
    if (!Double.isFinite(d)) {
      return Fmt.NOT_ESTIMABLE;
    }
    int n = digits + extra;
    return switch (kind) {
      case RATE -> Fmt.signed(d, n);
      case PERCENT -> Fmt.signed(100 * d, n);
      case COUNT -> Fmt.signedGrouped(d, n);
      case CHANGE -> Fmt.signed(d, n) + "%";
    };
  }

  String differenceInterval(Interval ci) {
    return differenceInterval(ci, 0);
  }

  String differenceInterval(Interval ci, int extra) {
    if (!ci.exists()) {
      return Fmt.NOT_ESTIMABLE;
    }
    int n = digits + extra;
    return switch (kind) {
      case RATE, CHANGE -> Fmt.interval(ci, n);
      case PERCENT -> Fmt.interval(ci.times(100), n);
      case COUNT -> Fmt.groupedInterval(ci, n);
    };
  }

  /**
   * The decimals to add (at most 3) so that a difference whose interval excludes 0 is not written
   * with a bound of "0.00", which would read as no difference.
   */
  int extraDigits(double d, Interval ci) {
    if (!ci.excludes(0)) {
      return 0;
    }
    double scale = kind == Kind.PERCENT ? 100 : 1;
    for (int extra = 0; extra < 3; extra++) {
      double smallest = 0.5 * Math.pow(10, -(digits + extra));
      if (Math.abs(scale * d) >= smallest && Math.abs(scale * ci.lower()) >= smallest
          && Math.abs(scale * ci.upper()) >= smallest) {
        return extra;
      }
    }
    return 3;
  }

  /** The unit of a difference as a sentence says it. */
  String differenceUnit() {
    return switch (kind) {
      case RATE -> " per 1,000";
      case PERCENT -> " points";
      case COUNT, CHANGE -> "";
    };
  }

  /**
   * "5.73 (5.26–6.21)": the estimate of {@code {estimate, ci, ...}} with its interval; the estimate
   * alone when there is no interval (a run without bootstrap).
   */
  public String withInterval(JsonNode m) {
    double estimate = Json.number(m, "estimate");
    Interval ci = Interval.of(m.get("ci"));
    return Double.isFinite(estimate) && !ci.exists() ? value(estimate) : value(estimate) + " (" + interval(ci) + ")";
  }

  /** "Δ +0.01 (−0.04 to 0.06)": the paired difference from the baseline with its interval (if any). */
  String differenceWithInterval(JsonNode m) {
    double d = Json.number(m, "difference_vs_baseline");
    Interval ci = Interval.of(m.get("difference_ci"));
    return "\u0394 " + difference(d) + (Double.isFinite(d) && !ci.exists() ? "" : " (" + differenceInterval(ci) + ")");
  }

  double estimate(JsonNode point) {
    return Json.number(point.path(key), "estimate");
  }

  /** What the interval of the difference from the baseline lets the report say (no test goes with it). */
  Judgement judge(JsonNode point, double alpha) {
    JsonNode m = point.path(key);
    return Judgement.of(Json.number(m, "difference_vs_baseline"), Interval.of(m.get("difference_ci")), Double.NaN, alpha);
  }
}

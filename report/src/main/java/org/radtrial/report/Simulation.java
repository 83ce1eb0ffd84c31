package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to results.json's "simulation" section (docs/results-schema.md, written by
 * 'radtrial simulate'): the strategies, each model's threshold sweep, the thresholds of interest and
 * how each metric reads.
 */
final class Simulation {
  /** Why a threshold is shown: the rule of the console summary of 'radtrial simulate'. */
  enum Why {
    CONSTRAINTS("meets the constraints with the fewest reading hours"),
    USER("given by the user"),
    CLOSEST("flags about as many exams as the baseline recalls");

    final String text;

    Why(String text) {
      this.text = text;
    }
  }

  /**
   * A threshold of interest of one model and strategy: its index in the model's sweep, why it is
   * shown, and whether constraints were given that no threshold of this strategy meets.
   */
  record Choice(int index, Why why, boolean constraintsUnmet) {
    /** Why the threshold is shown, for a table. */
    String reason() {
      return constraintsUnmet ? "no threshold meets the constraints; " + why.text : why.text;
    }

    /** Why the threshold is shown, inside a sentence. */
    String shortReason() {
      return switch (why) {
        case CONSTRAINTS -> "chosen by the constraints";
        case USER -> constraintsUnmet ? "given by the user; no threshold meets the constraints" : "given by the user";
        case CLOSEST -> (constraintsUnmet ? "no threshold meets the constraints, so the" : "the")
            + " sweep point nearest the baseline's recall rate";
      };
    }
  }

  private enum Kind { RATE, PERCENT, COUNT, CHANGE }

  /** A metric of results.json and how it reads: a rate per 1,000, a proportion, a count or a change in %. */
  enum Metric {
    CDR("cdr", "CDR per 1,000", "Cancers detected per 1,000 exams (CDR)", Kind.RATE, 2),
    RECALL_RATE("recall_rate", "recall rate", "Recall rate (women recalled per exam)", Kind.PERCENT, 2),
    FP_PER_1000("fp_per_1000", "false-positive recalls per 1,000", "False-positive recalls per 1,000 exams", Kind.RATE, 1),
    PPV("ppv", "PPV", "PPV (share of recalls with cancer)", Kind.PERCENT, 1),
    SENSITIVITY("sensitivity", "sensitivity", "Programme sensitivity (share of the cancers detected)", Kind.PERCENT, 1),
    DETECTED("detected", "cancers detected", "Cancers detected", Kind.COUNT, 0),
    MISSED("missed_vs_baseline", "cancers missed vs baseline", "Cancers missed compared with the baseline (net)", Kind.COUNT, 1),
    RECALLS("recalls", "women recalled", "Women recalled", Kind.COUNT, 0),
    HUMAN_READS("human_reads", "human reads", "Human reads", Kind.COUNT, 0),
    ARBITRATIONS("arbitrations", "arbitrations and reviews", "Arbitrations (and extra reviews)", Kind.COUNT, 0),
    READING_HOURS("reading_hours", "reading hours", "Reading hours", Kind.COUNT, 1),
    WORKLOAD("workload_change_pct", "workload change", "Reading hours compared with the baseline", Kind.CHANGE, 1),
    COST("cost", "cost", "Cost (recalls and reading hours)", Kind.COUNT, 0),
    ENERGY("energy_kwh", "energy, kWh", "Energy of the recalls' extra imaging, kWh", Kind.COUNT, 1);

    final String key;
    final String label;
    final String longLabel;
    private final Kind kind;
    private final int digits;

    Metric(String key, String label, String longLabel, Kind kind, int digits) {
      this.key = key;
      this.label = label;
      this.longLabel = longLabel;
      this.kind = kind;
      this.digits = digits;
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
    String withInterval(JsonNode m) {
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

  private final Results results;
  private final JsonNode node;

  Simulation(Results results) {
    this.results = results;
    this.node = results.get("simulation");
  }

  static boolean presentIn(Results results) {
    return results.at("/simulation/baseline").isObject() && results.at("/simulation/models").isObject();
  }

  JsonNode get(String key) {
    return node.path(key);
  }

  List<String> models() {
    return Json.names(node.get("models"));
  }

  /** Every strategy results.json describes, the baseline left out, in its fixed order (which fixes colours). */
  List<String> strategyKeys() {
    List<String> keys = new ArrayList<>(Json.names(node.get("strategies")));
    keys.remove("baseline");
    for (String model : models()) {
      for (String s : simulated(model)) {
        if (!keys.contains(s)) {
          keys.add(s);
        }
      }
    }
    return keys;
  }

  int strategyIndex(String strategy) {
    return Math.max(0, strategyKeys().indexOf(strategy));
  }

  String description(String strategy) {
    return Json.text(node.get("strategies"), strategy);
  }

  /** The strategies simulated for a model, in results.json's order. */
  List<String> simulated(String model) {
    return Json.names(node.path("models").path(model).path("strategies"));
  }

  /** The strategies simulated for any model. */
  List<String> simulated() {
    List<String> all = new ArrayList<>();
    for (String model : models()) {
      simulated(model).stream().filter(s -> !all.contains(s)).forEach(all::add);
    }
    return all;
  }

  Map<String, String> notSimulated() {
    Map<String, String> reasons = new LinkedHashMap<>();
    JsonNode not = node.path("not_simulated");
    Json.names(not).forEach(s -> reasons.put(s, not.path(s).asText()));
    return reasons;
  }

  List<JsonNode> thresholds(String model) {
    return Json.elements(node.path("models").path(model).get("thresholds"));
  }

  /** One strategy's metrics at one threshold of the model's sweep. */
  JsonNode point(String model, String strategy, int index) {
    return node.path("models").path(model).path("strategies").path(strategy).path(index);
  }

  List<JsonNode> curve(String model, String strategy) {
    return Json.elements(node.path("models").path(model).path("strategies").get(strategy));
  }

  JsonNode baseline() {
    return node.path("baseline");
  }

  /** "0.039 (flags 27.0%)": a threshold of the sweep and the share of exams it flags. */
  String threshold(String model, int index) {
    JsonNode t = node.path("models").path(model).path("thresholds").path(index);
    return Fmt.significant(Json.number(t, "value"), 4) + " (flags " + Fmt.prevalence(Json.number(t, "flag_rate")) + ")";
  }

  double flagRate(String model, int index) {
    return Json.number(node.path("models").path(model).path("thresholds").path(index), "flag_rate");
  }

  String thresholdValue(String model, int index) {
    return Fmt.significant(Json.number(node.path("models").path(model).path("thresholds").path(index), "value"), 4);
  }

  List<JsonNode> selections() {
    return Json.elements(node.get("selections"));
  }

  /** The constraints as people write them: "recall_rate ≤ 0.05, cdr ≥ baseline"; empty without any. */
  String constraintsText() {
    return Fmt.symbols(constraints()).replace(",", ", ").replace("\u2264", " \u2264 ").replace("\u2265", " \u2265 ")
        .replaceAll(" +", " ");
  }

  /** The constraints as given, e.g. "recall_rate<=0.05,cdr>=baseline"; empty without any. */
  String constraints() {
    String given = Json.text(results.get("settings"), "constraints");
    if (!given.isEmpty()) {
      return given;
    }
    return selections().isEmpty() ? "" : selections().get(0).path("constraints").asText();
  }

  /**
   * The thresholds of interest of a model and strategy, as the simulation chose them
   * ({@code thresholds_of_interest}: the constraints' choice, the user's, else the sweep point
   * flagging closest to the baseline's recall rate), and whether the constraints went unmet.
   */
  List<Choice> choices(String model, String strategy) {
    boolean unmet = false;
    for (JsonNode s : selections()) {
      if (s.path("model").asText().equals(model) && s.path("strategy").asText().equals(strategy)
          && !s.path("threshold_index").isNumber()) {
        unmet = true;
      }
    }
    List<Choice> chosen = new ArrayList<>();
    for (JsonNode t : Json.elements(node.path("models").path(model).path("thresholds_of_interest").path(strategy))) {
      Why why = Why.valueOf(t.path("reason").asText().toUpperCase(java.util.Locale.ROOT));
      chosen.add(new Choice(t.path("index").asInt(), why, unmet && why != Why.CONSTRAINTS));
    }
    return chosen;
  }

  /** The assumption-dependent strategies of a model: those with rows in the sensitivity analysis. */
  boolean needsAssumption(String model, String strategy) {
    return Json.elements(node.get("sensitivity")).stream()
        .anyMatch(r -> r.path("model").asText().equals(model) && r.path("strategy").asText().equals(strategy));
  }

  boolean anyNeedsAssumption() {
    return !Json.elements(node.get("sensitivity")).isEmpty();
  }

  /** A row of the sensitivity analysis, or a missing node. */
  JsonNode sensitivity(String model, String strategy, int index, String assumption) {
    for (JsonNode r : Json.elements(node.get("sensitivity"))) {
      if (r.path("model").asText().equals(model) && r.path("strategy").asText().equals(strategy)
          && r.path("threshold_index").asInt(-1) == index && r.path("assumption").asText().equals(assumption)) {
        return r;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** The assumptions of the sensitivity analysis in their order: the chosen one, then the bounds. */
  List<String> assumptions() {
    List<String> names = new ArrayList<>();
    names.add(assumptionName());
    for (JsonNode r : Json.elements(node.get("sensitivity"))) {
      String name = r.path("assumption").asText();
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  String assumptionName() {
    return node.at("/assumption/name").asText("?");
  }

  /** The bootstrap replicates, or -1 when settings do not say. */
  long replicates() {
    JsonNode b = results.get("settings").get("bootstrap_replicates");
    return b != null && b.isNumber() ? b.asLong() : -1;
  }

  double programme(String key) {
    return Json.number(node.get("programme"), key);
  }

  /**
   * The follow-up window that defined the cancers: the programme's follow_up_months when a
   * --diagnosis-months column applied it, 0 when none did (every cancer in the truth column counts).
   * A results.json from before settings.diagnosis_months was written is taken at its programme.
   */
  double followUpApplied() {
    JsonNode settings = results.get("settings");
    if (settings != null && settings.has("diagnosis_months") && Json.text(settings, "diagnosis_months").isEmpty()) {
      return 0;
    }
    return programme("follow_up_months");
  }

  /** What the bootstrap intervals include of the assumption for decisions never recorded, as a sentence. */
  String assumptionUncertainty() {
    return "calibrated".equals(assumptionName())
        ? "The bootstrap intervals include the sampling uncertainty of the calibrated probabilities (they are"
            + " re-estimated from the recorded arbitrations in every replicate), but not the uncertainty of the"
            + " assumption itself: that unrecorded decisions would have gone as recorded ones did."
        : "The bootstrap intervals do not include the uncertainty of this assumption: its probabilities are fixed,"
            + " not estimated.";
  }

  boolean costed() {
    return programme("cost_per_recall") > 0 || programme("cost_per_reading_hour") > 0;
  }

  /** The metrics the tables show: cost and energy only when the programme prices them. */
  List<Metric> baselineMetrics() {
    List<Metric> metrics = new ArrayList<>();
    for (Metric m : Metric.values()) {
      if (m == Metric.MISSED || m == Metric.WORKLOAD || m == Metric.COST && !costed()
          || m == Metric.ENERGY && !(programme("energy_per_recall_kwh") > 0)) {
        continue;
      }
      metrics.add(m);
    }
    return metrics;
  }

  /** The subgroup effects of a model (docs/results-schema.md: simulation.subgroups). */
  List<JsonNode> subgroups(String model) {
    return Json.elements(node.get("subgroups")).stream().filter(r -> r.path("model").asText().equals(model)).toList();
  }

  List<String> notes() {
    List<String> notes = new ArrayList<>();
    Json.elements(node.get("notes")).forEach(n -> notes.add(n.asText()));
    return notes;
  }
}

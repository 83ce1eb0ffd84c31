package org.radtrial.report;

import static org.radtrial.core.simulate.SimulationMetric.COST;
import static org.radtrial.core.simulate.SimulationMetric.ENERGY_KWH;
import static org.radtrial.core.simulate.SimulationMetric.MISSED_VS_BASELINE;
import static org.radtrial.core.simulate.SimulationMetric.WORKLOAD_CHANGE_PCT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radtrial.core.simulate.SimulationMetric;

/**
 * Typed access to results.json's "simulation" section (docs/results-schema.md, written by
 * 'radtrial simulate'): the strategies, each model's threshold sweep, the thresholds of interest and
 * how each metric reads ({@link MetricFormat}).
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
  List<MetricFormat> baselineMetrics() {
    List<MetricFormat> metrics = new ArrayList<>();
    for (SimulationMetric m : SimulationMetric.values()) {
      if (m == MISSED_VS_BASELINE || m == WORKLOAD_CHANGE_PCT || m == COST && !costed()
          || m == ENERGY_KWH && !(programme("energy_per_recall_kwh") > 0)) {
        continue;
      }
      metrics.add(MetricFormat.of(m));
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

package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;

/** Typed access to the parts of results.json every section needs (docs/results-schema.md). */
final class Results {
  private final JsonNode root;

  Results(JsonNode root) {
    this.root = root;
  }

  boolean has(String key) {
    JsonNode node = root.get(key);
    return node != null && !node.isNull();
  }

  /** The node at a top-level key, or a missing node. */
  JsonNode get(String key) {
    JsonNode node = root.get(key);
    return node == null ? MissingNode.getInstance() : node;
  }

  JsonNode at(String pointer) {
    return root.at(pointer);
  }

  /** The confidence level of every interval, e.g. 0.95. */
  double ciLevel() {
    double level = Json.number(get("settings"), "ci_level");
    return Double.isFinite(level) ? level : 0.95;
  }

  /** "95%": how the report names the intervals' level. */
  String level() {
    return Fmt.decimal(100 * ciLevel(), Math.abs(100 * ciLevel() - Math.rint(100 * ciLevel())) < 1e-9 ? 0 : 1) + "%";
  }

  /** The significance level that matches the intervals: 1 − ci_level. */
  double alpha() {
    return 1 - ciLevel();
  }

  List<String> models() {
    return Json.names(get("models"));
  }

  JsonNode model(String name) {
    return get("models").path(name);
  }

  List<String> readers() {
    return Json.names(get("readers"));
  }

  /** Position of a model in results.json's order, which fixes its colour and marker everywhere. */
  int modelIndex(String name) {
    return models().indexOf(name);
  }

  long cases() {
    return at("/cohort/cases").asLong();
  }

  long positives() {
    return at("/cohort/positives").asLong();
  }

  long negatives() {
    return at("/cohort/negatives").asLong();
  }

  /** The models a simulation replayed, in results.json's order (none without a "simulation" key). */
  List<String> simulatedModels() {
    return Json.names(at("/simulation/models"));
  }

  /** The models this results.json is about: the evaluated ones, or else the simulated ones. */
  List<String> modelsShown() {
    return models().isEmpty() ? simulatedModels() : models();
  }

  /**
   * What a positive case is, in the data's own words: "cancer = 1"; for a simulation, which writes no
   * truth column, the cancers it counts.
   */
  String disease() {
    String column = at("/cohort/truth/column").asText("");
    String value = at("/cohort/truth/positive").asText("");
    if (column.isEmpty()) {
      return Simulation.presentIn(this) ? "cancer within the follow-up window" : "disease";
    }
    return column + " = " + value;
  }
}

package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to the "mrmc" section of results.json (docs/mrmc.md): the design, the analyses of each
 * figure of merit, the readers' ROC curves and the sample-size plan.
 */
final class Mrmc {
  /** The generalizations in the order the report shows them, with results.json's keys. */
  static final List<String> GENERALIZATIONS = List.of("rrrc", "frrc", "rrfc");

  private final Results results;
  private final JsonNode mrmc;

  Mrmc(Results results) {
    this.results = results;
    this.mrmc = results.get("mrmc");
  }

  static boolean presentIn(Results results) {
    return results.has("mrmc");
  }

  JsonNode get(String key) {
    return mrmc.path(key);
  }

  List<String> modalities() {
    return texts(mrmc.at("/design/modalities"));
  }

  List<String> readers() {
    return texts(mrmc.at("/design/readers"));
  }

  /** The stand-alone reader's name, or "" without one. */
  String standalone() {
    return Json.text(mrmc.path("design"), "standalone_reader");
  }

  long cases() {
    return mrmc.at("/design/cases").asLong();
  }

  long positives() {
    return mrmc.at("/design/positives").asLong();
  }

  long negatives() {
    return mrmc.at("/design/negatives").asLong();
  }

  boolean splitPlot() {
    return "split-plot".equals(mrmc.at("/design/layout").asText());
  }

  List<JsonNode> blocks() {
    return Json.elements(mrmc.at("/design/blocks"));
  }

  /** "jackknife", "DeLong" or "unbiased": the covariance method of the AUC's OR analysis. */
  String covariance() {
    return mrmc.at("/auc/obuchowski_rockette/covariance_method").asText("jackknife");
  }

  /** The analyses present, in order: "auc", then "sensitivity" and "specificity" with a cut. */
  List<String> analyses() {
    List<String> keys = new ArrayList<>(List.of("auc"));
    for (String key : List.of("sensitivity", "specificity")) {
      if (mrmc.path(key).isObject()) {
        keys.add(key);
      }
    }
    return keys;
  }

  JsonNode analysis(String key) {
    return mrmc.path(key);
  }

  /** "AUC", "sensitivity at cut 3", …: what an analysis measured. */
  static String figure(JsonNode analysis) {
    return Json.text(analysis, "figure_of_merit");
  }

  /** Decimals for a figure of merit: 3. */
  static String value(double x) {
    return Fmt.decimal(x, 3);
  }

  static String interval(JsonNode withCi) {
    return Fmt.interval(Interval.of(withCi.get("ci")), 3);
  }

  /** "F(1, 15.3) = 4.46" or "χ²(1) = 5.48", from a generalization's test. */
  static String test(JsonNode test) {
    if (test == null || test.isNull() || test.isMissingNode()) {
      return Fmt.NOT_ESTIMABLE;
    }
    String df = Fmt.trimmed(Json.number(test, "ndf"), 2);
    double ddf = Json.number(test, "ddf");
    String name = "chi-square".equals(Json.text(test, "distribution")) ? "\u03C7\u00B2(" + df + ")"
        : "F(" + df + ", " + (Double.isFinite(ddf) ? Fmt.trimmed(ddf, 2) : "\u221E") + ")";
    return name + " = " + Fmt.decimal(Json.number(test, "statistic"), 2);
  }

  /** The degrees of freedom of a difference or estimate: "15.26", or "normal" for a z reference. */
  static String df(JsonNode node) {
    double df = Json.number(node, "df");
    return Double.isFinite(df) ? Fmt.trimmed(df, 2) : "normal (z)";
  }

  /** Long name of a generalization key. */
  static String generalization(String key) {
    return switch (key) {
      case "rrrc" -> "random readers, random cases";
      case "frrc" -> "fixed readers, random cases";
      case "rrfc" -> "random readers, fixed cases";
      default -> key;
    };
  }

  /** The ROC curves of results.json's "readers" for one modality (null: the stand-alone reader). */
  List<JsonNode> curves(String modality) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode curve : Json.elements(mrmc.get("readers"))) {
      String m = curve.path("modality").isNull() ? null : curve.path("modality").asText();
      if (modality == null ? m == null : modality.equals(m)) {
        out.add(curve);
      }
    }
    return out;
  }

  /** A value of values[]: for a modality and reader (modality null: the stand-alone reader). */
  static JsonNode value(JsonNode analysis, String modality, String reader) {
    for (JsonNode v : Json.elements(analysis.get("values"))) {
      boolean standalone = v.path("modality").isNull();
      if (reader.equals(Json.text(v, "reader")) && (modality == null ? standalone : modality.equals(Json.text(v, "modality")))) {
        return v;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  Results results() {
    return results;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    Json.elements(array).forEach(n -> out.add(n.asText()));
    return out;
  }
}

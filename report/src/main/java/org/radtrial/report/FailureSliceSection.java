package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where each model errs more than elsewhere (the audit's failure-slice search), as sentences. */
final class FailureSliceSection implements Section {
  @Override
  public String id() {
    return "failure-slices";
  }

  @Override
  public String findingsHeading() {
    return "Failure slices";
  }

  @Override
  public String title() {
    return "Failure slices: where a model misses more or raises more false alarms";
  }

  @Override
  public boolean presentIn(Results results) {
    return results.at("/audit/failure_slices").isObject() || !Json.elements(results.at("/audit/confident_errors")).isEmpty();
  }

  @Override
  public List<Finding> findings(Results results) {
    List<JsonNode> slices = Json.elements(results.at("/audit/failure_slices/discoveries"));
    long tested = results.at("/audit/failure_slices/tested").asLong();
    if (!results.at("/audit/failure_slices").isObject()) {
      return List.of();
    }
    if (slices.isEmpty()) {
      boolean tooSmall = Json.elements(results.at("/audit/notes")).stream()
          .anyMatch(n -> n.asText().contains("too small to search"));
      return List.of(new Finding(Finding.Strength.NOT_SHOWN, "The failure-slice search tested " + Fmt.count(tested)
          + " combinations of metadata values and found none where a model errs more than in the rest." + (tooSmall
          ? " The cohort is too small to search many groups for missed cancers (see Notes), so this does not show that"
              + " no weakness exists." : ""), id()));
    }
    List<Finding> findings = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (JsonNode slice : slices) {
      String key = slice.path("model").asText() + "/" + slice.path("error").asText();
      if (!seen.contains(key)) {
        seen.add(key);
        findings.add(new Finding(judgement(results, slice).strength(), sentence(results, slice), id()));
      }
    }
    findings.add(new Finding(Finding.Strength.FACT, slices.size() + " failure slice" + (slices.size() == 1 ? "" : "s")
        + " found among " + Fmt.count(tested) + " tested (false-discovery rate controlled); all are listed under Failure"
        + " slices.", id()));
    return findings;
  }

  private static Judgement judgement(Results results, JsonNode slice) {
    return Judgement.of(Json.number(slice, "effect"), Interval.of(slice.get("effect_ci")), Double.NaN, results.alpha());
  }

  /** A slice in words, computed from its counts, not copied from results.json's shorter sentence. */
  static String sentence(Results results, JsonNode slice) {
    boolean missed = slice.path("error").asText().equals("false_negative");
    String model = slice.path("model").asText();
    double sliceRate = Json.number(slice, "slice_rate");
    double restRate = Json.number(slice, "rest_rate");
    String where = " in exams with " + slice.path("rule").asText();
    String rates = missed
        ? "sensitivity " + Fmt.percent(1 - sliceRate) + " vs " + Fmt.percent(1 - restRate) + " in the rest; miss rate "
        : "specificity " + Fmt.percent(1 - sliceRate) + " vs " + Fmt.percent(1 - restRate) + " in the rest; false-positive rate ";
    Interval ci = Interval.of(slice.get("effect_ci"));
    String counts = Fmt.count(slice.path("cases").asLong()) + " exams, " + Fmt.count(slice.path("trials").asLong())
        + (missed ? " positives" : " negatives");
    String head = model + (missed ? " misses more positives" : " raises more false alarms") + where + ": " + rates
        + Fmt.points(Json.number(slice, "effect")) + " points (" + results.level() + " CI " + Fmt.pointsInterval(ci) + "; "
        + counts + "; " + Fmt.pEquals("q", Json.number(slice, "q")) + ")";
    return judgement(results, slice).shown() ? head + "."
        : head + ", although the interval of the difference includes 0: a lead to check, not a finding.";
  }

  @Override
  public void write(Results results, Html html) {
    JsonNode search = results.at("/audit/failure_slices");
    if (search.isObject()) {
      html.element("p", "The search looked at every combination of up to three metadata values (" + Fmt.count(search.path(
          "tested").asLong()) + " slices with enough cases), compared each model's miss rate (on positives) and false-alarm"
          + " rate (on negatives) in the slice with the rest of the cohort (one-sided Fisher exact test), and kept the slices"
          + " whose false-discovery-adjusted q passed the --fdr level. Slices are ordered by how large the excess is at least"
          + " (the effect's simultaneous lower bound).");
      List<JsonNode> slices = Json.elements(search.get("discoveries"));
      if (slices.isEmpty()) {
        html.element("p", "No slice was found.");
      }
      Map<String, List<JsonNode>> byModel = new java.util.LinkedHashMap<>();
      for (JsonNode slice : slices) {
        byModel.computeIfAbsent(slice.path("model").asText(), k -> new ArrayList<>()).add(slice);
      }
      for (Map.Entry<String, List<JsonNode>> e : byModel.entrySet()) {
        html.element("h3", e.getKey());
        html.open("ul", "class", "sentences");
        e.getValue().forEach(slice -> html.element("li", sentence(results, slice)));
        html.close("ul");
      }
    }
    confidentErrors(results, html);
  }

  private static void confidentErrors(Results results, Html html) {
    List<JsonNode> errors = Json.elements(results.at("/audit/confident_errors"));
    if (errors.isEmpty()) {
      return;
    }
    List<String> columns = Json.names(errors.get(0).get("metadata"));
    List<String> headers = new ArrayList<>(List.of("model", "case", "error", "score"));
    headers.addAll(columns);
    HtmlTable table = new HtmlTable("Per model, the positives it scored lowest among its misses and the negatives it scored"
        + " highest among its false alarms: the exams to look at first", headers.toArray(String[]::new));
    for (JsonNode e : errors) {
      List<String> cells = new ArrayList<>(List.of(e.path("model").asText(), e.path("case_id").asText(),
          e.path("error").asText().equals("false_negative") ? "missed positive" : "false alarm", e.path("score").asText()));
      columns.forEach(c -> cells.add(e.path("metadata").path(c).asText()));
      table.row(cells.toArray(String[]::new));
    }
    html.element("h3", "The most confident errors");
    table.writeCollapsed(html, errors.size() + " exams to review");
  }
}

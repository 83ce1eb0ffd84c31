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
    List<Finding> findings = new ArrayList<>();
    List<JsonNode> tooFew = Json.elements(results.at("/audit/failure_slices/too_few_cases"));
    if (slices.isEmpty()) {
      boolean tooSmall = Json.elements(results.at("/audit/notes")).stream()
          .anyMatch(n -> n.asText().contains("too small to search"));
      findings.add(new Finding(Finding.Strength.NOT_SHOWN, "The failure-slice search tested " + Fmt.count(tested)
          + " combinations of metadata values and found none where a model errs more than in the rest." + (tooSmall
          ? " The cohort is too small to search many groups for missed cancers (see Notes), so this does not show that"
              + " no weakness exists." : ""), id()));
      tooFew(tooFew, findings);
      return findings;
    }
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
    tooFew(tooFew, findings);
    return findings;
  }

  private void tooFew(List<JsonNode> tooFew, List<Finding> findings) {
    if (!tooFew.isEmpty()) {
      findings.add(new Finding(Finding.Strength.CAUTION, tooFew.size() + " slice" + (tooFew.size() == 1 ? " has" : "s have")
          + " an alarming error rate but too few cases to judge (not tested), for example " + tooFew.get(0).path("model")
          .asText() + " in " + tooFew.get(0).path("rule").asText() + ": listed under Failure slices as leads to check.", id()));
    }
  }

  private static Judgement judgement(Results results, JsonNode slice) {
    return Judgement.of(Json.number(slice, "effect"), Interval.of(slice.get("effect_ci")), Double.NaN, results.alpha());
  }

  /** A slice in words, computed from its counts, not copied from results.json's shorter sentence. */
  static String sentence(Results results, JsonNode slice) {
    boolean missed = slice.path("error").asText().equals("false_negative");
    boolean tested = Double.isFinite(Json.number(slice, "q"));
    String model = slice.path("model").asText();
    double sliceRate = Json.number(slice, "slice_rate");
    double restRate = Json.number(slice, "rest_rate");
    String where = " in exams with " + slice.path("rule").asText();
    long errors = slice.path("errors").asLong();
    long trials = slice.path("trials").asLong();
    String excess = Fmt.decimal(Json.number(slice, "excess_errors"), 1) + " more " + (missed ? "missed cancers"
        : "false alarms") + " than at the rest's rate";
    Interval excessCi = Interval.of(slice.get("excess_errors_ci"));
    String ratio = Double.isFinite(Json.number(slice, "ratio")) ? Fmt.decimal(Json.number(slice, "ratio"), 1) + " times the"
        + " rest's " + (missed ? "miss rate" : "false-alarm rate") : "no error in the rest";
    Interval ratioCi = Interval.of(slice.get("ratio_ci"));
    String rates = (missed ? "sensitivity " : "specificity ") + Fmt.percent(1 - sliceRate) + " vs " + Fmt.percent(1 - restRate)
        + " in the rest";
    String counts = Fmt.count(errors) + " of " + Fmt.count(trials) + (missed ? " cancers missed" : " normals recalled")
        + ", " + Fmt.count(slice.path("cases").asLong()) + " exams";
    String head = model + (missed ? " misses more cancers" : " raises more false alarms") + where + ": " + excess + " ("
        + results.level() + " CI " + Fmt.interval(excessCi, 1) + "); " + ratio
        + (ratioCi.exists() ? " (" + Fmt.interval(ratioCi, 1) + ")" : "") + "; " + rates + "; " + counts;
    if (!tested) {
      return head + ": too few cases to judge (not tested).";
    }
    head += "; " + Fmt.pEquals("q", Json.number(slice, "q")) + "";
    return judgement(results, slice).shown() ? head + "."
        : head + ", although the interval of the difference includes 0: a lead to check, not a finding.";
  }

  @Override
  public void write(Results results, Html html) {
    JsonNode search = results.at("/audit/failure_slices");
    if (search.isObject()) {
      html.element("p", "The search looked at every combination of up to three metadata values, compared each model's"
          + " miss rate (on cancers) and false-alarm rate (on normals) in the slice with the rest of the cohort (one-sided"
          + " Fisher exact test), and kept the slices whose false-discovery-adjusted q passed the --fdr level. A slice is"
          + " tested when it has at least " + search.path("minimum_cases").asInt() + " cases of the judged class and the"
          + " test could decide: its smallest attainable p, if every judged case were an error, passes Tarone's screen ("
          + Fmt.count(search.path("tested").asLong()) + " of " + Fmt.count(search.path("considered").asLong())
          + " slices tested). Slices are ordered by the errors they have in excess of the rest's rate, at least (the"
          + " simultaneous lower bound), so a handful of cases with a large ratio does not outrank a solid excess.");
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
      List<JsonNode> tooFew = Json.elements(search.get("too_few_cases"));
      if (!tooFew.isEmpty()) {
        html.element("h3", "Too few cases to judge");
        html.element("p", "Slices that were not tested (too few cases of the judged class, or a test that could not"
            + " decide) but whose point estimate is alarming: at least 3 errors at twice the rest's rate or more. They are"
            + " leads to check with more cases, not findings.");
        html.open("ul", "class", "sentences");
        tooFew.forEach(slice -> html.element("li", sentence(results, slice)));
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

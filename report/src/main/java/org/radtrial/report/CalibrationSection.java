package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radtrial.core.binary.CiMethod;
import org.radtrial.core.binary.ProportionIntervals;

/**
 * Whether a model's scores, read as probabilities, match how often the disease was present:
 * calibration-in-the-large, slope, Brier score, overall and per group, with a plot per model.
 */
final class CalibrationSection implements Section {
  @Override
  public String id() {
    return "calibration";
  }

  @Override
  public String findingsHeading() {
    return "Calibration";
  }

  @Override
  public String title() {
    return "Calibration: do the scores mean what they say?";
  }

  @Override
  public boolean presentIn(Results results) {
    return !Json.elements(results.at("/audit/calibration")).isEmpty();
  }

  private static Map<String, List<JsonNode>> byModel(Results results) {
    Map<String, List<JsonNode>> rows = new LinkedHashMap<>();
    for (JsonNode row : Json.elements(results.at("/audit/calibration"))) {
      rows.computeIfAbsent(row.path("model").asText(), k -> new ArrayList<>()).add(row);
    }
    return rows;
  }

  @Override
  public List<Finding> findings(Results results) {
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, List<JsonNode>> e : byModel(results).entrySet()) {
      JsonNode overall = e.getValue().stream().filter(r -> r.path("subgroup").asText().equals("overall")).findFirst().orElse(null);
      if (overall == null) {
        continue;
      }
      Interval ci = Interval.of(overall.get("calibration_in_the_large_ci"));
      double citl = Json.number(overall, "calibration_in_the_large");
      String numbers = "mean predicted " + Fmt.prevalence(Json.number(overall, "mean_predicted")) + " vs observed "
          + Fmt.prevalence(Json.number(overall, "observed_rate")) + " (calibration-in-the-large " + Fmt.decimal(citl, 2) + ", "
          + results.level() + " CI " + Fmt.interval(ci, 2) + "; " + Fmt.count(overall.path("cases").asLong()) + " exams)";
      Judgement j = Judgement.of(citl, ci, Double.NaN, results.alpha());
      String sentence = switch (j) {
        case LOWER -> e.getKey() + "'s scores, read as probabilities, overstate how often the disease is present: " + numbers
            + ". Do not read its score as a risk without recalibration.";
        case HIGHER -> e.getKey() + "'s scores, read as probabilities, understate how often the disease is present: "
            + numbers + ".";
        case NOT_ESTIMABLE -> e.getKey() + "'s calibration could not be estimated.";
        default -> e.getKey() + ": no difference between the average prediction and the observed rate is shown: " + numbers
            + ".";
      };
      findings.add(new Finding(j.shown() ? Finding.Strength.SHOWN : Finding.Strength.NOT_SHOWN, sentence, id()));
    }
    return findings;
  }

  @Override
  public void write(Results results, Html html) {
    html.element("p", "Calibration matters only if a model's score is read as a probability of disease. Calibration-in-the-"
        + "large compares the average prediction with the observed rate (0 is perfect; below 0 the model predicts too"
        + " much disease). The slope says whether predictions are too extreme (below 1) or too moderate (above 1). Each"
        + " point is a group: its mean prediction against its observed rate with a " + results.level()
        + " Wilson interval; the diagonal is perfect calibration and the curve the model's logistic recalibration.");
    for (Map.Entry<String, List<JsonNode>> e : byModel(results).entrySet()) {
      String model = e.getKey();
      int i = results.modelIndex(model);
      html.element("h3", model);
      List<CalibrationChart.Point> points = new ArrayList<>();
      JsonNode overall = null;
      for (JsonNode row : e.getValue()) {
        boolean isOverall = row.path("subgroup").asText().equals("overall");
        if (isOverall) {
          overall = row;
        }
        if (isOverall || !row.path("columns").asText().contains(" x ")) {
          points.add(new CalibrationChart.Point(row.path("subgroup").asText(), Json.number(row, "mean_predicted"),
              Json.number(row, "observed_rate"), observedInterval(row, results.ciLevel()), isOverall));
        }
      }
      String colour = Palette.model(i);
      Figure.write(html, CalibrationChart.svg("calibration-" + i, model + ": calibration",
          model + ": mean predicted probability against observed rate of positives for all exams (black diamond) and each"
              + " group; the table below gives every number.", points, Json.number(overall, "intercept"),
          Json.number(overall, "slope"), colour, Palette.shape(i)),
          model + ": observed against predicted, log scales. Dashed diagonal: perfect calibration; solid curve: logistic"
              + " recalibration on all exams.",
          List.of(Figure.Key.marker("all exams", "#000000", Palette.Shape.DIAMOND, false),
              Figure.Key.marker("groups", colour, Palette.shape(i), false),
              new Figure.Key("recalibration curve", colour, null, null, true, false),
              new Figure.Key("perfect calibration", Palette.REFERENCE, null, "5 4", true, false)));
      table(results, e.getValue(), html);
    }
  }

  static Interval observedInterval(JsonNode row, double level) {
    long cases = row.path("cases").asLong();
    long events = row.path("events").asLong();
    if (cases <= 0 || events < 0 || events > cases || cases > Integer.MAX_VALUE) {
      return Interval.NONE;
    }
    var ci = ProportionIntervals.interval((int) events, (int) cases, CiMethod.WILSON, level);
    return new Interval(ci.lower(), ci.upper());
  }

  private static void table(Results results, List<JsonNode> rows, Html html) {
    String level = " (" + results.level() + " CI)";
    HtmlTable table = new HtmlTable(null, "group", "exams (positives)", "mean predicted", "observed" + level,
        "calibration-in-the-large" + level, "slope" + level, "Brier score", "note");
    for (JsonNode row : rows) {
      String note = row.path("note").asText();
      long clipped = row.path("clipped").asLong();
      if (clipped > 0) {
        note = (note.isEmpty() ? "" : note + "; ") + clipped + " predictions of exactly 0 or 1 moved inside (0, 1)";
      }
      table.row(row.path("subgroup").asText(), Fmt.count(row.path("cases").asLong()) + " (" + Fmt.count(row.path("events")
              .asLong()) + ")", Fmt.prevalence(Json.number(row, "mean_predicted")),
          Fmt.prevalence(Json.number(row, "observed_rate")) + " (" + percentInterval(observedInterval(row, results.ciLevel()))
              + ")", Fmt.decimal(Json.number(row, "calibration_in_the_large"), 2) + " ("
              + Fmt.interval(Interval.of(row.get("calibration_in_the_large_ci")), 2) + ")",
          Fmt.decimal(Json.number(row, "slope"), 2) + " (" + Fmt.interval(Interval.of(row.get("slope_ci")), 2) + ")",
          Fmt.decimal(Json.number(row, "brier"), 4), note);
    }
    table.writeCollapsed(html, "Calibration of every group (" + rows.size() + " rows)");
  }

  private static String percentInterval(Interval ci) {
    if (!ci.exists()) {
      return Fmt.NOT_ESTIMABLE;
    }
    return Fmt.prevalence(ci.lower()).replace("%", "") + Fmt.DASH + Fmt.prevalence(ci.upper());
  }
}

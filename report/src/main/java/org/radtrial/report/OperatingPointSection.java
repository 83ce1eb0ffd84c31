package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Each operating point (a threshold rule): every model's and reader's sensitivity, specificity, PPV,
 * NPV and recall rate with intervals, and the paired comparisons of their decisions on the same cases.
 */
final class OperatingPointSection implements Section {
  @Override
  public String id() {
    return "operating-points";
  }

  @Override
  public String findingsHeading() {
    return "Models and readers at the operating points";
  }

  @Override
  public String title() {
    return "At the operating points: models and readers on the same cases";
  }

  @Override
  public boolean presentIn(Results results) {
    return !rules(results).isEmpty();
  }

  @Override
  public List<Finding> findings(Results results) {
    List<Finding> findings = new ArrayList<>();
    int tests = 0;
    for (JsonNode c : Json.elements(results.get("decision_comparisons"))) {
      tests += (c.path("sensitivity").isObject() ? 1 : 0) + (c.path("specificity").isObject() ? 1 : 0);
      if (!results.readers().contains(c.at("/decision_makers/1").asText())) {
        continue;
      }
      String rule = c.path("rule").asText();
      boolean matchedSpecificity = rule.startsWith("specificity of ");
      findings.add(comparison(results, c, "sensitivity", matchedSpecificity));
      if (!matchedSpecificity && c.path("specificity").isObject()) {
        findings.add(comparison(results, c, "specificity", false));
      }
    }
    if (tests > 1 && !findings.isEmpty()) {
      findings.add(new Finding(Finding.Strength.CAUTION, "The operating-point comparisons are " + tests + " paired tests"
          + " (exact McNemar), not adjusted for multiple comparisons: read a single borderline result with care.", id()));
    }
    return findings;
  }

  @Override
  public void write(Results results, Html html) {
    html.element("p", "An operating point turns a model's score into a yes/no decision at a threshold. Readers' decisions"
        + " are shown as recorded. Sensitivity is the share of positives called positive, specificity the share of"
        + " negatives called negative, PPV the share of positive calls that were positive, NPV the share of negative calls"
        + " that were negative, and recall rate the share of all exams called positive. Each is shown with its "
        + results.level() + " confidence interval and its count.");
    List<String> rules = rules(results);
    for (int k = 0; k < rules.size(); k++) {
      String rule = rules.get(k);
      html.element("h3", Fmt.symbols(rule));
      metricsTable(results, rule, html);
      chart(results, rule, k, html);
      comparisons(results, rule, html);
    }
  }

  static List<String> rules(Results results) {
    List<String> rules = new ArrayList<>();
    for (JsonNode rule : Json.elements(results.at("/settings/operating_points"))) {
      rules.add(rule.asText());
    }
    if (rules.isEmpty()) {
      for (String model : results.models()) {
        for (JsonNode point : Json.elements(results.model(model).get("operating_points"))) {
          if (!rules.contains(point.path("rule").asText())) {
            rules.add(point.path("rule").asText());
          }
        }
      }
    }
    return rules;
  }

  static JsonNode point(Results results, String model, String rule) {
    for (JsonNode point : Json.elements(results.model(model).get("operating_points"))) {
      if (point.path("rule").asText().equals(rule)) {
        return point;
      }
    }
    return null;
  }

  private static void metricsTable(Results results, String rule, Html html) {
    String level = " (" + results.level() + " CI), n";
    HtmlTable table = new HtmlTable(null, "who", "decision", "sensitivity" + level, "specificity" + level, "PPV" + level,
        "NPV" + level, "recall rate" + level);
    for (String model : results.models()) {
      JsonNode p = point(results, model, rule);
      if (p == null) {
        table.row(model, "no threshold for this rule (see Notes)", "", "", "", "", "");
        continue;
      }
      table.row(model, Fmt.symbols(p.path("decision").asText()), cell(p, "sensitivity"), cell(p, "specificity"), cell(p, "ppv"),
          cell(p, "npv"), cell(p, "recall_rate"));
    }
    for (String reader : results.readers()) {
      JsonNode r = results.get("readers").path(reader);
      table.row(reader + " (reader)", "as recorded", cell(r, "sensitivity"), cell(r, "specificity"), cell(r, "ppv"),
          cell(r, "npv"), cell(r, "recall_rate"));
    }
    table.write(html);
  }

  private static String cell(JsonNode node, String metric) {
    return Proportion.of(node.get(metric)).withInterval();
  }

  private static void chart(Results results, String rule, int index, Html html) {
    ForestPlot plot = new ForestPlot(List.of(ForestPlot.Panel.fitted("Sensitivity", Double.NaN, true),
        ForestPlot.Panel.fitted("Specificity", Double.NaN, true)));
    List<Figure.Key> legend = new ArrayList<>();
    for (String model : results.models()) {
      JsonNode p = point(results, model, rule);
      if (p == null) {
        continue;
      }
      int i = results.modelIndex(model);
      Proportion sens = Proportion.of(p.get("sensitivity"));
      Proportion spec = Proportion.of(p.get("specificity"));
      plot.add(new ForestPlot.Row(model, Fmt.symbols(p.path("decision").asText()), Palette.model(i), Palette.shape(i), false,
          List.of(ForestPlot.Value.of(sens, ForestPlot.Mark.NONE), ForestPlot.Value.of(spec, ForestPlot.Mark.NONE))));
    }
    List<String> readers = results.readers();
    for (int k = 0; k < readers.size(); k++) {
      JsonNode r = results.get("readers").path(readers.get(k));
      plot.add(new ForestPlot.Row(readers.get(k) + " (reader)", "as recorded", Palette.READER, Palette.readerShape(k), false,
          List.of(ForestPlot.Value.of(Proportion.of(r.get("sensitivity")), ForestPlot.Mark.NONE),
              ForestPlot.Value.of(Proportion.of(r.get("specificity")), ForestPlot.Mark.NONE))));
    }
    if (!plot.isEmpty()) {
      Figure.write(html, plot.svg("operating-point-" + index, "Sensitivity and specificity at " + Fmt.symbols(rule),
          "Each row is a model at this operating point or a reader as recorded; markers are estimates and lines "
              + results.level() + " confidence intervals. The table above gives every number."),
          "Sensitivity and specificity at \u201C" + Fmt.symbols(rule) + "\u201D with " + results.level() + " confidence intervals."
              + " Overlapping intervals do not prove equality, and separate ones are not a paired test: the paired"
              + " comparisons are in the table below.", legend);
    }
  }

  private static void comparisons(Results results, String rule, Html html) {
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode c : Json.elements(results.get("decision_comparisons"))) {
      if (c.path("rule").asText().equals(rule)) {
        rows.add(c);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    boolean ni = rows.stream().anyMatch(c -> c.at("/sensitivity/non_inferiority").isObject());
    List<String> headers = new ArrayList<>(List.of("first vs second", "sensitivity: first, second (positives)",
        "difference, points (" + results.level() + " CI)", "McNemar p", "specificity: first, second (negatives)",
        "difference, points (" + results.level() + " CI)", "McNemar p"));
    if (ni) {
      headers.add("first non-inferior?");
    }
    HtmlTable table = new HtmlTable("Paired comparisons on the cases both decided (Tango score intervals, exact McNemar"
        + " tests; not adjusted for multiple comparisons)", headers.toArray(String[]::new));
    for (JsonNode c : rows) {
      List<String> cells = new ArrayList<>(List.of(c.at("/decision_makers/0").asText() + " vs " + c.at("/decision_makers/1").asText()));
      for (String metric : List.of("sensitivity", "specificity")) {
        JsonNode m = c.path(metric);
        if (!m.isObject()) {
          cells.addAll(List.of("no shared cases of this class", "", ""));
          continue;
        }
        cells.add(Fmt.percent(Json.number(m, "first")) + ", " + Fmt.percent(Json.number(m, "second")) + " ("
            + Fmt.count(m.path("cases").asLong()) + ")");
        cells.add(Fmt.points(Json.number(m, "difference")) + " (" + Fmt.pointsInterval(Interval.of(m.get("ci"))) + ")");
        cells.add(Fmt.p(Json.number(m, "mcnemar_exact_p")));
      }
      if (ni) {
        cells.add(nonInferiority(c));
      }
      table.row(cells.toArray(String[]::new));
    }
    table.write(html);
  }

  private static String nonInferiority(JsonNode c) {
    List<String> parts = new ArrayList<>();
    for (String metric : List.of("sensitivity", "specificity")) {
      JsonNode n = c.path(metric).path("non_inferiority");
      if (n.isObject()) {
        parts.add(metric + ": " + (n.path("non_inferior").asBoolean() ? "yes" : "not shown") + " (" + Fmt.pEquals("p",
            Json.number(n, "p")) + ")");
      }
    }
    return String.join("; ", parts);
  }

  /**
   * Decimals for a difference in points: 1, or up to 3 when the interval excludes 0 and a bound (or
   * the difference) would otherwise be printed as 0.0, which would read as if it did not.
   */
  static int decidingDigits(double difference, Interval ci) {
    if (!ci.exists() || !ci.excludes(0)) {
      return 1;
    }
    for (int digits = 1; digits < 3; digits++) {
      double smallest = 0.5 * Math.pow(10, -digits);
      if (Math.abs(100 * difference) >= smallest && Math.abs(100 * ci.lower()) >= smallest
          && Math.abs(100 * ci.upper()) >= smallest) {
        return digits;
      }
    }
    return 3;
  }

  /** A model against a reader on one metric, said no more strongly than the interval and the test allow. */
  private Finding comparison(Results results, JsonNode c, String metric, boolean matchedSpecificity) {
    String model = c.at("/decision_makers/0").asText();
    String reader = c.at("/decision_makers/1").asText();
    String rule = c.path("rule").asText();
    JsonNode m = c.path(metric);
    String where = matchedSpecificity ? "At " + reader + "'s specificity" : "At \u201C" + Fmt.symbols(rule) + "\u201D";
    if (!m.isObject()) {
      return new Finding(Finding.Strength.CAUTION, where + ", " + model + " and " + reader + " share no "
          + (metric.equals("sensitivity") ? "positive" : "negative") + " case, so their " + metric + " cannot be compared.", id());
    }
    long cases = m.path("cases").asLong();
    double first = Json.number(m, "first");
    double second = Json.number(m, "second");
    double difference = Json.number(m, "difference");
    Interval ci = Interval.of(m.get("ci"));
    double p = Json.number(m, "mcnemar_exact_p");
    Judgement j = Judgement.of(difference, ci, p, results.alpha());
    String kind = metric.equals("sensitivity") ? "positives" : "negatives";
    String found = metric.equals("sensitivity") ? "found" : "correctly cleared";
    String counts = model + " " + found + " " + Fmt.count(Math.round(first * cases)) + " of " + Fmt.count(cases) + " " + kind
        + " (" + Fmt.percent(first) + "), " + reader + " " + Fmt.count(Math.round(second * cases)) + " (" + Fmt.percent(second) + ")";
    int digits = decidingDigits(difference, ci);
    String numbers = Fmt.signed(100 * difference, digits) + " points (" + results.level() + " CI "
        + (ci.exists() ? Fmt.interval(ci.times(100), digits) : Fmt.NOT_ESTIMABLE) + "; exact McNemar " + Fmt.pEquals("p", p) + ")";
    String verdict = switch (j) {
      case HIGHER -> model + "'s " + metric + " is higher: " + numbers + ".";
      case LOWER -> model + "'s " + metric + " is lower: " + numbers + ".";
      case NOT_SHOWN -> "no difference in " + metric + " is shown: " + numbers + ".";
      case NOT_SHOWN_BY_TEST -> "a difference in " + metric + " is not shown (its interval excludes 0 but the exact test"
          + " does not): " + numbers + ".";
      case NOT_ESTIMABLE -> "the difference could not be estimated.";
    };
    JsonNode n = m.path("non_inferiority");
    String ni = "";
    if (n.isObject()) {
      String margin = Fmt.decimal(100 * Json.number(n, "margin"), 1).replaceAll("\\.0$", "");
      ni = n.path("non_inferior").asBoolean()
          ? " " + model + " is non-inferior within the " + margin + "-point margin (" + Fmt.pEquals("p", Json.number(n, "p")) + ")."
          : " Non-inferiority within " + margin + " points is not shown (" + Fmt.pEquals("p", Json.number(n, "p")) + ").";
    }
    return new Finding(j.strength(), where + ", " + counts + ": " + verdict + ni, id());
  }
}

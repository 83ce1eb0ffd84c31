package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The audit's subgroups: per model, forest plots of sensitivity, specificity and AUC in every group
 * of every audited column at the deployed threshold, small groups marked and never judged; which
 * groups differ from the whole cohort (tested, Benjamini-Hochberg q); heterogeneity and equalized odds.
 */
final class SubgroupSection implements Section {
  private static final List<String> METRICS = List.of("sensitivity", "specificity", "auc");
  private static final int KEY_FINDINGS = 6;

  @Override
  public String id() {
    return "subgroups";
  }

  @Override
  public String findingsHeading() {
    return "Subgroups";
  }

  @Override
  public String title() {
    return "Subgroups: for whom each model works less well";
  }

  @Override
  public boolean presentIn(Results results) {
    return !Json.elements(results.at("/audit/subgroups")).isEmpty();
  }

  /** A gap to the overall value that the interval and the q-value both show. */
  record ShownGap(JsonNode row, JsonNode gap, Judgement judgement) {
    String metric() {
      return gap.path("metric").asText();
    }

    double size() {
      return Math.abs(Json.number(gap, "difference"));
    }

    boolean singleColumn() {
      return !row.path("columns").asText().contains(" x ");
    }
  }

  static List<ShownGap> shownGaps(Results results) {
    List<ShownGap> shown = new ArrayList<>();
    for (JsonNode row : Json.elements(results.at("/audit/subgroups"))) {
      if (row.path("underpowered").asBoolean()) {
        continue;
      }
      for (JsonNode gap : Json.elements(row.get("gaps"))) {
        if (!gap.path("versus").asText().equals("overall")) {
          continue;
        }
        Judgement j = Judgement.of(Json.number(gap, "difference"), Interval.of(gap.get("difference_ci")),
            Json.number(gap, "q"), results.alpha());
        if (j.shown() && Double.isFinite(Json.number(gap, "q"))) {
          shown.add(new ShownGap(row, gap, j));
        }
      }
    }
    Comparator<ShownGap> order = Comparator.comparingInt((ShownGap g) -> metricOrder(g.metric()))
        .thenComparing(g -> g.judgement() == Judgement.LOWER ? 0 : 1)
        .thenComparing(Comparator.comparingDouble(ShownGap::size).reversed());
    shown.sort(order);
    return shown;
  }

  private static int metricOrder(String metric) {
    int k = List.of("sensitivity", "auc", "specificity", "ppv", "recall_rate").indexOf(metric);
    return k < 0 ? 9 : k;
  }

  @Override
  public List<Finding> findings(Results results) {
    List<Finding> findings = new ArrayList<>();
    List<ShownGap> key = shownGaps(results).stream().filter(g -> g.singleColumn() && METRICS.contains(g.metric())).toList();
    for (ShownGap g : key.subList(0, Math.min(KEY_FINDINGS, key.size()))) {
      findings.add(new Finding(Finding.Strength.SHOWN, sentence(results, g), id()));
    }
    if (key.size() > KEY_FINDINGS) {
      findings.add(new Finding(Finding.Strength.FACT, (key.size() - KEY_FINDINGS) + " more single-column subgroup"
          + " differences are listed under Subgroups.", id()));
    }
    if (key.isEmpty()) {
      findings.add(new Finding(Finding.Strength.NOT_SHOWN, "No subgroup of a single audited column shows a sensitivity,"
          + " specificity or AUC that differs from the model's overall value (at q \u2264 " + Fmt.decimal(results.alpha(), 2)
          + ").", id()));
    }
    List<JsonNode> rows = Json.elements(results.at("/audit/subgroups"));
    long underpowered = rows.stream().filter(r -> r.path("underpowered").asBoolean()).count();
    if (underpowered > 0) {
      findings.add(new Finding(Finding.Strength.CAUTION, underpowered + " of " + rows.size() + " subgroup results have too"
          + " few positives to estimate sensitivity within \u00B110 points (" + needed(results) + "): they are shown, marked"
          + " underpowered, and not judged. Absence of a finding there is not evidence that a model works.", id()));
    }
    List<JsonNode> large = rows.stream().filter(r -> r.path("large_gap_few_cases").asBoolean()).toList();
    if (!large.isEmpty()) {
      JsonNode first = large.get(0);
      findings.add(new Finding(Finding.Strength.CAUTION, large.size() + " underpowered subgroup result" + (large.size() == 1
          ? " has" : "s have") + " a large gap all the same (few cases, not tested), for example " + first.path("model")
          .asText() + " in " + first.path("subgroup").asText() + ": sensitivity " + Proportion.of(first.get("sensitivity"))
          .withInterval() + ". Each is a lead to check with more cases.", id()));
    }
    return findings;
  }

  static String sentence(Results results, ShownGap g) {
    JsonNode row = g.row();
    String model = row.path("model").asText();
    String metric = g.metric();
    double value = Json.number(g.gap(), "value");
    double reference = Json.number(g.gap(), "reference");
    double difference = Json.number(g.gap(), "difference");
    Interval ci = Interval.of(g.gap().get("difference_ci"));
    boolean proportion = !metric.equals("auc");
    String name = metric.equals("auc") ? "AUC" : metric.equals("ppv") ? "PPV" : metric.replace('_', ' ');
    String size = proportion ? Fmt.decimal(Math.abs(100 * difference), 1) + " points" : Fmt.decimal(Math.abs(difference), 3);
    String values = proportion ? Fmt.percent(value) + " vs " + Fmt.percent(reference)
        : Fmt.decimal(value, 3) + " vs " + Fmt.decimal(reference, 3);
    String interval = proportion ? Fmt.pointsInterval(ci) : Fmt.interval(ci, 3);
    return model + "'s " + name + " in exams with " + row.path("subgroup").asText() + " is " + size + " "
        + (g.judgement() == Judgement.LOWER ? "lower" : "higher") + " than overall: " + values + " (" + results.level()
        + " CI of the difference " + interval + "; " + Fmt.count(row.path("cases").asLong()) + " exams, "
        + Fmt.count(row.path("positives").asLong()) + " positives; " + Fmt.pEquals("q", Json.number(g.gap(), "q")) + ").";
  }

  private static String needed(Results results) {
    List<String> parts = new ArrayList<>();
    JsonNode needed = results.at("/audit/positives_needed");
    for (String model : Json.names(needed)) {
      parts.add(needed.path(model).asText() + " for " + model);
    }
    return "positives needed: " + String.join(", ", parts);
  }

  @Override
  public void write(Results results, Html html) {
    JsonNode audit = results.get("audit");
    html.open("p").text("Every model is audited at the one threshold it would be deployed with (")
        .element("strong", audit.path("operating_point").asText()).text(": " + thresholds(audit) + "). Each group is compared"
            + " with the model's value on all exams; the comparison is tested and the tests of the whole audit are"
            + " corrected for false discoveries (Benjamini-Hochberg q). A group is ")
        .element("strong", "underpowered").text(" when it has fewer positives than needed to estimate sensitivity within"
            + " \u00B110 points (" + needed(results) + "): it is drawn hollow and grey, and never judged.").close("p");
    for (String model : results.models()) {
      forest(results, model, html);
    }
    differences(results, html);
    heterogeneity(results, html);
    equalizedOdds(results, html);
    allRows(results, html);
  }

  private static String thresholds(JsonNode audit) {
    List<String> parts = new ArrayList<>();
    for (String model : Json.names(audit.path("thresholds"))) {
      JsonNode t = audit.path("thresholds").path(model);
      parts.add(model + " at score " + (t.isNumber() ? t.asText() : "none"));
    }
    return String.join(", ", parts);
  }

  private static void forest(Results results, String model, Html html) {
    String rule = results.at("/audit/operating_point").asText();
    JsonNode point = OperatingPointSection.point(results, model, rule);
    Proportion sens = Proportion.of(point == null ? null : point.get("sensitivity"));
    Proportion spec = Proportion.of(point == null ? null : point.get("specificity"));
    JsonNode auc = results.model(model).path("auc");
    ForestPlot plot = new ForestPlot(List.of(ForestPlot.Panel.fitted("Sensitivity", sens.estimate(), true),
        ForestPlot.Panel.fitted("Specificity", spec.estimate(), true),
        ForestPlot.Panel.fitted("AUC", Json.number(auc, "estimate"), false)));
    int i = results.modelIndex(model);
    plot.add(new ForestPlot.Row("All exams", Fmt.count(results.cases()) + " exams, " + Fmt.count(results.positives())
        + " positives", "#000000", Palette.Shape.DIAMOND, false, List.of(ForestPlot.Value.of(sens, ForestPlot.Mark.NONE),
        ForestPlot.Value.of(spec, ForestPlot.Mark.NONE), new ForestPlot.Value(Json.number(auc, "estimate"),
            Interval.of(auc.get("ci")), ForestPlot.Mark.NONE))));
    String column = null;
    int underpowered = 0;
    int rows = 0;
    for (JsonNode row : Json.elements(results.at("/audit/subgroups"))) {
      if (!row.path("model").asText().equals(model) || row.path("columns").asText().contains(" x ")) {
        continue;
      }
      if (!row.path("columns").asText().equals(column)) {
        column = row.path("columns").asText();
        plot.add(ForestPlot.Row.heading(column));
      }
      boolean small = row.path("underpowered").asBoolean();
      underpowered += small ? 1 : 0;
      rows++;
      List<ForestPlot.Value> values = new ArrayList<>();
      for (String metric : METRICS) {
        ForestPlot.Mark mark = mark(results, row, metric);
        if (metric.equals("auc")) {
          JsonNode a = row.path("auc");
          values.add(a.isObject() ? new ForestPlot.Value(Json.number(a, "estimate"), Interval.of(a.get("ci")), mark)
              : ForestPlot.Value.NONE);
        } else {
          values.add(ForestPlot.Value.of(Proportion.of(row.get(metric)), mark));
        }
      }
      String label = row.path("subgroup").asText().substring(column.length()).replaceFirst("^ = ", "");
      String flag = row.path("large_gap_few_cases").asBoolean() ? " (large gap, few cases)" : " (underpowered)";
      plot.add(new ForestPlot.Row(label + (small ? flag : ""), Fmt.count(row.path("cases").asLong()) + " exams, "
          + Fmt.count(row.path("positives").asLong()) + " positives", Palette.model(i), Palette.shape(i), small, values));
    }
    if (rows == 0) {
      return;
    }
    html.element("h3", model);
    Figure.write(html, plot.svg("forest-" + i, model + ": sensitivity, specificity and AUC by subgroup",
            model + " at its deployed threshold, " + rows + " subgroups of single columns, " + underpowered
                + " underpowered. Each row: estimate and " + results.level() + " confidence interval; dashed line: the"
                + " model's value on all exams. The table 'Every subgroup result' gives all numbers."),
        model + ": sensitivity, specificity and AUC per subgroup with " + results.level() + " confidence intervals; the"
            + " dashed line is the value on all exams. \u25B2/\u25BC: higher/lower than overall (interval excludes 0,"
            + " q \u2264 " + Fmt.decimal(results.alpha(), 2) + "). Hollow grey rows are underpowered and not"
            + " judged.",
        List.of(Figure.Key.marker(model, Palette.model(i), Palette.shape(i), false),
            Figure.Key.marker("underpowered: not judged", Palette.MUTED, Palette.shape(i), true),
            Figure.Key.marker("all exams", "#000000", Palette.Shape.DIAMOND, false)));
  }

  private static ForestPlot.Mark mark(Results results, JsonNode row, String metric) {
    for (JsonNode gap : Json.elements(row.get("gaps"))) {
      if (gap.path("metric").asText().equals(metric) && gap.path("versus").asText().equals("overall")) {
        return Judgement.of(Json.number(gap, "difference"), Interval.of(gap.get("difference_ci")), Json.number(gap, "q"),
            results.alpha()).mark();
      }
    }
    return ForestPlot.Mark.NONE;
  }

  private static void differences(Results results, Html html) {
    List<ShownGap> gaps = shownGaps(results);
    html.element("h3", "Groups that differ from the whole cohort");
    if (gaps.isEmpty()) {
      html.element("p", "No adequately powered group differs from its model's overall value in any measure (interval"
          + " excluding 0 and q \u2264 " + Fmt.decimal(results.alpha(), 2) + ").");
      return;
    }
    html.open("ul", "class", "sentences");
    for (ShownGap g : gaps) {
      html.element("li", sentence(results, g));
    }
    html.close("ul");
  }

  private static void heterogeneity(Results results, Html html) {
    List<JsonNode> tests = Json.elements(results.at("/audit/heterogeneity"));
    if (tests.isEmpty()) {
      return;
    }
    html.element("h3", "Does a measure vary across the groups of a column?");
    HtmlTable table = new HtmlTable("Heterogeneity tests across all groups of a column or pair of columns that are not"
        + " underpowered (" + tests.size() + " tests; q: Benjamini-Hochberg over the whole audit)", "model", "columns",
        "measure", "test", "statistic (df)", "p", "q", "groups", "note");
    for (JsonNode t : tests) {
      table.row(t.path("model").asText(), t.path("columns").asText(), t.path("metric").asText(), t.path("test").asText(),
          Fmt.decimal(Json.number(t, "statistic"), 2) + " (" + t.path("df").asText() + ")", Fmt.p(Json.number(t, "p")),
          Fmt.p(Json.number(t, "q")), t.path("groups").asText(), t.path("note").asText());
    }
    long varying = tests.stream().filter(t -> Json.number(t, "q") <= results.alpha()).count();
    html.element("p", varying + " of " + tests.size() + " tests find that a measure varies across groups (q \u2264 "
        + Fmt.decimal(results.alpha(), 2) + "). A test that does not is not evidence that the groups are alike.");
    table.writeCollapsed(html, "All " + tests.size() + " heterogeneity tests");
  }

  private static void equalizedOdds(Results results, Html html) {
    List<JsonNode> rows = Json.elements(results.at("/audit/equalized_odds"));
    if (rows.isEmpty()) {
      return;
    }
    HtmlTable table = new HtmlTable("Equalized odds: the largest gap between adequately powered groups in sensitivity"
        + " (true-positive rate) or false-positive rate. A descriptive summary without an interval: the per-group intervals"
        + " are in the forest plots.", "model", "columns", "sensitivity range, points", "false-positive rate range, points",
        "equalized-odds difference, points", "groups compared");
    for (JsonNode r : rows) {
      table.row(r.path("model").asText(), r.path("columns").asText(), Fmt.decimal(100 * Json.number(r, "tpr_range"), 1),
          Fmt.decimal(100 * Json.number(r, "fpr_range"), 1), Fmt.decimal(100 * Json.number(r, "difference"), 1),
          r.path("groups").asText());
    }
    table.writeCollapsed(html, "Equalized odds (" + rows.size() + " rows)");
  }

  private static void allRows(Results results, Html html) {
    List<JsonNode> rows = Json.elements(results.at("/audit/subgroups"));
    String level = " (" + results.level() + " CI), n";
    HtmlTable table = new HtmlTable(null, "model: subgroup", "exams", "positives", "sensitivity" + level,
        "specificity" + level, "AUC (" + results.level() + " CI)", "PPV" + level, "recall rate" + level, "status");
    for (JsonNode row : rows) {
      JsonNode auc = row.path("auc");
      boolean small = row.path("underpowered").asBoolean();
      boolean largeGap = row.path("large_gap_few_cases").asBoolean();
      String status = largeGap ? "large gap, few cases: the group's own sensitivity interval excludes the rest's; not"
          + " tested, a lead to check"
          : small ? "underpowered: not judged (detectable gap " + Fmt.points(Json.number(row,
          "minimum_detectable_difference")).replace("+", "\u00B1") + " points)" : status(results, row);
      table.styledRow(small ? "underpowered" : null, row.path("model").asText() + ": " + row.path("subgroup").asText(),
          Fmt.count(row.path("cases").asLong()), Fmt.count(row.path("positives").asLong()),
          Proportion.of(row.get("sensitivity")).withInterval(), Proportion.of(row.get("specificity")).withInterval(),
          auc.isObject() ? Fmt.decimal(Json.number(auc, "estimate"), 3) + " (" + Fmt.interval(Interval.of(auc.get("ci")), 3) + ")"
              : "not estimable (one class)", Proportion.of(row.get("ppv")).withInterval(),
          Proportion.of(row.get("recall_rate")).withInterval(), status);
    }
    html.element("h3", "Every subgroup result");
    table.writeCollapsed(html, "All " + rows.size() + " subgroup results (single columns and pairs of columns)");
  }

  private static String status(Results results, JsonNode row) {
    List<String> parts = new ArrayList<>();
    for (JsonNode gap : Json.elements(row.get("gaps"))) {
      if (!gap.path("versus").asText().equals("overall")) {
        continue;
      }
      Judgement j = Judgement.of(Json.number(gap, "difference"), Interval.of(gap.get("difference_ci")), Json.number(gap, "q"),
          results.alpha());
      if (j.shown()) {
        parts.add(gap.path("metric").asText().replace('_', ' ') + " " + (j == Judgement.LOWER ? "lower" : "higher"));
      }
    }
    return parts.isEmpty() ? "no difference from overall shown" : String.join(", ", parts) + " than overall";
  }
}

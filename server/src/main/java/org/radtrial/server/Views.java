package org.radtrial.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.radtrial.core.simulate.SimulationMetric;
import org.radtrial.report.Fmt;
import org.radtrial.report.ForestPlot;
import org.radtrial.report.Interval;
import org.radtrial.report.MetricFormat;
import org.radtrial.report.Palette;
import org.radtrial.report.Svg;

/**
 * The views of a run's results.json (leaderboard, subgroup forest plot, failure slices, simulator),
 * as values for the templates, drawn and formatted with the report's pieces: {@link Fmt},
 * {@link ForestPlot}, {@link Svg} and {@link MetricFormat}.
 */
final class Views {
  static final List<String> FOREST_METRICS = List.of("sensitivity", "specificity", "false_positive_rate", "recall_rate", "ppv",
      "auc");
  /** What the deployment simulator shows, in its order. */
  static final List<SimulationMetric> SIMULATOR = List.of(SimulationMetric.CDR, SimulationMetric.SENSITIVITY,
      SimulationMetric.RECALL_RATE, SimulationMetric.FP_PER_1000, SimulationMetric.MISSED_VS_BASELINE,
      SimulationMetric.HUMAN_READS, SimulationMetric.READING_HOURS, SimulationMetric.WORKLOAD_CHANGE_PCT);

  private Views() {}

  /** An estimate and its interval, formatted; the interval is empty when results.json has none. */
  record Estimate(String value, String ci) {
    static Estimate of(JsonNode m, int decimals) {
      if (!m.path("estimate").isNumber()) {
        return new Estimate(Fmt.NOT_ESTIMABLE, "");
      }
      Interval ci = Interval.of(m.get("ci"));
      return new Estimate(Fmt.decimal(m.path("estimate").asDouble(), decimals), ci.exists() ? Fmt.interval(ci, decimals) : "");
    }
  }

  record ModelRow(int rank, String name, Estimate auc, Markup bar, Estimate sensitivity, Estimate specificity,
      Estimate recallRate) {}

  record ReaderRow(String name, Estimate sensitivity, Estimate specificity, Estimate recallRate) {}

  record Comparison(String pair, String difference, String p, String pHolm) {}

  record Leaderboard(String level, List<ModelRow> models, String rule, List<ReaderRow> readers, List<Comparison> comparisons) {}

  /** Models ranked by AUC with DeLong CIs, their first operating point, the readers, and the pairwise tests. */
  static Leaderboard leaderboard(JsonNode r) {
    JsonNode models = r.path("models");
    List<String> names = modelNames(r);
    names.sort((a, b) -> Double.compare(models.path(b).path("auc").path("estimate").asDouble(),
        models.path(a).path("auc").path("estimate").asDouble()));
    List<ModelRow> rows = new ArrayList<>();
    for (String name : names) {
      JsonNode m = models.path(name);
      JsonNode op = m.path("operating_points").path(0);
      rows.add(new ModelRow(rows.size() + 1, name, Estimate.of(m.path("auc"), 3), intervalBar(m.path("auc")),
          Estimate.of(op.path("sensitivity"), 3), Estimate.of(op.path("specificity"), 3), Estimate.of(op.path("recall_rate"), 4)));
    }
    String rule = names.isEmpty() ? "" : models.path(names.get(0)).path("operating_points").path(0).path("rule").asText("");
    List<ReaderRow> readers = new ArrayList<>();
    r.path("readers").properties().forEach(e -> readers.add(new ReaderRow(e.getKey(),
        Estimate.of(e.getValue().path("sensitivity"), 3), Estimate.of(e.getValue().path("specificity"), 3),
        Estimate.of(e.getValue().path("recall_rate"), 4))));
    List<Comparison> comparisons = new ArrayList<>();
    for (JsonNode c : r.path("comparisons")) {
      double d = c.path("auc_difference").asDouble(Double.NaN);
      Interval ci = Interval.of(c.get("ci"));
      comparisons.add(new Comparison(c.path("models").path(0).asText() + " \u2212 " + c.path("models").path(1).asText(),
          Fmt.decimal(d, 3) + (ci.exists() ? " (" + Fmt.interval(ci, 3) + ")" : ""), Fmt.p(c.path("p").asDouble(Double.NaN)),
          Fmt.p(c.path("p_holm").asDouble(Double.NaN))));
    }
    String level = Fmt.decimal(100 * r.path("settings").path("ci_level").asDouble(0.95), 0) + "% CI";
    return new Leaderboard(level, rows, Fmt.symbols(rule), readers, comparisons);
  }

  /** The AUC and its interval on [0.5, 1], beside the numbers it repeats (so hidden from screen readers). */
  private static Markup intervalBar(JsonNode auc) {
    Interval ci = Interval.of(auc.get("ci"));
    double e = auc.path("estimate").asDouble(Double.NaN);
    if (!ci.exists() || !Double.isFinite(e)) {
      return Markup.NONE;
    }
    java.util.function.DoubleUnaryOperator x = v -> 4 + Math.max(0, Math.min(1, (v - 0.5) / 0.5)) * 152;
    String colour = Palette.model(0);
    return new Markup(Svg.decorative(160, 14).line(4, 7, 156, 7, "#dddddd", 1, null)
        .line(x.applyAsDouble(ci.lower()), 7, x.applyAsDouble(ci.upper()), 7, colour, 3, null)
        .marker(Palette.Shape.CIRCLE, x.applyAsDouble(e), 7, 4, colour, false).finish());
  }

  record SubgroupRow(String subgroup, String cases, Estimate estimate, boolean underpowered) {}

  /** The subgroup explorer's plot and the numbers it draws; both empty when the column has no subgroups. */
  record Forest(Markup plot, List<SubgroupRow> rows) {}

  /** The subgroup explorer: one metric for one model over the levels of one column, drawn by the report's forest plot. */
  static Forest forest(JsonNode r, String column, String model, String metric) {
    boolean percent = !metric.equals("auc");
    double overall = overall(r, model, metric);
    ForestPlot plot = new ForestPlot(List.of(ForestPlot.Panel.fitted(metric.replace('_', ' '), overall, percent)));
    String colour = Palette.model(Math.max(0, modelNames(r).indexOf(model)));
    List<SubgroupRow> rows = new ArrayList<>();
    for (JsonNode s : r.path("audit").path("subgroups")) {
      if (s.path("columns").asText().equals(column) && s.path("model").asText().equals(model)) {
        JsonNode m = s.path(metric);
        boolean under = s.path("underpowered").asBoolean(false);
        ForestPlot.Value value = m.path("estimate").isNumber()
            ? new ForestPlot.Value(m.path("estimate").asDouble(), Interval.of(m.get("ci")), ForestPlot.Mark.NONE)
            : ForestPlot.Value.NONE;
        String cases = Fmt.count(s.path("cases").asLong());
        plot.add(new ForestPlot.Row(s.path("subgroup").asText() + (under ? " (underpowered)" : ""), cases + " exams", colour,
            Palette.Shape.SQUARE, under, List.of(value)));
        rows.add(new SubgroupRow(s.path("subgroup").asText(), cases, Estimate.of(m, 3), under));
      }
    }
    if (plot.isEmpty()) {
      return new Forest(Markup.NONE, List.of());
    }
    return new Forest(new Markup(plot.svg("forest", metric.replace('_', ' ') + " of " + model + " by " + column,
        "Each row is a level of " + column + ": its estimate and confidence interval; the dashed line is the whole cohort ("
            + (percent ? Fmt.decimal(100 * overall, 1) + "%" : Fmt.decimal(overall, 3)) + ").")), rows);
  }

  private static double overall(JsonNode r, String model, String metric) {
    JsonNode m = r.path("models").path(model);
    if (metric.equals("auc")) {
      return m.path("auc").path("estimate").asDouble(Double.NaN);
    }
    String rule = r.path("audit").path("operating_point").asText();
    for (JsonNode op : m.path("operating_points")) {
      if (op.path("rule").asText().equals(rule)) {
        if (metric.equals("false_positive_rate")) {
          return 1 - op.path("specificity").path("estimate").asDouble(Double.NaN);
        }
        return op.path(metric).path("estimate").asDouble(Double.NaN);
      }
    }
    return Double.NaN;
  }

  static List<String> auditColumns(JsonNode r) {
    List<String> columns = new ArrayList<>();
    for (JsonNode c : r.path("audit").path("columns")) {
      columns.add(c.path("name").asText());
    }
    return columns;
  }

  static List<String> modelNames(JsonNode r) {
    List<String> names = new ArrayList<>();
    r.path("models").fieldNames().forEachRemaining(names::add);
    if (names.isEmpty()) {
      r.path("simulation").path("models").fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  record Slice(String model, String error, String sentence, long cases, String rates, String q, String discuss) {}

  record ConfidentError(String model, String caseId, String error, String score, String metadata) {}

  record Slices(int tested, List<Slice> discoveries, List<ConfidentError> errors) {}

  /** Failure slices with their statistics and links to discuss them, then the most confident errors (the cases). */
  static Slices slices(JsonNode r, String discussBase) {
    JsonNode search = r.path("audit").path("failure_slices");
    List<Slice> found = new ArrayList<>();
    for (JsonNode s : search.path("discoveries")) {
      String target = s.path("model").asText() + ": " + s.path("rule").asText() + " (" + s.path("error").asText() + ")";
      found.add(new Slice(s.path("model").asText(), s.path("error").asText(), s.path("sentence").asText(s.path("rule").asText()),
          s.path("cases").asLong(), Fmt.decimal(s.path("slice_rate").asDouble(Double.NaN), 3) + " vs "
              + Fmt.decimal(s.path("rest_rate").asDouble(Double.NaN), 3), Fmt.p(s.path("q").asDouble(Double.NaN)),
          discussBase + "?target_type=slice&target=" + urlEncode(target) + "#discussion"));
    }
    List<ConfidentError> errors = new ArrayList<>();
    for (JsonNode e : r.path("audit").path("confident_errors")) {
      StringBuilder meta = new StringBuilder();
      e.path("metadata").properties().forEach(f -> meta.append(f.getKey()).append('=').append(f.getValue().asText())
          .append(' '));
      errors.add(new ConfidentError(e.path("model").asText(), e.path("case_id").asText(), e.path("error").asText(),
          e.path("score").asText(), meta.toString().trim()));
    }
    return new Slices(search.path("tested").asInt(), found, errors);
  }

  /**
   * The simulation, formatted for the slider: per model its thresholds, and per strategy and
   * threshold each metric of {@link #SIMULATOR} as the report writes it, "5.73 (5.26–6.21)".
   */
  static String simulatorData(JsonNode r) {
    JsonNode sim = r.path("simulation");
    ObjectNode out = Json.MAPPER.createObjectNode();
    ObjectNode baseline = out.putObject("baseline");
    for (SimulationMetric metric : SIMULATOR) {
      if (metric != SimulationMetric.MISSED_VS_BASELINE && metric != SimulationMetric.WORKLOAD_CHANGE_PCT) {
        baseline.put(metric.key(), MetricFormat.of(metric).withInterval(sim.path("baseline").path(metric.key())));
      }
    }
    ObjectNode models = out.putObject("models");
    sim.path("models").properties().forEach(model -> {
      ObjectNode m = models.putObject(model.getKey());
      ArrayNode thresholds = m.putArray("thresholds");
      for (JsonNode t : model.getValue().path("thresholds")) {
        thresholds.add(Fmt.significant(t.path("value").asDouble(Double.NaN), 4) + " (flags "
            + Fmt.prevalence(t.path("flag_rate").asDouble(Double.NaN)) + ")");
      }
      ObjectNode strategies = m.putObject("strategies");
      model.getValue().path("strategies").properties().forEach(s -> {
        ArrayNode points = strategies.putArray(s.getKey());
        for (JsonNode point : s.getValue()) {
          ObjectNode o = points.addObject();
          for (SimulationMetric metric : SIMULATOR) {
            o.put(metric.key(), MetricFormat.of(metric).withInterval(point.path(metric.key())));
          }
        }
      });
    });
    ObjectNode descriptions = out.putObject("descriptions");
    sim.path("strategies").properties().forEach(s -> descriptions.put(s.getKey(), s.getValue().asText()));
    return Json.write(out);
  }

  static String urlEncode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

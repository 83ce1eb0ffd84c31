package org.radtrial.server;

import static org.radtrial.server.Html.esc;
import static org.radtrial.server.Html.num;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The views of a run's results.json: leaderboard, subgroup forest plot, failure slices, simulator. */
final class Views {
  static final List<String> FOREST_METRICS = List.of("sensitivity", "specificity", "false_positive_rate", "recall_rate", "ppv",
      "auc");
  static final List<String> SIM_METRICS = List.of("cdr", "recall_rate", "sensitivity", "fp_per_1000", "ppv",
      "missed_vs_baseline", "human_reads", "reading_hours", "workload_change_pct");

  private Views() {}

  /** Models ranked by AUC with DeLong CIs, their first operating point, the readers, and the pairwise tests. */
  static String leaderboard(JsonNode r) {
    JsonNode models = r.path("models");
    if (!models.isObject() || models.isEmpty()) {
      return "<p>This run has no evaluation.</p>";
    }
    List<String> names = new ArrayList<>();
    models.fieldNames().forEachRemaining(names::add);
    names.sort((a, b) -> Double.compare(models.path(b).path("auc").path("estimate").asDouble(),
        models.path(a).path("auc").path("estimate").asDouble()));
    String rule = models.path(names.get(0)).path("operating_points").path(0).path("rule").asText("");
    double level = r.path("settings").path("ci_level").asDouble(0.95);
    String pct = num(level * 100, 0) + "% CI";
    StringBuilder h = new StringBuilder("<table id=\"leaderboard\" class=\"data\"><thead><tr><th>#</th><th>Model</th><th>AUC ("
        + pct + ", DeLong)</th><th></th><th>Sensitivity</th><th>Specificity</th><th>Recall rate</th></tr></thead><tbody>");
    int rank = 0;
    for (String name : names) {
      JsonNode m = models.path(name);
      JsonNode auc = m.path("auc");
      JsonNode op = m.path("operating_points").path(0);
      h.append("<tr><td>").append(++rank).append("</td><td class=\"model\">").append(esc(name)).append("</td><td>")
          .append(estimate(auc, 3)).append("</td><td>").append(ciBar(auc)).append("</td><td>")
          .append(estimate(op.path("sensitivity"), 3)).append("</td><td>").append(estimate(op.path("specificity"), 3))
          .append("</td><td>").append(estimate(op.path("recall_rate"), 4)).append("</td></tr>");
    }
    h.append("</tbody></table><p class=\"note\">Operating point: ").append(esc(rule))
        .append(" (threshold per model in results.json).</p>");
    JsonNode readers = r.path("readers");
    if (readers.isObject() && !readers.isEmpty()) {
      h.append("<h3>Readers</h3><table class=\"data\"><tr><th>Reader</th><th>Sensitivity</th><th>Specificity</th>"
          + "<th>Recall rate</th></tr>");
      for (Iterator<Map.Entry<String, JsonNode>> it = readers.fields(); it.hasNext(); ) {
        var e = it.next();
        h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(estimate(e.getValue().path("sensitivity"), 3))
            .append("</td><td>").append(estimate(e.getValue().path("specificity"), 3)).append("</td><td>")
            .append(estimate(e.getValue().path("recall_rate"), 4)).append("</td></tr>");
      }
      h.append("</table>");
    }
    JsonNode comparisons = r.path("comparisons");
    if (comparisons.isArray() && !comparisons.isEmpty()) {
      h.append("<h3>Head to head (paired DeLong, Holm-adjusted)</h3><table class=\"data\"><tr><th>Pair</th>"
          + "<th>AUC difference (").append(pct).append(")</th><th>p</th><th>p (Holm)</th></tr>");
      for (JsonNode c : comparisons) {
        h.append("<tr><td>").append(esc(c.path("models").path(0).asText())).append(" − ")
            .append(esc(c.path("models").path(1).asText())).append("</td><td>").append(num(c.path("auc_difference").asDouble(), 3))
            .append(" [").append(num(c.path("ci").path(0).asDouble(), 3)).append(", ")
            .append(num(c.path("ci").path(1).asDouble(), 3)).append("]</td><td>").append(p(c.path("p").asDouble()))
            .append("</td><td>").append(p(c.path("p_holm").asDouble())).append("</td></tr>");
      }
      h.append("</table>");
    }
    return h.toString();
  }

  /** The subgroup explorer: a forest plot of one metric for one model over the levels of one column. */
  static String forest(JsonNode r, String column, String model, String metric) {
    JsonNode audit = r.path("audit");
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode s : audit.path("subgroups")) {
      if (s.path("columns").asText().equals(column) && s.path("model").asText().equals(model)) {
        rows.add(s);
      }
    }
    if (rows.isEmpty()) {
      return "<p>No subgroups of " + esc(column) + " for " + esc(model) + ".</p>";
    }
    double overall = overall(r, model, metric);
    double lo = Double.isNaN(overall) ? 1 : overall;
    double hi = Double.isNaN(overall) ? 0 : overall;
    for (JsonNode s : rows) {
      JsonNode ci = s.path(metric).path("ci");
      if (ci.isArray()) {
        lo = Math.min(lo, ci.path(0).asDouble());
        hi = Math.max(hi, ci.path(1).asDouble());
      }
    }
    double pad = Math.max(0.02, (hi - lo) * 0.05);
    lo = Math.max(0, lo - pad);
    hi = Math.min(1, hi + pad);
    int left = 220;
    int width = 420;
    int rowHeight = 28;
    int height = rows.size() * rowHeight + 50;
    double finalLo = lo;
    double span = Math.max(1e-9, hi - lo);
    java.util.function.DoubleUnaryOperator x = v -> left + (v - finalLo) / span * width;
    StringBuilder svg = new StringBuilder("<svg id=\"forest\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (left + width + 160)
        + "\" height=\"" + height + "\" role=\"img\" aria-label=\"forest plot of " + esc(metric) + " by " + esc(column) + "\">");
    if (!Double.isNaN(overall)) {
      double ox = x.applyAsDouble(overall);
      svg.append(String.format(java.util.Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"10\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>"
              + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">overall %s</text>",
          ox, ox, height - 30, ox, height - 15, num(overall, 3)));
    }
    for (int i = 0; i < 5; i++) {
      double v = lo + span * i / 4;
      svg.append(String.format(java.util.Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"#777\">%s</text>", x.applyAsDouble(v),
          height - 2, num(v, 2)));
    }
    int y = 25;
    for (JsonNode s : rows) {
      JsonNode m = s.path(metric);
      boolean under = s.path("underpowered").asBoolean(false);
      String label = s.path("subgroup").asText();
      svg.append("<text x=\"4\" y=\"").append(y + 4).append("\" font-size=\"12\">").append(esc(label)).append(" (n=")
          .append(s.path("cases").asInt()).append(")</text>");
      if (m.path("estimate").isNumber()) {
        double e = m.path("estimate").asDouble();
        double a = m.path("ci").path(0).asDouble(e);
        double b = m.path("ci").path(1).asDouble(e);
        svg.append(String.format(java.util.Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1f4e79\" stroke-width=\"2\"/>"
                + "<rect class=\"point\" x=\"%.1f\" y=\"%d\" width=\"8\" height=\"8\" fill=\"%s\" stroke=\"#1f4e79\"/>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s [%s, %s]%s</text>",
            x.applyAsDouble(a), y, x.applyAsDouble(b), y, x.applyAsDouble(e) - 4, y - 4, under ? "#fff" : "#1f4e79",
            left + width + 8, y + 4, num(e, 3), num(a, 3), num(b, 3), under ? " underpowered" : ""));
      } else {
        svg.append("<text x=\"").append(left).append("\" y=\"").append(y + 4).append("\" font-size=\"11\">not estimable</text>");
      }
      y += rowHeight;
    }
    return svg.append("</svg>").toString();
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

  /** Failure slices with their statistics and links to discuss them, then the most confident errors (the cases). */
  static String slices(JsonNode r, String discussBase) {
    JsonNode search = r.path("audit").path("failure_slices");
    StringBuilder h = new StringBuilder("<p>").append(search.path("tested").asInt())
        .append(" slices tested; discoveries at the false-discovery rate of the audit:</p>");
    JsonNode found = search.path("discoveries");
    if (!found.isArray() || found.isEmpty()) {
      h.append("<p id=\"no-slices\">No slice where a model fails more than in the rest of the cohort was found.</p>");
    } else {
      h.append("<table id=\"slices\" class=\"data\"><tr><th>Model</th><th>Error</th><th>Slice</th><th>Cases</th>"
          + "<th>Slice vs rest</th><th>q</th><th></th></tr>");
      for (JsonNode s : found) {
        String target = s.path("model").asText() + ": " + s.path("rule").asText() + " (" + s.path("error").asText() + ")";
        h.append("<tr><td>").append(esc(s.path("model").asText())).append("</td><td>").append(esc(s.path("error").asText()))
            .append("</td><td>").append(esc(s.path("sentence").asText(s.path("rule").asText()))).append("</td><td>")
            .append(s.path("cases").asInt()).append("</td><td>").append(num(s.path("slice_rate").asDouble(), 3)).append(" vs ")
            .append(num(s.path("rest_rate").asDouble(), 3)).append("</td><td>").append(p(s.path("q").asDouble()))
            .append("</td><td><a href=\"").append(esc(discussBase + "?target_type=slice&target=" + urlEncode(target)))
            .append("#discussion\">discuss</a></td></tr>");
      }
      h.append("</table>");
    }
    JsonNode errors = r.path("audit").path("confident_errors");
    if (errors.isArray() && !errors.isEmpty()) {
      h.append("<h3>Most confident errors (cases to look at)</h3><table class=\"data\"><tr><th>Model</th><th>Case</th>"
          + "<th>Error</th><th>Score</th><th>Metadata</th></tr>");
      for (JsonNode e : errors) {
        StringBuilder meta = new StringBuilder();
        e.path("metadata").fields().forEachRemaining(f -> meta.append(f.getKey()).append('=').append(f.getValue().asText())
            .append(' '));
        h.append("<tr><td>").append(esc(e.path("model").asText())).append("</td><td>").append(esc(e.path("case_id").asText()))
            .append("</td><td>").append(esc(e.path("error").asText())).append("</td><td>").append(esc(e.path("score").asText()))
            .append("</td><td>").append(esc(meta.toString().trim())).append("</td></tr>");
      }
      h.append("</table>");
    }
    return h.toString();
  }

  /** The simulation curves, compacted for the slider: per model and strategy, per threshold, [estimate, lo, hi]. */
  static String simulatorData(JsonNode r) {
    JsonNode sim = r.path("simulation");
    ObjectNode out = Json.MAPPER.createObjectNode();
    ObjectNode baseline = out.putObject("baseline");
    for (String metric : SIM_METRICS) {
      baseline.set(metric, triple(sim.path("baseline").path(metric)));
    }
    ObjectNode models = out.putObject("models");
    sim.path("models").fields().forEachRemaining(model -> {
      ObjectNode m = models.putObject(model.getKey());
      ArrayNode thresholds = m.putArray("thresholds");
      for (JsonNode t : model.getValue().path("thresholds")) {
        thresholds.addArray().add(t.path("value").asDouble()).add(t.path("flag_rate").asDouble());
      }
      ObjectNode strategies = m.putObject("strategies");
      model.getValue().path("strategies").fields().forEachRemaining(s -> {
        ArrayNode points = strategies.putArray(s.getKey());
        for (JsonNode point : s.getValue()) {
          ObjectNode o = points.addObject();
          for (String metric : SIM_METRICS) {
            o.set(metric, triple(point.path(metric)));
          }
        }
      });
    });
    ObjectNode descriptions = out.putObject("descriptions");
    sim.path("strategies").fields().forEachRemaining(s -> descriptions.put(s.getKey(), s.getValue().asText()));
    return Json.write(out);
  }

  private static JsonNode triple(JsonNode metric) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    a.add(metric.path("estimate").asDouble(Double.NaN));
    a.add(metric.path("ci").path(0).asDouble(Double.NaN));
    a.add(metric.path("ci").path(1).asDouble(Double.NaN));
    return a;
  }

  private static String estimate(JsonNode m, int decimals) {
    if (!m.path("estimate").isNumber()) {
      return "–";
    }
    String s = num(m.path("estimate").asDouble(), decimals);
    if (m.path("ci").isArray()) {
      s += " <span class=\"ci\">[" + num(m.path("ci").path(0).asDouble(), decimals) + ", "
          + num(m.path("ci").path(1).asDouble(), decimals) + "]</span>";
    }
    return s;
  }

  private static String ciBar(JsonNode auc) {
    if (!auc.path("ci").isArray()) {
      return "";
    }
    double from = 0.5;
    java.util.function.DoubleUnaryOperator x = v -> 4 + Math.max(0, (v - from) / (1 - from)) * 152;
    double e = auc.path("estimate").asDouble();
    return String.format(java.util.Locale.ROOT, "<svg width=\"160\" height=\"14\" class=\"cibar\" role=\"img\" aria-label=\"AUC"
        + " interval\"><line x1=\"4\" y1=\"7\" x2=\"156\" y2=\"7\" stroke=\"#ddd\"/><line x1=\"%.1f\" y1=\"7\" x2=\"%.1f\""
        + " y2=\"7\" stroke=\"#1f4e79\" stroke-width=\"3\"/><circle cx=\"%.1f\" cy=\"7\" r=\"4\" fill=\"#1f4e79\"/></svg>",
        x.applyAsDouble(auc.path("ci").path(0).asDouble()), x.applyAsDouble(auc.path("ci").path(1).asDouble()), x.applyAsDouble(e));
  }

  private static String p(double p) {
    if (Double.isNaN(p)) {
      return "–";
    }
    return p < 0.001 ? "&lt; 0.001" : num(p, 3);
  }

  static String urlEncode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}

package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The lesion-level evidence of "lesions" (radtrial lesions): the design; every reading's figures of merit;
 * FROC and wAFROC curves of every reading on one plot each; with several modalities and readers the
 * Obuchowski-Rockette comparison of wAFROC; with one modality the models with bootstrap intervals and
 * head-to-head. Key findings judge each comparison with {@link Judgement} (Holm-adjusted p for models).
 */
final class LesionsSection implements Section {
  private static final double LEFT = 56;
  private static final double RIGHT = 16;
  private static final double TOP = 14;
  private static final double BOTTOM = 46;
  private static final double SIDE = 340;

  @Override
  public String id() {
    return "lesions";
  }

  @Override
  public String title() {
    return "Lesion-level evidence";
  }

  static boolean present(Results results) {
    return results.get("lesions").isObject();
  }

  @Override
  public boolean presentIn(Results results) {
    return present(results);
  }

  @Override
  public void write(Results results, Html html) {
    JsonNode l = results.get("lesions");
    html.element("p", design(l));
    readings(l, html);
    curves(l, html);
    readerStudy(results, l, html);
    models(results, l, html);
    groups(results, l, html);
  }

  private static void groups(Results results, JsonNode l, Html html) {
    List<JsonNode> groups = Json.elements(l.get("lesion_groups"));
    if (groups.isEmpty()) {
      return;
    }
    html.element("h3", "Lesions found, by size and type");
    HtmlTable table = new HtmlTable("Lesion-level sensitivity with every mark counted, with bootstrap intervals over"
        + " cases", "model", "by", "group", "lesions", "found", "sensitivity", results.level() + " CI");
    for (JsonNode g : groups) {
      table.row(Json.text(g, "model"), Json.text(g, "by"), Json.text(g, "group"), Fmt.count(g.path("lesions").asLong()),
          Fmt.count(g.path("found").asLong()), Fmt.percent(Json.number(g, "sensitivity")),
          Fmt.percentInterval(Interval.of(g.get("ci"))));
    }
    table.write(html);
  }

  static String design(JsonNode l) {
    JsonNode d = l.get("design");
    StringBuilder s = new StringBuilder();
    s.append(Fmt.count(d.path("cases").asLong())).append(" cases (").append(Fmt.count(d.path("normal_cases").asLong()))
        .append(" normal, ").append(Fmt.count(d.path("abnormal_cases").asLong())).append(" with ")
        .append(Fmt.count(d.path("lesions").asLong())).append(" lesions); ").append(names(d.get("modalities")).size())
        .append(" modalities × ").append(names(d.get("readers")).size()).append(" readers or models. ");
    JsonNode m = d.get("matching");
    if (m != null && m.isObject()) {
      s.append("Marks were matched to lesions by ").append(Json.text(m, "description")).append("; ")
          .append(Json.text(m, "several_marks_on_one_lesion")).append('.');
    } else {
      s.append("Marks came classified as lesion and non-lesion localizations (RJafroc's layout).");
    }
    s.append(" Primary figure of merit: ").append(Json.text(l, "primary_figure"))
        .append(" (see docs/lesions.md for every definition).");
    return s.toString();
  }

  private static void readings(JsonNode l, Html html) {
    HtmlTable table = new HtmlTable("Figures of merit of every reading", "modality", "reader or model", "wAFROC", "AFROC",
        "inferred ROC AUC", "lesions found (max LLF)", "false marks per case (max NLF)", "CPM");
    for (JsonNode r : Json.elements(l.get("readings"))) {
      JsonNode f = r.get("figures_of_merit");
      table.row(Json.text(r, "modality"), Json.text(r, "reader"), num(f, "wafroc"), num(f, "afroc"), num(f, "inferred_roc_auc"),
          num(r.get("froc"), "max_llf"), num(r.get("froc"), "max_nlf"), num(r.get("luna16"), "cpm"));
    }
    table.write(html);
  }

  private static String num(JsonNode node, String field) {
    double v = Json.number(node, field);
    return Double.isFinite(v) ? Fmt.decimal(v, 4) : "—";
  }

  private static void curves(JsonNode l, Html html) {
    List<JsonNode> readings = Json.elements(l.get("readings"));
    List<double[][]> froc = new ArrayList<>();
    List<double[][]> wafroc = new ArrayList<>();
    List<Figure.Key> legend = new ArrayList<>();
    double maxNlf = 0;
    int i = 0;
    for (JsonNode r : readings) {
      List<JsonNode> points = Json.elements(r.at("/froc/points"));
      double[][] xy = new double[2][points.size()];
      for (int p = 0; p < points.size(); p++) {
        xy[0][p] = Json.number(points.get(p), "nlf");
        xy[1][p] = Json.number(points.get(p), "llf");
        maxNlf = Math.max(maxNlf, xy[0][p]);
      }
      froc.add(xy);
      JsonNode w = r.get("wafroc_curve");
      if (w != null && w.isObject()) {
        List<JsonNode> fx = Json.elements(w.get("fpf"));
        List<JsonNode> fy = Json.elements(w.get("llf"));
        double[][] c = new double[2][fx.size()];
        for (int p = 0; p < fx.size(); p++) {
          c[0][p] = fx.get(p).asDouble();
          c[1][p] = fy.get(p).asDouble();
        }
        wafroc.add(c);
      }
      legend.add(new Figure.Key(Json.text(r, "modality") + " / " + Json.text(r, "reader"), Palette.model(i), null,
          Palette.dash(i), true, false));
      i++;
    }
    List<String> svgs = new ArrayList<>();
    double xMax = maxNlf > 0 ? maxNlf * 1.05 : 1;
    svgs.add(chart("froc-chart", "FROC curves", "Lesion localization fraction against non-lesion marks per case, one line"
        + " per reading", froc, xMax, "Non-lesion marks per case (NLF)", "Lesions found (LLF)", false));
    if (wafroc.size() == froc.size()) {
      svgs.add(chart("wafroc-chart", "wAFROC curves", "Weighted lesion localization fraction against the fraction of"
          + " normal cases with a false mark, one line per reading", wafroc, 1, "Normal cases with a false mark (FPF)",
          "Weighted lesions found (wLLF)", true));
    }
    Figure.writeSideBySide(html, svgs, "FROC curves (left) and weighted AFROC curves (right) of every reading (modality"
        + " / reader). The area under a wAFROC curve is its wAFROC figure of merit; the FROC curve's last point is where"
        + " every mark counts.", legend);
  }

  private static String chart(String id, String title, String description, List<double[][]> curves, double xMax,
      String xLabel, String yLabel, boolean chance) {
    Svg svg = new Svg(id, LEFT + SIDE + RIGHT, TOP + SIDE + BOTTOM, title, description);
    Scale x = new Scale(0, xMax, LEFT, LEFT + SIDE);
    Scale y = new Scale(0, 1, TOP + SIDE, TOP);
    int decimals = x.tickDecimals(5);
    for (double t : x.ticks(5)) {
      svg.line(x.map(t), TOP, x.map(t), TOP + SIDE, "#e2e4e8", 1, null);
      svg.text(x.map(t), TOP + SIDE + 16, Fmt.decimal(t, decimals), "middle", "#333333", null);
    }
    for (double t : y.ticks(5)) {
      svg.line(LEFT, y.map(t), LEFT + SIDE, y.map(t), "#e2e4e8", 1, null);
      svg.text(LEFT - 6, y.map(t) + 4, Fmt.decimal(t, 1), "end", "#333333", null);
    }
    svg.rect(LEFT, TOP, SIDE, SIDE, "none", "frame");
    if (chance) {
      svg.line(x.map(0), y.map(0), x.map(1), y.map(1), Palette.REFERENCE, 1, "5 4");
    }
    svg.text(LEFT + SIDE / 2, TOP + SIDE + 38, xLabel, "middle", "#000000", null);
    svg.verticalText(16, TOP + SIDE / 2, yLabel);
    for (int i = 0; i < curves.size(); i++) {
      double[][] c = curves.get(i);
      double[] xy = new double[2 * c[0].length];
      for (int p = 0; p < c[0].length; p++) {
        xy[2 * p] = x.mapClamped(c[0][p]);
        xy[2 * p + 1] = y.mapClamped(c[1][p]);
      }
      svg.polyline(xy, Palette.model(i), 1.8, Palette.dash(i), "lesion-curve");
    }
    return svg.finish();
  }

  private static void readerStudy(Results results, JsonNode l, Html html) {
    JsonNode study = l.get("reader_study");
    if (study == null || !study.isObject()) {
      return;
    }
    html.element("h3", "Modalities compared (" + Json.text(l, "primary_figure") + ", readers and cases random)");
    JsonNode test = study.at("/obuchowski_rockette/rrrc/test");
    if (test.isObject()) {
      html.element("p", "Obuchowski-Rockette analysis with jackknife covariances over cases and Hillis's denominator"
          + " degrees of freedom: F = " + Fmt.decimal(Json.number(test, "statistic"), 3) + " on "
          + Fmt.trimmed(Json.number(test, "ndf"), 0) + " and " + Fmt.decimal(Json.number(test, "ddf"), 2) + " degrees of"
          + " freedom, " + Fmt.pEquals("p", Json.number(test, "p")) + ".");
    }
    HtmlTable table = new HtmlTable("Every pair of modalities, first − second", "modalities", "difference", "SE", "df", "p",
        results.level() + " CI");
    for (JsonNode d : Json.elements(l.get("comparisons"))) {
      table.row(pair(d.get("modalities")), Fmt.decimal(Json.number(d, "difference"), 5), Fmt.decimal(Json.number(d, "se"), 4),
          Fmt.decimal(Json.number(d, "df"), 1), Fmt.p(Json.number(d, "p")), Fmt.interval(Interval.of(d.get("ci")), 5));
    }
    table.write(html);
  }

  private static void models(Results results, JsonNode l, Html html) {
    JsonNode models = l.get("models");
    if (models == null || !models.isArray()) {
      return;
    }
    html.element("h3", "Models, with bootstrap intervals over cases");
    HtmlTable table = new HtmlTable(null, "model", Json.text(l, "primary_figure"), results.level() + " CI", "CPM",
        results.level() + " CI");
    for (JsonNode m : Json.elements(models)) {
      table.row(Json.text(m, "model"), Fmt.decimal(Json.number(m, "value"), 4), Fmt.interval(Interval.of(m.get("ci")), 4),
          Fmt.decimal(Json.number(m, "cpm"), 4), Fmt.interval(Interval.of(m.get("cpm_ci")), 4));
    }
    table.write(html);
    List<JsonNode> pairs = Json.elements(l.get("model_comparisons"));
    if (pairs.isEmpty()) {
      return;
    }
    HtmlTable head = new HtmlTable("Models head-to-head on the same cases, first − second", "models", "difference",
        results.level() + " CI", "p", "p (Holm)", "CPM difference", results.level() + " CI");
    for (JsonNode d : pairs) {
      head.row(pair(d.get("models")), Fmt.decimal(Json.number(d, "difference"), 4), Fmt.interval(Interval.of(d.get("ci")), 4),
          Fmt.p(Json.number(d, "p")), Fmt.p(Json.number(d, "p_holm")), Fmt.decimal(Json.number(d, "cpm_difference"), 4),
          Fmt.interval(Interval.of(d.get("cpm_ci")), 4));
    }
    head.write(html);
    HtmlTable rates = new HtmlTable("Sensitivity at fixed false marks per case, first − second (bootstrap; Holm over"
        + " every pair and rate)", "models", "false marks per case", "difference", results.level() + " CI", "p (Holm)");
    for (JsonNode d : pairs) {
      for (JsonNode r : Json.elements(d.get("sensitivity_differences"))) {
        rates.row(pair(d.get("models")), Fmt.decimal(Json.number(r, "false_marks_per_case"), 3),
            Fmt.decimal(Json.number(r, "difference"), 4), Fmt.interval(Interval.of(r.get("ci")), 4),
            Fmt.p(Json.number(r, "p_holm")));
      }
    }
    rates.write(html);
  }

  private static String pair(JsonNode names) {
    List<String> n = names(names);
    return n.size() == 2 ? n.get(0) + " − " + n.get(1) : String.join(", ", n);
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : Json.elements(array)) {
      out.add(n.asText());
    }
    return out;
  }

  @Override
  public List<Finding> findings(Results results) {
    JsonNode l = results.get("lesions");
    String figure = Json.text(l, "primary_figure");
    double alpha = results.alpha();
    List<Finding> findings = new ArrayList<>();
    findings.add(new Finding(Finding.Strength.FACT, design(l).split("\\. ")[0] + ".", id()));
    for (JsonNode d : Json.elements(l.get("comparisons"))) {
      findings.add(finding(figure, "modality", d.get("modalities"), d, Json.number(d, "p"), alpha));
    }
    for (JsonNode d : Json.elements(l.get("model_comparisons"))) {
      findings.add(finding(figure, "model", d.get("models"), d, Json.number(d, "p_holm"), alpha));
    }
    return findings;
  }

  private Finding finding(String figure, String what, JsonNode names, JsonNode d, double p, double alpha) {
    List<String> n = names(names);
    double diff = Json.number(d, "difference");
    Interval ci = Interval.of(d.get("ci"));
    Judgement j = Judgement.of(diff, ci, p, alpha);
    String plural = what.equals("modality") ? "modalities" : what + "s";
    String sentence = switch (j) {
      case HIGHER, LOWER -> figure + " of " + what + " " + n.get(0) + " is " + (j == Judgement.HIGHER ? "higher" : "lower")
          + " than of " + what + " " + n.get(1) + " by " + Fmt.decimal(Math.abs(diff), 4) + " (" + Fmt.interval(ci, 4) + ", "
          + Fmt.pEquals("p", p) + ").";
      case NOT_ESTIMABLE -> "The " + figure + " difference of " + plural + " " + n.get(0) + " and " + n.get(1)
          + " could not be estimated.";
      default -> "No " + figure + " difference between " + plural + " " + n.get(0) + " and " + n.get(1) + " was shown ("
          + Fmt.signed(diff, 4) + ", " + Fmt.interval(ci, 4) + ", " + Fmt.pEquals("p", p) + ").";
    };
    return new Finding(j.strength(), sentence, id());
  }
}

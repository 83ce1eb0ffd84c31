package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The segmentation study of "segmentation" (radtrial masks): per label each model's metrics with
 * intervals, the distributions of Dice and HD95 over the cases (one dot per case), a Bland-Altman
 * plot of each model's volume against the reference's (and of SUVmax with PET), the models
 * head-to-head, Dice by subgroup and the worst cases for review. Key findings judge each Dice and
 * HD95 difference with {@link Judgement} (Holm-adjusted Wilcoxon p).
 */
final class SegmentationSection implements Section {
  private static final String[][] SHOWN = {
    {"dice", "Dice", ""}, {"iou", "IoU", ""}, {"hd95", "HD95", " mm"}, {"hd", "HD", " mm"}, {"assd", "ASSD", " mm"},
    {"masd", "MASD", " mm"}, {"nsd", "surface Dice", ""}, {"avd_ml", "|volume difference|", " mL"},
    {"rvd", "|relative volume difference|", ""}};

  @Override
  public String id() {
    return "segmentation";
  }

  @Override
  public String title() {
    return "Segmentation against the reference";
  }

  static boolean present(Results results) {
    return results.get("segmentation").isObject();
  }

  @Override
  public boolean presentIn(Results results) {
    return present(results);
  }

  static String design(JsonNode s) {
    JsonNode d = s.get("design");
    return Fmt.count(d.path("cases").asLong()) + " cases, " + d.get("models").size() + " models ("
        + String.join(", ", names(d.get("models"))) + "), label" + (d.get("labels").size() == 1 ? " " : "s ")
        + String.join(", ", names(d.get("labels"))) + "; surface Dice at " + Fmt.trimmed(Json.number(d, "tolerance_mm"), 2)
        + " mm" + (d.path("pet").asBoolean() ? "; PET uptake in every mask." : ".");
  }

  @Override
  public void write(Results results, Html html) {
    JsonNode s = results.get("segmentation");
    html.element("p", design(s) + " Definitions: " + Json.text(s.get("design"), "definitions") + ".");
    for (JsonNode label : Json.elements(s.get("labels"))) {
      int l = label.path("label").asInt();
      if (s.get("labels").size() > 1) {
        html.element("h3", "Label " + l);
      }
      summary(results, label, html);
      distributions(s, l, html);
      blandAltman(results, s, label, html, "volume_ml", "volume", c -> c.path("reference_ml").asDouble(),
          m -> m.path("prediction_ml").asDouble(), "mL");
      if (s.get("design").path("pet").asBoolean()) {
        blandAltman(results, s, label, html, "suv_max", "SUVmax", c -> Json.number(c.path("reference_pet"), "suv_max"),
            m -> Json.number(m.path("pet"), "suv_max"), "");
        agreementTable(results, label, html);
      }
      headToHead(results, label, html);
      subgroups(results, label, html);
      worst(label, html);
    }
  }

  private static void summary(Results results, JsonNode label, Html html) {
    html.element("h3", "Each model");
    List<String> headers = new ArrayList<>(List.of("model"));
    for (String[] m : SHOWN) {
      headers.add(m[1] + m[2].trim().replaceAll("(.+)", " ($1)"));
    }
    headers.add("missed / false structure / both empty");
    HtmlTable table = new HtmlTable("Mean over the cases with its " + results.level() + " percentile bootstrap interval."
        + " A missed structure (or one where the reference has none) counts at the image's diagonal in the distances"
        + " and 0 in Dice, IoU and surface Dice.", headers.toArray(new String[0]));
    for (JsonNode m : Json.elements(label.get("models"))) {
      List<String> row = new ArrayList<>(List.of(Json.text(m, "model")));
      for (String[] metric : SHOWN) {
        JsonNode x = m.path("metrics").get(metric[0]);
        row.add(x == null ? "–" : Fmt.decimal(Json.number(x, "mean"), 3) + " " + Fmt.interval(Interval.of(x.get("mean_ci")), 3));
      }
      JsonNode e = m.get("empty_masks");
      row.add(e.path("prediction").asInt() + " / " + e.path("reference").asInt() + " / " + e.path("both").asInt());
      table.row(row.toArray(new String[0]));
    }
    table.write(html);
  }

  /** Per model one row of dots, one per case, for Dice (0 to 1) and HD95 (0 to the largest). */
  private static void distributions(JsonNode s, int label, Html html) {
    html.element("h3", "Distributions over the cases");
    List<String> models = names(s.at("/design/models"));
    for (String[] metric : new String[][] {{"dice", "Dice", ""}, {"hd95", "HD95", " mm"}}) {
      List<double[]> values = new ArrayList<>();
      double max = metric[0].equals("dice") ? 1 : 0;
      for (int m = 0; m < models.size(); m++) {
        List<Double> v = new ArrayList<>();
        for (JsonNode c : Json.elements(s.get("cases"))) {
          if (c.path("label").asInt() == label) {
            JsonNode x = c.at("/models/" + m + "/" + metric[0]);
            v.add(x.isNumber() ? x.asDouble() : c.path("worst_distance_mm").asDouble());
          }
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        for (double x : a) {
          max = Math.max(max, x);
        }
        values.add(a);
      }
      double left = 140;
      double width = 420;
      double row = 28;
      Svg svg = new Svg("seg-" + metric[0] + "-" + label, left + width + 30, models.size() * row + 40,
          metric[1] + " per case, by model", "One dot per case; an undefined distance (an empty mask) is drawn at the image's"
          + " diagonal. The table above gives each model's mean and interval.");
      double scale = width / Math.max(max, 1e-9);
      for (int m = 0; m < models.size(); m++) {
        double y = 14 + m * row;
        svg.text(left - 8, y + 4, models.get(m), "end", "#000000", null);
        for (double x : values.get(m)) {
          svg.marker(Palette.shape(m), left + x * scale, y, 3.2, Palette.model(m), true);
        }
      }
      double axis = 14 + models.size() * row - 8;
      svg.line(left, axis, left + width, axis, Palette.MUTED, 1, null);
      for (int t = 0; t <= 4; t++) {
        double v = max * t / 4;
        svg.text(left + v * scale, axis + 16, Fmt.trimmed(v, metric[0].equals("dice") ? 2 : 1), "middle", "#000000", null);
      }
      svg.text(left + width / 2, axis + 32, metric[1] + metric[2], "middle", "#000000", null);
      html.raw(svg.finish());
    }
  }

  /**
   * The model's value minus the reference's against their mean, one dot per case and model, with
   * each model's mean difference (bias) and bias ± 1.96 SD of the differences drawn as lines.
   */
  private static void blandAltman(Results results, JsonNode s, JsonNode labelNode, Html html, String key, String quantity,
      java.util.function.ToDoubleFunction<JsonNode> reference, java.util.function.ToDoubleFunction<JsonNode> model,
      String unit) {
    int label = labelNode.path("label").asInt();
    List<String> models = names(s.at("/design/models"));
    List<double[][]> points = new ArrayList<>();
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = 0;
    double maxY = 0;
    for (int m = 0; m < models.size(); m++) {
      List<double[]> p = new ArrayList<>();
      for (JsonNode c : Json.elements(s.get("cases"))) {
        if (c.path("label").asInt() != label) {
          continue;
        }
        double r = reference.applyAsDouble(c);
        double x = model.applyAsDouble(c.at("/models/" + m));
        if (Double.isFinite(r) && Double.isFinite(x)) {
          double mean = (r + x) / 2;
          p.add(new double[] {mean, x - r});
          minX = Math.min(minX, mean);
          maxX = Math.max(maxX, mean);
          minY = Math.min(minY, x - r);
          maxY = Math.max(maxY, x - r);
        }
      }
      points.add(p.toArray(new double[0][]));
    }
    if (!(maxX >= minX)) {
      return;
    }
    html.element("h3", "Agreement of " + quantity + " with the reference (Bland-Altman)");
    double[][] limits = new double[models.size()][];
    for (int m = 0; m < models.size(); m++) {
      JsonNode ba = agreementOf(labelNode, key, models.get(m)).path("bland_altman");
      if (ba.isObject()) {
        limits[m] = new double[] {Json.number(ba, "bias"), Json.number(ba, "lower_limit"), Json.number(ba, "upper_limit")};
        minY = Math.min(minY, limits[m][1]);
        maxY = Math.max(maxY, limits[m][2]);
      }
    }
    double left = 70;
    double w = 440;
    double h = 260;
    double top = 12;
    double spanX = Math.max(maxX - minX, 1e-9);
    double spanY = Math.max(maxY - minY, 1e-9);
    Svg svg = new Svg("seg-ba-" + quantity.toLowerCase(Locale.ROOT) + "-" + label, left + w + 170, h + 60,
        "Bland-Altman plot of " + quantity, "Per case the model's " + quantity + " minus the reference's against their mean;"
        + " lines: each model's bias (solid) and limits of agreement (dashed), as the table below gives them.");
    double x0 = minX;
    double y1 = maxY;
    java.util.function.DoubleUnaryOperator sx = x -> left + (x - x0) / spanX * w;
    java.util.function.DoubleUnaryOperator sy = y -> top + (y1 - y) / spanY * h;
    svg.line(left, sy.applyAsDouble(0), left + w, sy.applyAsDouble(0), Palette.REFERENCE, 1, "2 3");
    for (int m = 0; m < models.size(); m++) {
      for (double[] p : points.get(m)) {
        svg.marker(Palette.shape(m), sx.applyAsDouble(p[0]), sy.applyAsDouble(p[1]), 3.2, Palette.model(m), true);
      }
      if (limits[m] != null) {
        svg.line(left, sy.applyAsDouble(limits[m][0]), left + w, sy.applyAsDouble(limits[m][0]), Palette.model(m), 1.5, null);
        svg.line(left, sy.applyAsDouble(limits[m][1]), left + w, sy.applyAsDouble(limits[m][1]), Palette.model(m), 1, "5 4");
        svg.line(left, sy.applyAsDouble(limits[m][2]), left + w, sy.applyAsDouble(limits[m][2]), Palette.model(m), 1, "5 4");
      }
      svg.marker(Palette.shape(m), left + w + 20, top + 10 + 18 * m, 3.2, Palette.model(m), true);
      svg.text(left + w + 30, top + 14 + 18 * m, models.get(m), "start", "#000000", null);
    }
    svg.line(left, top + h, left + w, top + h, Palette.MUTED, 1, null);
    svg.line(left, top, left, top + h, Palette.MUTED, 1, null);
    svg.text(left + w / 2, top + h + 30, "mean of model and reference" + (unit.isEmpty() ? "" : " (" + unit + ")"),
        "middle", "#000000", null);
    svg.text(left - 6, sy.applyAsDouble(maxY) + 4, Fmt.trimmed(maxY, 2), "end", "#000000", null);
    svg.text(left - 6, sy.applyAsDouble(0) + 4, "0", "end", "#000000", null);
    svg.text(left - 6, sy.applyAsDouble(minY) + 4, Fmt.trimmed(minY, 2), "end", "#000000", null);
    svg.text(left, top + h + 16, Fmt.trimmed(minX, 2), "middle", "#000000", null);
    svg.text(left + w, top + h + 16, Fmt.trimmed(maxX, 2), "middle", "#000000", null);
    html.raw(svg.finish());
    agreementRows(results, labelNode, key, html, "Model minus reference over the cases where both exist: bias and "
        + results.level() + " limits of agreement (bias ± z·SD) with their intervals (Bland and Altman 1999), ICC(A,1)"
        + " (McGraw and Wong) and Lin's concordance with theirs.", spaced(unit));
  }

  private static void agreementTable(Results results, JsonNode labelNode, Html html) {
    html.element("h3", "Agreement of the PET uptake with the reference's");
    for (String[] q : new String[][] {{"suv_peak", "SUVpeak"}, {"suv_mean", "SUVmean"}, {"tlg", "TLG"}}) {
      agreementRows(results, labelNode, q[0], html, q[1] + " in each model's mask against the reference's mask (cases where"
          + " both masks have voxels).", "");
    }
  }

  private static void agreementRows(Results results, JsonNode labelNode, String key, Html html, String caption,
      String unit) {
    HtmlTable table = new HtmlTable(caption, "model", "cases", "bias" + unit, "lower limit", "upper limit", "ICC(A,1)",
        "Lin's CCC", "not computed");
    for (JsonNode a : Json.elements(labelNode.get("agreement"))) {
      if (!Json.text(a, "quantity").equals(key)) {
        continue;
      }
      JsonNode ba = a.get("bland_altman");
      JsonNode icc = a.get("icc");
      JsonNode ccc = a.get("ccc");
      boolean b = ba != null && ba.isObject();
      table.row(Json.text(a, "model"), b ? Fmt.count(ba.path("n").asLong()) : "–",
          b ? Fmt.decimal(Json.number(ba, "bias"), 3) + " " + Fmt.interval(Interval.of(ba.get("bias_ci")), 3) : "–",
          b ? Fmt.decimal(Json.number(ba, "lower_limit"), 3) + " " + Fmt.interval(Interval.of(ba.get("lower_limit_ci")), 3) : "–",
          b ? Fmt.decimal(Json.number(ba, "upper_limit"), 3) + " " + Fmt.interval(Interval.of(ba.get("upper_limit_ci")), 3) : "–",
          icc != null && icc.isObject() ? Fmt.decimal(Json.number(icc, "value"), 3) + " "
              + Fmt.interval(Interval.of(icc.get("ci")), 3) : "–",
          ccc != null && ccc.isObject() ? Fmt.decimal(Json.number(ccc, "value"), 3) + " "
              + Fmt.interval(Interval.of(ccc.get("ci")), 3) : "–",
          String.join("; ", names(a.get("notes"))));
    }
    table.write(html);
  }

  private static JsonNode agreementOf(JsonNode labelNode, String key, String model) {
    for (JsonNode a : Json.elements(labelNode.get("agreement"))) {
      if (Json.text(a, "quantity").equals(key) && Json.text(a, "model").equals(model)) {
        return a;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static String spaced(String unit) {
    return unit.isEmpty() ? "" : " (" + unit + ")";
  }

  private static void headToHead(Results results, JsonNode label, Html html) {
    List<JsonNode> pairs = Json.elements(label.get("comparisons"));
    if (pairs.isEmpty()) {
      return;
    }
    html.element("h3", "Models head-to-head");
    HtmlTable table = new HtmlTable("First minus second over the same cases: paired bootstrap " + results.level()
        + " intervals, Wilcoxon signed-rank test, Holm's adjustment over the pairs of one metric. For the relative volume"
        + " difference, its absolute value.", "metric", "models", "mean difference", results.level() + " CI",
        "median difference", "Wilcoxon p", "Holm p", "judgement");
    for (JsonNode p : pairs) {
      Judgement j = judge(results, p);
      table.row(metricName(Json.text(p, "metric")), p.get("models").get(0).asText() + " − " + p.get("models").get(1).asText(),
          Fmt.decimal(Json.number(p, "mean_difference"), 4), Fmt.interval(Interval.of(p.get("mean_difference_ci")), 4),
          Fmt.decimal(Json.number(p, "median_difference"), 4), Fmt.p(Json.number(p, "wilcoxon_p")),
          Fmt.p(Json.number(p, "holm_p")), j.shown() ? (j == Judgement.HIGHER ? "first higher" : "first lower")
          : "no difference shown");
    }
    table.writeCollapsed(html, "Every metric's pairwise comparisons (" + pairs.size() + ")");
  }

  private static Judgement judge(Results results, JsonNode p) {
    return Judgement.of(Json.number(p, "mean_difference"), Interval.of(p.get("mean_difference_ci")),
        Json.number(p, "holm_p"), results.alpha());
  }

  private static void subgroups(Results results, JsonNode label, Html html) {
    List<JsonNode> rows = Json.elements(label.get("subgroups"));
    if (rows.isEmpty()) {
      return;
    }
    html.element("h3", "Dice by subgroup");
    List<String> headers = new ArrayList<>(List.of("column", "level", "cases"));
    for (JsonNode m : Json.elements(label.get("models"))) {
      headers.add(Json.text(m, "model"));
    }
    HtmlTable table = new HtmlTable("Mean Dice with its " + results.level() + " bootstrap interval per level. Levels with"
        + " fewer than 10 cases are marked small: shown, not judged.", headers.toArray(new String[0]));
    for (JsonNode r : rows) {
      List<String> row = new ArrayList<>(List.of(Json.text(r, "column"), Json.text(r, "level"),
          Fmt.count(r.path("n").asLong()) + (r.path("small").asBoolean() ? " (small)" : "")));
      JsonNode dice = r.get("dice");
      for (int m = 0; m < headers.size() - 3; m++) {
        JsonNode d = dice == null || dice.isNull() ? null : dice.get(m);
        row.add(d == null ? "–" : Fmt.decimal(Json.number(d, "mean"), 3) + " " + Fmt.interval(Interval.of(d.get("mean_ci")), 3));
      }
      table.row(row.toArray(new String[0]));
    }
    table.write(html);
  }

  private static void worst(JsonNode label, Html html) {
    html.element("h3", "Cases to review");
    HtmlTable table = new HtmlTable("Each model's lowest-Dice cases (ties: the larger HD95 first); 'prediction' means the"
        + " model outlined nothing where the reference has a structure, 'reference' the opposite.", "model", "case",
        "Dice", "HD95 (mm)", "empty mask");
    for (JsonNode w : Json.elements(label.get("worst_cases"))) {
      table.row(Json.text(w, "model"), Json.text(w, "case_id"), Fmt.decimal(Json.number(w, "dice"), 3),
          Fmt.decimal(Json.number(w, "hd95"), 1), Json.text(w, "empty_masks"));
    }
    table.write(html);
  }

  @Override
  public List<Finding> findings(Results results) {
    JsonNode s = results.get("segmentation");
    List<Finding> out = new ArrayList<>();
    out.add(new Finding(Finding.Strength.FACT, design(s).split(";")[0] + ".", id()));
    for (JsonNode label : Json.elements(s.get("labels"))) {
      for (JsonNode m : Json.elements(label.get("models"))) {
        int missed = m.at("/empty_masks/prediction").asInt();
        if (missed > 0) {
          out.add(new Finding(Finding.Strength.CAUTION, Json.text(m, "model") + " outlined nothing in " + missed
              + (missed == 1 ? " case" : " cases") + " where the reference has a structure (label "
              + label.path("label").asInt() + "); they count as Dice 0 and at the image's diagonal in the distances.", id()));
        }
      }
      for (JsonNode p : Json.elements(label.get("comparisons"))) {
        String metric = Json.text(p, "metric");
        if (!metric.equals("dice") && !metric.equals("hd95")) {
          continue;
        }
        Judgement j = judge(results, p);
        String a = p.get("models").get(0).asText();
        String b = p.get("models").get(1).asText();
        String diff = Fmt.decimal(Json.number(p, "mean_difference"), 3) + " "
            + Fmt.interval(Interval.of(p.get("mean_difference_ci")), 3);
        String sentence = switch (j) {
          case HIGHER, LOWER -> "Mean " + metricName(metric) + " of " + a + " is " + (j == Judgement.HIGHER ? "higher" : "lower")
              + " than " + b + "'s by " + diff + " (Holm p " + Fmt.p(Json.number(p, "holm_p")) + ")"
              + (metric.equals("dice") == (j == Judgement.HIGHER) ? ": " + a + " outlines closer." : ": " + b + " outlines closer.");
          case NOT_SHOWN, NOT_SHOWN_BY_TEST -> "No difference in mean " + metricName(metric) + " between " + a + " and " + b
              + " was shown: " + diff + ".";
          case NOT_ESTIMABLE -> "The difference in " + metricName(metric) + " between " + a + " and " + b
              + " could not be estimated.";
        };
        out.add(new Finding(j.strength(), sentence, id()));
      }
    }
    return out;
  }

  private static String metricName(String key) {
    for (String[] m : SHOWN) {
      if (m[0].equals(key)) {
        return m[1];
      }
    }
    return key;
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : Json.elements(array)) {
      out.add(n.asText());
    }
    return out;
  }
}

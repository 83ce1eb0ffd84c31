package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;


/**
 * "reconstruction" ({@code radtrial recon}): how closely each candidate reconstruction reproduces
 * the reference, by fastMRI's conventions, where the pathology is as well as overall; each method's
 * distribution per case; the methods head-to-head (paired bootstrap intervals, Wilcoxon, Holm);
 * the worst cases side by side (reference, candidate, difference); and what each protocol saves.
 * Key findings judge each pair with {@link Judgement} on the mean difference's interval and the
 * Holm-adjusted Wilcoxon p, and say when a method's whole-image fidelity and its fidelity in the
 * lesions point opposite ways.
 */
final class ReconstructionSection implements Section {
  /** The metrics a reader of the report should see first, in this order. */
  private static final List<String> KEY_METRICS = List.of("lowest_region_ssim", "lesion_ssim", "ssim", "lowest_slice_ssim",
      "lowest_slice_psnr", "psnr", "nmse", "cnr", "noise");
  private static final List<String> DISTRIBUTIONS = List.of("ssim", "lesion_ssim", "lowest_region_ssim", "lowest_slice_ssim",
      "lowest_slice_psnr");

  static boolean present(Results results) {
    return results.has("reconstruction");
  }

  @Override
  public String id() {
    return "reconstruction";
  }

  @Override
  public String title() {
    return "Reconstruction fidelity";
  }

  @Override
  public boolean presentIn(Results results) {
    return present(results);
  }

  /** One sentence on the design, for the report's subtitle. */
  static String design(JsonNode r) {
    JsonNode d = r.path("design");
    List<String> methods = new ArrayList<>();
    Json.elements(d.path("methods")).forEach(m -> methods.add(m.asText()));
    return Fmt.count(d.path("cases").asLong()) + " cases, each reconstructed by " + String.join(", ", methods)
        + " and compared with the reference (" + d.path("reference").asText() + "); "
        + Fmt.count(d.path("cases_with_lesion_regions").asLong()) + " cases with lesion regions.";
  }

  @Override
  public void write(Results results, Html html) {
    JsonNode r = results.get("reconstruction");
    html.element("p", design(r) + " NMSE, PSNR and SSIM follow fastMRI's evaluation: the data range is the reference"
        + " volume's maximum; SSIM is the mean over slices of scikit-image's SSIM (7x7 uniform window, K1 = 0.01, K2 = 0.03,"
        + " sample covariance, 3 voxels cropped at each edge). Within lesion regions, SSIM is the mean of the same SSIM map"
        + " over the region's voxels: a method can look faithful overall and still lose a small lesion, which only the"
        + " lesion-region metrics show.");
    distributions(r, html);
    headToHead(results, r, html);
    worstCases(r, html);
    savings(r, html);
  }

  private static void distributions(JsonNode r, Html html) {
    html.element("h3", "Each method, case by case");
    List<String> methods = methods(r);
    for (String key : DISTRIBUTIONS) {
      JsonNode metric = metric(r, key);
      if (metric == null) {
        continue;
      }
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      List<double[]> values = new ArrayList<>();
      for (int j = 0; j < methods.size(); j++) {
        List<Double> v = new ArrayList<>();
        for (JsonNode c : Json.elements(r.path("per_case"))) {
          JsonNode x = c.path("methods").path(j).path(key);
          if (x.isNumber()) {
            v.add(x.asDouble());
            lo = Math.min(lo, x.asDouble());
            hi = Math.max(hi, x.asDouble());
          }
        }
        values.add(v.stream().mapToDouble(Double::doubleValue).toArray());
      }
      if (!(hi >= lo)) {
        continue;
      }
      if (hi == lo) {
        hi = lo + 1;
      }
      String label = metric.path("label").asText();
      double width = 640;
      double row = 28;
      double left = 110;
      double height = 30 + row * methods.size();
      Svg svg = new Svg("recon-dist-" + key, width, height, label + " per case, by method",
          "One dot per case; the bar marks each method's median. Range " + Fmt.significant(lo, 4) + " to " + Fmt.significant(hi, 4) + ".");
      double span = hi - lo;
      for (int j = 0; j < methods.size(); j++) {
        double y = 20 + row * j + row / 2;
        svg.text(left - 8, y + 4, methods.get(j), "end", Palette.READER, "normal");
        svg.line(left, y, width - 20, y, Palette.REFERENCE, 0.5, null);
        double[] v = values.get(j).clone();
        java.util.Arrays.sort(v);
        for (double x : v) {
          svg.marker(Palette.Shape.CIRCLE, left + (x - lo) / span * (width - 20 - left), y, 3, colour(j), true);
        }
        if (v.length > 0) {
          double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
          double mx = left + (median - lo) / span * (width - 20 - left);
          svg.line(mx, y - 9, mx, y + 9, Palette.READER, 2, null);
        }
      }
      svg.text(left, height - 4, Fmt.significant(lo, 4), "start", Palette.MUTED, "normal");
      svg.text(width - 20, height - 4, Fmt.significant(hi, 4), "end", Palette.MUTED, "normal");
      html.element("h4", label);
      html.raw(svg.finish());
    }
    JsonNode h = r.path("head_to_head");
    HtmlTable t = new HtmlTable("Each method's mean and median over the cases, with bootstrap intervals", "metric", "method",
        "n", "mean", "interval", "median", "interval");
    for (String key : KEY_METRICS) {
      for (JsonNode m : Json.elements(h)) {
        if (!m.path("metric").asText().equals(key)) {
          continue;
        }
        for (JsonNode s : Json.elements(m.path("methods"))) {
          t.row(m.path("label").asText(), s.path("method").asText(), Fmt.count(s.path("n").asLong())
              + (s.path("missing").asLong() > 0 ? "\n" + s.path("missing").asLong() + " missing" : ""),
              num(s.path("mean")), Fmt.interval(Interval.of(s.path("mean_ci")), 4), num(s.path("median")),
              Fmt.interval(Interval.of(s.path("median_ci")), 4));
        }
      }
    }
    if (!t.isEmpty()) {
      t.write(html);
    }
  }

  private static void headToHead(Results results, JsonNode r, Html html) {
    if (methods(r).size() < 2) {
      return;
    }
    html.element("h3", "Head-to-head on the same cases");
    HtmlTable t = new HtmlTable("Mean difference (first − second) with its paired bootstrap interval; Wilcoxon signed-rank"
        + " p, Holm-adjusted over the pairs of each metric", "metric", "pair", "n", "mean difference", results.level()
        + " interval", "Wilcoxon p", "Holm p", "judgement");
    for (String key : KEY_METRICS) {
      for (JsonNode m : Json.elements(r.path("head_to_head"))) {
        if (!m.path("metric").asText().equals(key)) {
          continue;
        }
        for (JsonNode p : Json.elements(m.path("pairs"))) {
          Judgement j = judge(p, results.alpha());
          t.row(m.path("label").asText(), p.path("first").asText() + " − " + p.path("second").asText(),
              Fmt.count(p.path("n").asLong()), num(p.path("mean_difference")),
              Fmt.interval(Interval.of(p.path("mean_difference_ci")), 4), Fmt.p(Json.number(p, "p")),
              Fmt.p(Json.number(p, "p_holm")), words(j, m, p));
        }
      }
    }
    t.write(html);
  }

  private static void worstCases(JsonNode r, Html html) {
    JsonNode worst = r.path("worst_cases");
    if (worst.isEmpty()) {
      return;
    }
    html.element("h3", "Worst cases for review");
    html.element("p", "Each method's cases with the lowest " + label(r, worst.path(0).path("metric").asText())
        + ", the slice where it is lowest: reference, candidate and their absolute difference (white: a difference of 20% of"
        + " the reference's maximum or more).");
    html.open("div", "class", "table-wrap").open("table");
    html.element("caption", "Worst cases, side by side");
    html.open("thead").open("tr");
    for (String h : List.of("method", "case", "value", "slice", "reference", "candidate", "difference")) {
      html.element("th", h, "scope", "col");
    }
    html.close("tr").close("thead").open("tbody");
    for (JsonNode w : Json.elements(worst)) {
      html.open("tr");
      html.element("th", w.path("method").asText(), "scope", "row");
      html.element("td", w.path("case").asText());
      html.element("td", num(w.path("value")));
      html.element("td", Long.toString(w.path("slice").asLong()));
      for (String image : List.of("reference_png", "candidate_png", "difference_png")) {
        html.open("td").empty("img", "src", w.path(image).asText(), "alt", image.replace("_png", "") + " slice "
            + w.path("slice").asLong() + " of case " + w.path("case").asText(), "class", "thumbnail").close("td");
      }
      html.close("tr").newline();
    }
    html.close("tbody").close("table").close("div").newline();
  }

  private static void savings(JsonNode r, Html html) {
    JsonNode s = r.path("savings");
    if (!s.isObject()) {
      return;
    }
    html.element("h3", "What each protocol saves");
    HtmlTable t = new HtmlTable("Against the reference protocol, over the exams known for both"
        + (s.path("scanner_kw").isNumber() ? "; energy at " + Fmt.significant(s.path("scanner_kw").asDouble(), 3)
            + " kW while scanning" : ""), "method", "quantity", "exams", "reference", "method's", "saved", "saved %");
    for (JsonNode v : Json.elements(s.path("savings"))) {
      t.row(v.path("method").asText(), v.path("quantity").asText().replace('_', ' ') + " (" + v.path("unit").asText() + ")",
          Fmt.count(v.path("exams").asLong()) + (v.path("unpaired").asLong() > 0 ? "\n" + v.path("unpaired").asLong()
              + " unpaired" : ""), num(v.path("reference")), num(v.path("candidate")), num(v.path("saved")),
          v.path("fraction").isNumber() ? Fmt.decimal(100 * v.path("fraction").asDouble(), 1) : "–");
    }
    t.write(html);
  }

  @Override
  public List<Finding> findings(Results results) {
    JsonNode r = results.get("reconstruction");
    List<Finding> out = new ArrayList<>();
    out.add(new Finding(Finding.Strength.FACT, design(r), id()));
    double alpha = results.alpha();
    for (String key : List.of("lowest_region_ssim", "lesion_ssim", "ssim", "lowest_slice_psnr")) {
      for (JsonNode m : Json.elements(r.path("head_to_head"))) {
        if (!m.path("metric").asText().equals(key)) {
          continue;
        }
        for (JsonNode p : Json.elements(m.path("pairs"))) {
          Judgement j = judge(p, alpha);
          if (j.shown()) {
            out.add(new Finding(j.strength(), sentence(m, p, j), id()));
          }
        }
      }
    }
    // whole-image fidelity and fidelity in the lesions pointing opposite ways: the fault the lesion metrics exist for
    JsonNode whole = metric(r, "ssim") == null ? null : pairsOf(r, "ssim");
    JsonNode lesion = pairsOf(r, "lowest_region_ssim");
    if (whole != null && lesion != null) {
      for (int k = 0; k < whole.size() && k < lesion.size(); k++) {
        Judgement w = judge(whole.get(k), alpha);
        Judgement l = judge(lesion.get(k), alpha);
        if (w.shown() && l.shown() && w != l) {
          JsonNode p = whole.get(k);
          String betterOverall = w == Judgement.HIGHER ? p.path("first").asText() : p.path("second").asText();
          String other = w == Judgement.HIGHER ? p.path("second").asText() : p.path("first").asText();
          out.add(new Finding(Finding.Strength.CAUTION, betterOverall + " reproduces the whole image better than " + other
              + " (higher SSIM) but the lesions worse (lower lowest SSIM of any lesion): whole-image metrics hide what it"
              + " loses where the pathology is; review its worst cases below.", id()));
        }
      }
    }
    JsonNode s = r.path("savings");
    for (JsonNode v : Json.elements(s.path("savings"))) {
      if (v.path("quantity").asText().equals("minutes") && v.path("fraction").isNumber()) {
        out.add(new Finding(Finding.Strength.FACT, v.path("method").asText() + " takes " + Fmt.decimal(100
            * v.path("fraction").asDouble(), 0) + "% less scanner time than the reference (" + num(v.path("saved"))
            + " minutes over " + Fmt.count(v.path("exams").asLong()) + " exams).", id()));
      }
    }
    return out;
  }

  private static String sentence(JsonNode metric, JsonNode p, Judgement j) {
    return p.path("first").asText() + " has " + (j == Judgement.HIGHER ? "higher " : "lower ") + metric.path("label").asText()
        + " than " + p.path("second").asText() + " on the same cases (mean difference " + num(p.path("mean_difference"))
        + ", interval " + Fmt.interval(Interval.of(p.path("mean_difference_ci")), 4) + ", Holm p " + Fmt.p(Json.number(p,
            "p_holm")) + ").";
  }

  private static String words(Judgement j, JsonNode metric, JsonNode p) {
    return switch (j) {
      case HIGHER -> p.path("first").asText() + " higher";
      case LOWER -> p.path("first").asText() + " lower";
      case NOT_SHOWN -> "no difference shown";
      case NOT_SHOWN_BY_TEST -> "not confirmed by the test";
      case NOT_ESTIMABLE -> "not estimable";
    };
  }

  private static Judgement judge(JsonNode p, double alpha) {
    return Judgement.of(Json.number(p, "mean_difference"), Interval.of(p.path("mean_difference_ci")),
        Json.number(p, "p_holm"), alpha);
  }

  private static JsonNode pairsOf(JsonNode r, String key) {
    for (JsonNode m : Json.elements(r.path("head_to_head"))) {
      if (m.path("metric").asText().equals(key)) {
        return m.path("pairs");
      }
    }
    return null;
  }

  private static JsonNode metric(JsonNode r, String key) {
    for (JsonNode m : Json.elements(r.path("metrics"))) {
      if (m.path("key").asText().equals(key)) {
        return m;
      }
    }
    return null;
  }

  private static String label(JsonNode r, String key) {
    JsonNode m = metric(r, key);
    return m == null ? key : m.path("label").asText();
  }

  private static List<String> methods(JsonNode r) {
    List<String> out = new ArrayList<>();
    Json.elements(r.path("design").path("methods")).forEach(m -> out.add(m.asText()));
    return out;
  }

  private static String colour(int j) {
    return Palette.model(j);
  }

  private static String num(JsonNode v) {
    return v.isNumber() ? Fmt.significant(v.asDouble(), 4) : "–";
  }

}

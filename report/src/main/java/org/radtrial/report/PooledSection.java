package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.radtrial.core.stat.StandardNormal;

/**
 * "pooled" ({@code radtrial pool}): per model a forest plot of the sites' AUCs, the pooled AUC and
 * the prediction interval for a new site, heterogeneity in plain words, leave-one-site-out, and the
 * head-to-head differences across sites judged by {@link Judgement} with Holm-adjusted p.
 */
final class PooledSection implements Section {
  @Override
  public String id() {
    return "pooled";
  }

  @Override
  public String title() {
    return "Pooled across sites";
  }

  @Override
  public boolean presentIn(Results results) {
    return results.has("pooled");
  }

  @Override
  public List<Finding> findings(Results results) {
    List<Finding> findings = new ArrayList<>();
    for (JsonNode m : Json.elements(results.at("/pooled/models"))) {
      findings.add(new Finding(Finding.Strength.FACT, m.path("in_words").asText(), id()));
    }
    for (JsonNode d : Json.elements(results.at("/pooled/differences"))) {
      Judgement j = judge(results, d);
      String pair = d.path("a").asText() + " \u2212 " + d.path("b").asText();
      findings.add(new Finding(j.strength(), "Across sites, AUC " + pair + " " + Fmt.signed(d.path("estimate").asDouble(), 3)
          + " (" + results.level() + " CI " + Fmt.interval(ci(d), 3) + "): " + verdict(j, d), id()));
    }
    return findings;
  }

  @Override
  public void write(Results results, Html html) {
    JsonNode pooled = results.get("pooled");
    JsonNode method = pooled.path("method");
    List<JsonNode> sites = Json.elements(pooled.path("sites"));
    html.element("p", "Each of the " + sites.size() + " sites evaluated the models on its own cases and shared only"
        + " aggregates (a site summary). Each model's AUC is pooled on the logit scale by random-effects meta-analysis ("
        + method.path("tau2").asText() + " between-site variance" + (method.path("knapp_hartung").asBoolean()
            ? ", Knapp-Hartung intervals" : "") + ") and back-transformed. The prediction interval is where the AUC of"
        + " a new hospital is expected; it matters more than the pooled mean when deciding whether to deploy.");
    double z = StandardNormal.criticalValue(results.ciLevel());
    for (JsonNode m : Json.elements(pooled.path("models"))) {
      String name = m.path("name").asText();
      ForestPlot plot = new ForestPlot(List.of(new ForestPlot.Panel("AUC", Double.NaN, Double.NaN,
          m.at("/auc/estimate").asDouble(), false)));
      for (JsonNode s : Json.elements(m.path("sites"))) {
        double auc = s.path("auc").asDouble();
        double se = s.path("auc_se").asDouble();
        plot.add(new ForestPlot.Row(s.path("site").asText(), Fmt.count(s.path("positives").asLong()) + " positives, "
            + Fmt.count(s.path("negatives").asLong()) + " negatives", "#000000", Palette.Shape.SQUARE, false,
            List.of(new ForestPlot.Value(auc, new Interval(Math.max(0, auc - z * se), Math.min(1, auc + z * se)),
                ForestPlot.Mark.NONE))));
      }
      JsonNode auc = m.path("auc");
      plot.add(new ForestPlot.Row("Pooled", m.path("k").asInt() + " sites", "#000000", Palette.Shape.DIAMOND, false,
          List.of(new ForestPlot.Value(auc.path("estimate").asDouble(), new Interval(auc.path("ci_lower").asDouble(),
              auc.path("ci_upper").asDouble()), ForestPlot.Mark.NONE))));
      plot.add(new ForestPlot.Row("A new site", "prediction interval", "#555555", Palette.Shape.DIAMOND, true,
          List.of(new ForestPlot.Value(auc.path("estimate").asDouble(), new Interval(auc.path("prediction_lower").asDouble(),
              auc.path("prediction_upper").asDouble()), ForestPlot.Mark.NONE))));
      html.element("h3", name);
      Figure.write(html, plot.svg("pooled-" + name, "AUC of " + name + " at each site and pooled",
          "Each row is a site's AUC with its " + results.level() + " DeLong interval; then the pooled AUC with its"
              + " confidence interval and the prediction interval for a new site."),
          "AUC of " + name + " per site (" + results.level() + " DeLong intervals), pooled (random effects, "
              + results.level() + " CI) and the " + results.level() + " prediction interval for a new site (grey).",
          List.of());
      html.element("p", m.path("in_words").asText());
      JsonNode h = m.path("heterogeneity");
      new HtmlTable("Heterogeneity of " + name + " (logit AUC)", "Q (df)", "p", "\u03c4\u00b2 (" + results.level() + " CI)",
          "I\u00b2 (" + results.level() + " CI)", "H\u00b2 (" + results.level() + " CI)")
          .row(Fmt.decimal(h.path("q").asDouble(), 2) + " (" + h.path("df").asInt() + ")", Fmt.p(h.path("q_p").asDouble()),
              Fmt.decimal(h.path("tau2").asDouble(), 3) + " (" + Fmt.interval(range(h, "tau2"), 3) + ")",
              Fmt.decimal(h.path("i2").asDouble(), 1) + "% (" + Fmt.interval(range(h, "i2"), 1) + ")",
              Fmt.decimal(h.path("h2").asDouble(), 2) + " (" + Fmt.interval(range(h, "h2"), 2) + ")")
          .write(html);
      for (JsonNode b : Json.elements(m.path("bivariate"))) {
        new HtmlTable("Sensitivity and specificity of " + name + " at the agreed " + b.path("rule").asText()
            + " (bivariate random-effects model, " + b.path("k").asInt() + " sites)", "sensitivity (" + results.level()
            + " CI)", "specificity (" + results.level() + " CI)", "between-site SD (logit sens., logit FPR)", "correlation",
            "SROC AUC")
            .row(Fmt.decimal(b.path("sensitivity").asDouble(), 3) + " (" + Fmt.interval(new Interval(
                    b.path("sensitivity_ci_lower").asDouble(), b.path("sensitivity_ci_upper").asDouble()), 3) + ")",
                Fmt.decimal(b.path("specificity").asDouble(), 3) + " (" + Fmt.interval(new Interval(
                    b.path("specificity_ci_lower").asDouble(), b.path("specificity_ci_upper").asDouble()), 3) + ")",
                Fmt.decimal(b.path("tau_sensitivity").asDouble(), 2) + ", "
                    + Fmt.decimal(b.path("tau_false_positive_rate").asDouble(), 2),
                Fmt.decimal(b.path("rho").asDouble(), 2), Fmt.decimal(b.path("sroc_auc").asDouble(), 3))
            .write(html);
      }
      List<JsonNode> loo = Json.elements(m.path("leave_one_out"));
      if (!loo.isEmpty()) {
        HtmlTable table = new HtmlTable("Leaving one site out: " + name, "site left out", "pooled AUC ("
            + results.level() + " CI)", "prediction interval", "I\u00b2");
        for (JsonNode row : loo) {
          table.row(row.path("site_left_out").asText(), Fmt.decimal(row.path("auc").asDouble(), 3) + " ("
              + Fmt.interval(new Interval(row.path("ci_lower").asDouble(), row.path("ci_upper").asDouble()), 3) + ")",
              Fmt.interval(new Interval(row.path("prediction_lower").asDouble(), row.path("prediction_upper").asDouble()), 3),
              Fmt.decimal(row.path("i2").asDouble(), 1) + "%");
        }
        table.write(html);
      }
    }
    List<JsonNode> differences = Json.elements(pooled.path("differences"));
    if (!differences.isEmpty()) {
      html.element("h3", "Head-to-head across sites");
      html.element("p", "Each site's paired DeLong difference is pooled by the same random-effects model. A difference"
          + " is called higher or lower only when its interval excludes 0 and the Holm-adjusted p is at most "
          + Fmt.decimal(results.alpha(), 2) + ".");
      HtmlTable table = new HtmlTable(null, "first \u2212 second", "pooled difference (" + results.level() + " CI)",
          "prediction interval", "p", "p (Holm)", "what the interval shows");
      for (JsonNode d : differences) {
        Judgement j = judge(results, d);
        table.row(d.path("a").asText() + " \u2212 " + d.path("b").asText(),
            Fmt.signed(d.path("estimate").asDouble(), 3) + " (" + Fmt.interval(ci(d), 3) + ")",
            Fmt.interval(new Interval(d.path("prediction_lower").asDouble(), d.path("prediction_upper").asDouble()), 3),
            Fmt.p(d.path("p").asDouble()), Fmt.p(d.path("p_holm").asDouble()), verdict(j, d));
      }
      table.write(html);
    }
  }

  private static Interval range(JsonNode h, String key) {
    return new Interval(h.path(key + "_ci_lower").asDouble(), h.path(key + "_ci_upper").asDouble());
  }

  private static Interval ci(JsonNode d) {
    return new Interval(d.path("ci_lower").asDouble(), d.path("ci_upper").asDouble());
  }

  private static Judgement judge(Results results, JsonNode d) {
    return Judgement.of(d.path("estimate").asDouble(), ci(d), d.path("p_holm").asDouble(), results.alpha());
  }

  private static String verdict(Judgement j, JsonNode d) {
    return switch (j) {
      case HIGHER -> d.path("a").asText() + " higher";
      case LOWER -> d.path("a").asText() + " lower";
      case NOT_SHOWN_BY_TEST -> "not shown (the adjusted test does not agree)";
      case NOT_SHOWN -> "no difference shown";
      case NOT_ESTIMABLE -> "not estimable";
    };
  }
}

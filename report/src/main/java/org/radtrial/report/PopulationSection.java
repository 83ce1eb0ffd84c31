package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Expected accuracy in another population's case mix (transport) and how this cohort differs from a reference one (shift). */
final class PopulationSection implements Section {
  @Override
  public String id() {
    return "other-populations";
  }

  @Override
  public String title() {
    return "Another population: expected accuracy and case-mix shift";
  }

  @Override
  public boolean presentIn(Results results) {
    return results.at("/audit/transport").isObject() || !Json.elements(results.at("/audit/shift")).isEmpty();
  }

  @Override
  public void write(Results results, Html html) {
    JsonNode transport = results.at("/audit/transport");
    if (transport.isObject()) {
      transport(results, transport, html);
    }
    List<JsonNode> shift = Json.elements(results.at("/audit/shift"));
    if (!shift.isEmpty()) {
      shift(shift, html);
    }
  }

  private static void transport(Results results, JsonNode transport, Html html) {
    html.element("h3", "Expected accuracy in the target population");
    html.element("p", "The local cases are reweighted so that the strata of "
        + String.join(", ", Json.elements(transport.get("columns")).stream().map(JsonNode::asText).toList())
        + " have the target population's shares. This assumes accuracy within a stratum is the same in both populations.");
    HtmlTable table = new HtmlTable(null, "model", "measure", "here", "expected there (" + results.level() + " CI)");
    JsonNode models = transport.path("models");
    for (String model : Json.names(models)) {
      for (String metric : List.of("sensitivity", "specificity", "auc")) {
        JsonNode m = models.path(model).path(metric);
        if (!m.isObject()) {
          continue;
        }
        boolean auc = metric.equals("auc");
        table.row(model, auc ? "AUC" : metric, auc ? Fmt.decimal(Json.number(m, "local"), 3) : Fmt.percent(Json.number(m, "local")),
            (auc ? Fmt.decimal(Json.number(m, "estimate"), 3) + " (" + Fmt.interval(Interval.of(m.get("ci")), 3) + ")"
                : Fmt.percent(Json.number(m, "estimate")) + " (" + Fmt.percentInterval(Interval.of(m.get("ci"))) + ")"));
      }
    }
    table.write(html);
    HtmlTable strata = new HtmlTable(null, "stratum", "target share", "local share", "weight");
    for (JsonNode s : Json.elements(transport.get("strata"))) {
      strata.row(s.path("stratum").asText(), Fmt.percent(Json.number(s, "target_share")), Fmt.percent(Json.number(s,
          "local_share")), Fmt.decimal(Json.number(s, "weight"), 2));
    }
    if (!strata.isEmpty()) {
      strata.writeCollapsed(html, "Strata and weights");
    }
    List<JsonNode> warnings = Json.elements(transport.get("warnings"));
    if (!warnings.isEmpty()) {
      html.open("ul", "class", "notes");
      warnings.forEach(w -> html.element("li", w.asText()));
      html.close("ul");
    }
  }

  private static void shift(List<JsonNode> shift, Html html) {
    html.element("h3", "How these cases differ from the reference cohort");
    HtmlTable table = new HtmlTable("Standardized difference and population stability index (PSI); for continuous"
        + " variables the Kolmogorov-Smirnov statistic", "variable", "kind", "cases here / reference",
        "standardized difference", "PSI", "KS (p)", "shift");
    for (JsonNode s : shift) {
      double ks = Json.number(s, "ks_statistic");
      table.row(s.path("variable").asText(), s.path("kind").asText(), Fmt.count(s.path("local_cases").asLong()) + " / "
          + Fmt.count(s.path("reference_cases").asLong()), Fmt.decimal(Json.number(s, "standardized_difference"), 2),
          Fmt.decimal(Json.number(s, "psi"), 3), Double.isFinite(ks) ? Fmt.decimal(ks, 3) + " (" + Fmt.p(Json.number(s, "ks_p"))
              + ")" : "", s.path("verdict").asText());
    }
    table.write(html);
  }
}

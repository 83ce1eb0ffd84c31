package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The reader study's detailed tables, collapsed under the results: the Obuchowski-Rockette ANOVA,
 * variance components and tests, the DBM pseudovalue ANOVA and its tests, and the sample-size plan.
 */
final class MrmcTables {
  private MrmcTables() {}

  static void write(Mrmc m, String key, JsonNode a, Html html) {
    obuchowskiRockette(m, a, html);
    if (a.path("dbm").isObject()) {
      dbm(m, a, html);
    }
  }

  private static void obuchowskiRockette(Mrmc m, JsonNode a, Html html) {
    JsonNode or = a.path("obuchowski_rockette");
    JsonNode ms = or.path("mean_squares");
    JsonNode v = or.path("variance_components");
    HtmlTable table = new HtmlTable(null, "quantity", "estimate", "meaning");
    table.row("MS(T)", number(ms, "modality"), "mean square of modalities");
    table.row("MS(R)", number(ms, "reader"), "mean square of readers");
    table.row("MS(T\u00D7R)", number(ms, "modality_by_reader"), "modality-by-reader mean square");
    for (JsonNode w : Json.elements(ms.get("reader_within_modality"))) {
      table.row("MS(R), " + Json.text(w, "modality"), number(w, "reader"), "readers within this modality");
    }
    table.row("\u03C3\u00B2 readers", number(v, "var_r"), "reader variance component (can be negative)");
    table.row("\u03C3\u00B2 modality \u00D7 reader", number(v, "var_tr"), "modality-by-reader variance component");
    table.row("Var(error)", number(v, "var_error"), "error variance of one reader in one modality over cases");
    table.row("Cov1", number(v, "cov1") + " (r = " + Fmt.decimal(Json.number(v, "corr1"), 3) + ")",
        "same reader, different modalities");
    table.row("Cov2", number(v, "cov2") + " (r = " + Fmt.decimal(Json.number(v, "corr2"), 3) + ")",
        "different readers, same modality");
    table.row("Cov3", number(v, "cov3") + " (r = " + Fmt.decimal(Json.number(v, "corr3"), 3) + ")",
        "different readers, different modalities");
    for (String g : Mrmc.GENERALIZATIONS) {
      JsonNode test = or.at("/" + g + "/test");
      if (test.isObject()) {
        table.row("test, " + Mrmc.generalization(g), Mrmc.test(test) + ", " + Fmt.pEquals("p", Json.number(test, "p")),
            "all modalities equal");
      }
    }
    table.writeCollapsed(html, "Obuchowski-Rockette analysis of " + Mrmc.figure(a) + " (" + Json.text(or, "covariance_method")
        + " covariances): mean squares, variance components, tests");
  }

  private static void dbm(Mrmc m, JsonNode a, Html html) {
    JsonNode dbm = a.path("dbm");
    JsonNode ms = dbm.path("mean_squares");
    JsonNode v = dbm.path("variance_components");
    HtmlTable table = new HtmlTable(null, "quantity", "estimate");
    for (String[] row : List.of(new String[] {"MS(T)", "modality"}, new String[] {"MS(R)", "reader"},
        new String[] {"MS(C)", "cases"}, new String[] {"MS(T\u00D7R)", "modality_by_reader"},
        new String[] {"MS(T\u00D7C)", "modality_by_case"}, new String[] {"MS(R\u00D7C)", "reader_by_case"},
        new String[] {"MS(T\u00D7R\u00D7C)", "modality_by_reader_by_case"})) {
      table.row(row[0], number(ms, row[1]));
    }
    for (String[] row : List.of(new String[] {"\u03C3\u00B2 readers", "var_r"}, new String[] {"\u03C3\u00B2 cases", "var_c"},
        new String[] {"\u03C3\u00B2 modality \u00D7 reader", "var_tr"}, new String[] {"\u03C3\u00B2 modality \u00D7 case", "var_tc"},
        new String[] {"\u03C3\u00B2 reader \u00D7 case", "var_rc"}, new String[] {"\u03C3\u00B2 error", "var_error"})) {
      table.row(row[0], number(v, row[1]));
    }
    for (String g : Mrmc.GENERALIZATIONS) {
      JsonNode test = dbm.at("/" + g + "/test");
      if (test.isObject()) {
        table.row("test, " + Mrmc.generalization(g), Mrmc.test(test) + ", " + Fmt.pEquals("p", Json.number(test, "p")));
      }
    }
    table.writeCollapsed(html, "DBM pseudovalue analysis of " + Mrmc.figure(a) + ": mean squares, variance components,"
        + " tests");
  }

  /** The sample-size plan: per number of readers, the cases needed under each generalization. */
  static void plan(Mrmc m, Html html) {
    JsonNode plan = m.get("sample_size");
    double effect = Json.number(plan, "effect");
    html.element("p", "Cases a new two-modality study needs for " + Fmt.percent(Json.number(plan, "target_power"))
        + " power at a two-sided significance level of " + Fmt.trimmed(Json.number(plan, "alpha"), 4)
        + " to detect an AUC difference of " + Fmt.decimal(Math.abs(effect), 4)
        + (plan.path("effect_is_observed").asBoolean() ? " (the difference observed here)" : "") + ", from this study's"
        + " variance components over its " + Fmt.count(plan.path("pilot_cases").asLong()) + " cases ("
        + Json.text(plan, "method") + "). Powers are those of the number of cases given; \u201Cnot reached\u201D means"
        + " that number of readers cannot reach the power with the most cases considered.");
    HtmlTable table = new HtmlTable("Sample size for a new study", "readers", "cases, random readers and cases (power)",
        "cases, fixed readers (power)", "cases, fixed cases (power)");
    for (JsonNode row : Json.elements(plan.get("plans"))) {
      table.row(String.valueOf(row.path("readers").asInt()), cases(row.path("rrrc")), cases(row.path("frrc")),
          cases(row.path("rrfc")));
    }
    table.write(html);
  }

  private static String cases(JsonNode estimate) {
    if (!estimate.isObject()) {
      return "not reached";
    }
    return Fmt.count(estimate.path("cases").asLong()) + " (" + Fmt.decimal(Json.number(estimate, "power"), 3) + ")";
  }

  private static String number(JsonNode node, String field) {
    return Fmt.significant(Json.number(node, field), 4);
  }
}

package org.radtrial.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a virtual trial (simulation.json: 'radtrial simulate' on 20,000 synthetic exams, two
 * models, a user threshold, constraints, density groups and an arbitration capacity). Every number
 * is checked against the fixture, formatted here independently of the report's code.
 */
class SimulationReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String MINUS = "\u2212";
  private static final List<String> STRATEGIES = List.of("independent_reader", "replace_second_reader", "triage", "rule_out",
      "safety_net");

  static ObjectNode simulation() {
    return ReportTest.fixture("simulation.json");
  }

  private static final ObjectNode FIXTURE = simulation();
  private static final JsonNode SIM = FIXTURE.get("simulation");
  private static final ReportDom DOM = new ReportDom(Report.render(FIXTURE));

  // ------------------------------------------------------------ formatting, written here from scratch

  static String dec(double x, int digits) {
    String s = String.format(Locale.ROOT, "%." + digits + "f", x);
    return (s.matches("-0\\.?0*") ? s.substring(1) : s).replace("-", MINUS);
  }

  static String grouped(double x, int digits) {
    String s = String.format(Locale.ROOT, "%,." + digits + "f", x);
    return (s.matches("-[0,]*\\.?0*") ? s.substring(1) : s).replace("-", MINUS);
  }

  static String signed(String formatted) {
    return formatted.startsWith(MINUS) || formatted.matches("[0,]*\\.?0*") ? formatted : "+" + formatted;
  }

  static String range(String lo, String hi) {
    return lo.startsWith(MINUS) || hi.startsWith(MINUS) ? lo + " to " + hi : lo + "\u2013" + hi;
  }

  /** How the tables write a metric: estimate (CI), and the difference from the baseline (CI) after "Δ". */
  enum Unit {
    RATE2(1, 2, false, ""), PERCENT2(100, 2, false, "%"), PERCENT1(100, 1, false, "%"), COUNT1(1, 1, true, ""),
    CHANGE1(1, 1, false, "%");

    final double scale;
    final int digits;
    final boolean grouped;
    final String suffix;

    Unit(double scale, int digits, boolean grouped, String suffix) {
      this.scale = scale;
      this.digits = digits;
      this.grouped = grouped;
      this.suffix = suffix;
    }

    String f(double x) {
      return grouped ? grouped(scale * x, digits) : dec(scale * x, digits);
    }

    String value(JsonNode m) {
      String estimate = f(m.get("estimate").asDouble());
      return (this == CHANGE1 ? signed(estimate) : estimate) + suffix + " (" + range(f(m.at("/ci/0").asDouble()),
          f(m.at("/ci/1").asDouble())) + suffix + ")";
    }

    String difference(JsonNode m) {
      return "\u0394 " + signed(f(m.get("difference_vs_baseline").asDouble())) + (this == CHANGE1 ? "%" : "") + " ("
          + range(f(m.at("/difference_ci/0").asDouble()), f(m.at("/difference_ci/1").asDouble())) + ")";
    }
  }

  static String threshold(JsonNode t) {
    String value = new BigDecimal(t.get("value").asDouble()).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    double rate = 100 * t.get("flag_rate").asDouble();
    return value + " (flags " + dec(rate, rate < 10 ? 2 : 1) + "%)";
  }

  /** The thresholds of interest the simulation recorded in results.json for this model and strategy. */
  static List<Integer> interest(String model, String strategy) {
    List<Integer> chosen = new ArrayList<>();
    SIM.at("/models/" + model + "/thresholds_of_interest/" + strategy).forEach(t -> chosen.add(t.get("index").asInt()));
    assertThat(chosen).as("thresholds of interest of %s, %s", model, strategy).isNotEmpty();
    return chosen;
  }

  static List<ReportDom.Row> strategyRows(ReportDom dom, String model) {
    return dom.rows("//section[@id='simulation']//table[starts-with(caption, '" + model
        + " in each role')]/tbody/tr");
  }

  private static boolean excludesZero(JsonNode m) {
    JsonNode ci = m.get("difference_ci");
    return ci.isArray() && (ci.get(0).asDouble() > 0 || ci.get(1).asDouble() < 0);
  }

  private static List<String> keyFindings(ReportDom dom) {
    return dom.texts("//section[@id='key-findings']//li");
  }

  private static String finding(List<String> findings, String model, String strategy, JsonNode threshold) {
    String value = new BigDecimal(threshold.get("value").asDouble()).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    String start = model + " as " + strategy + " (threshold " + value + ",";
    List<String> matches = findings.stream().filter(f -> f.contains(start)).toList();
    assertThat(matches).as(start).hasSize(1);
    return matches.get(0);
  }

  // ------------------------------------------------------------ the tests

  @Nested
  class Structure {
    @Test
    void aSimulationReportHoldsTheCasesTheVirtualTrialMethodsAndChecklist() {
      assertThat(DOM.texts("//main/section/@id")).containsExactly("key-findings", "cohort", "simulation", "methods",
          "checklist");
      assertThat(DOM.text("//h1")).isEqualTo("2 AI models in 5 roles: a virtual trial against the screening programme as"
          + " recorded");
      assertThat(DOM.text("/html/head/title")).isEqualTo("radtrial report: model_a, model_b");
      assertThat(DOM.text("//header/p[@class='subtitle']")).startsWith("20,000 exams, "
          + String.format(Locale.ROOT, "%,d", FIXTURE.at("/cohort/positives").asLong()) + " with cancer within the follow-up"
          + " window");
    }

    @Test
    void isWellFormedSelfContainedWithUniqueIdsAndNoUndefinedNumbers() {
      String html = Report.render(FIXTURE);
      assertThat(html).doesNotContain("<script", "<link", " src=", "NaN", "Infinity");
      assertThat(DOM.texts("//@id")).doesNotHaveDuplicates();
      int charts = DOM.count("//*[local-name()='svg' and @class='chart']");
      assertThat(charts).isEqualTo(2);
      assertThat(DOM.texts("//*[local-name()='svg' and @class='chart']/*[local-name()='desc']")).hasSize(charts)
          .allSatisfy(d -> assertThat(d).contains("Cancers detected per 1,000 exams against the change in reading hours"));
    }

    @Test
    void reportReadAcceptsAResultsJsonFromSimulate(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("results.json");
      Files.writeString(file, FIXTURE.toString());
      assertThat(Report.render(Report.read(file))).isEqualTo(Report.render(FIXTURE));
    }

    @Test
    void aSimulationKeyWithoutABaselineIsIgnored() {
      ObjectNode root = simulation();
      ((ObjectNode) root.get("simulation")).remove("baseline");
      assertThat(new ReportDom(Report.render(root)).texts("//main/section/@id")).doesNotContain("simulation");
    }
  }

  @Nested
  class Numbers {
    @Test
    void everyModelAndStrategyIsInItsTableAtEachThresholdOfInterestWithTheNumbersOfResultsJson() {
      List<String> columns = List.of("cdr", "recall_rate", "ppv", "missed_vs_baseline", "reading_hours", "workload_change_pct");
      List<Unit> units = List.of(Unit.RATE2, Unit.PERCENT2, Unit.PERCENT1, Unit.COUNT1, Unit.COUNT1, Unit.CHANGE1);
      for (String model : List.of("model_a", "model_b")) {
        List<ReportDom.Row> rows = strategyRows(DOM, model);
        assertThat(rows.get(0).header()).isEqualTo("baseline");
        int r = 1;
        for (String strategy : STRATEGIES) {
          assertThat(SIM.at("/models/" + model + "/strategies/" + strategy).isArray()).isTrue();
          for (int j : interest(model, strategy)) {
            ReportDom.Row row = rows.get(r++);
            assertThat(row.header()).isEqualTo(strategy);
            assertThat(row.cells().get(0)).isEqualTo(threshold(SIM.at("/models/" + model + "/thresholds/" + j)));
            JsonNode point = SIM.at("/models/" + model + "/strategies/" + strategy + "/" + j);
            for (int c = 0; c < columns.size(); c++) {
              JsonNode m = point.get(columns.get(c));
              Unit unit = units.get(c);
              boolean itselfADifference = c >= 3 && c != 4;
              assertThat(row.cells().get(1 + c)).as(model + " " + strategy + " " + columns.get(c))
                  .isEqualTo(itselfADifference ? unit.value(m) : unit.value(m) + " " + unit.difference(m));
            }
          }
        }
        assertThat(rows).hasSize(r);
      }
    }

    @Test
    void theBaselineTableShowsEveryMetricWithItsInterval() {
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put("Cancers detected per 1,000 exams (CDR)", Unit.RATE2.value(SIM.at("/baseline/cdr")));
      expected.put("Recall rate (women recalled per exam)", Unit.PERCENT2.value(SIM.at("/baseline/recall_rate")));
      expected.put("PPV (share of recalls with cancer)", Unit.PERCENT1.value(SIM.at("/baseline/ppv")));
      expected.put("Reading hours", Unit.COUNT1.value(SIM.at("/baseline/reading_hours")));
      expected.put("Cost (recalls and reading hours)", grouped(SIM.at("/baseline/cost/estimate").asDouble(), 0) + " ("
          + range(grouped(SIM.at("/baseline/cost/ci/0").asDouble(), 0), grouped(SIM.at("/baseline/cost/ci/1").asDouble(), 0))
          + ")");
      String table = "//section[@id='simulation']//table[caption='Every strategy is compared with these numbers, on the same"
          + " exams']/tbody";
      expected.forEach((label, value) -> assertThat(DOM.text(table + "/tr[th='" + label + "']/td")).isEqualTo(value));
    }

    @Test
    void theChosenAndUserThresholdsAreBothShownAndTheirReasonsSaid() {
      List<ReportDom.Row> rows = strategyRows(DOM, "model_a").stream().filter(r -> r.header().equals("triage")).toList();
      assertThat(rows).extracting(r -> r.cells().get(7))
          .containsExactly("meets the constraints with the fewest reading hours", "given by the user");
      List<ReportDom.Row> unmet = strategyRows(DOM, "model_b").stream()
          .filter(r -> r.header().equals("independent_reader")).toList();
      assertThat(unmet).singleElement().extracting(r -> r.cells().get(7))
          .isEqualTo("no threshold meets the constraints; flags about as many exams as the baseline recalls");
    }

    @Test
    void theChartDrawsEveryStrategyOfEveryModelAndItsDataTableEveryThreshold() {
      for (int k = 0; k < 2; k++) {
        String model = List.of("model_a", "model_b").get(k);
        assertThat(DOM.count("//*[@id='tradeoff-" + k + "']//*[@class='tradeoff-line']")).isEqualTo(STRATEGIES.size());
        List<String> legend = DOM.texts("//section[@id='simulation']//figure[.//*[@id='tradeoff-" + k + "']]/ul/li");
        assertThat(legend).containsExactly("independent_reader", "replace_second_reader", "triage", "rule_out", "safety_net",
            "baseline (as recorded)");
        List<ReportDom.Row> data = DOM.rows("//section[@id='simulation']//details[summary='Data behind the chart:"
            + " every threshold of " + model + "']//tbody/tr");
        JsonNode thresholds = SIM.at("/models/" + model + "/thresholds");
        assertThat(data).hasSize(thresholds.size());
        for (int j = 0; j < thresholds.size(); j++) {
          assertThat(data.get(j).header()).isEqualTo(threshold(thresholds.get(j)));
          JsonNode triage = SIM.at("/models/" + model + "/strategies/triage/" + j);
          assertThat(data.get(j).cells().get(2)).isEqualTo(signed(dec(triage.at("/workload_change_pct/estimate").asDouble(), 1))
              + "%, " + dec(triage.at("/cdr/estimate").asDouble(), 2));
        }
      }
    }

    @Test
    void everySubgroupEffectIsInItsModelsTable() {
      for (String model : List.of("model_a", "model_b")) {
        List<ReportDom.Row> rows = DOM.rows("//section[@id='simulation']//details[starts-with(summary, '" + model
            + ": ')]//tbody/tr");
        List<JsonNode> expected = new ArrayList<>();
        SIM.get("subgroups").forEach(s -> {
          if (s.get("model").asText().equals(model)) {
            expected.add(s);
          }
        });
        assertThat(expected).isNotEmpty();
        assertThat(rows).hasSize(expected.size());
        for (int k = 0; k < rows.size(); k++) {
          JsonNode s = expected.get(k);
          ReportDom.Row row = rows.get(k);
          assertThat(row.header()).startsWith(s.get("strategy").asText() + " at ")
              .endsWith(": " + s.get("column").asText() + " = " + s.get("level").asText());
          assertThat(row.cells().get(0)).isEqualTo(String.format(Locale.ROOT, "%,d", s.get("exams").asLong()));
          assertThat(row.cells().get(1)).isEqualTo(String.format(Locale.ROOT, "%,d", s.get("cancers").asLong()));
          assertThat(row.cells().get(2)).isEqualTo(Unit.RATE2.value(s.at("/metrics/cdr")) + " "
              + Unit.RATE2.difference(s.at("/metrics/cdr")));
          assertThat(row.cells().get(4)).isEqualTo(Unit.PERCENT1.value(s.at("/metrics/sensitivity")) + " "
              + Unit.PERCENT1.difference(s.at("/metrics/sensitivity")));
        }
      }
    }
  }

  @Nested
  class WhatIsNotKnown {
    @Test
    void aStrategyNotSimulatedIsListedWithItsReason() {
      String reason = SIM.at("/not_simulated/concurrent_assistance").asText();
      assertThat(reason).isNotBlank();
      ReportDom.Row row = DOM.rows("//section[@id='simulation']//tr[th='concurrent_assistance']").get(0);
      assertThat(row.cells().get(1)).isEqualTo("not simulated: " + reason);
      assertThat(row.cssClass()).isEqualTo("not-simulated");
      assertThat(keyFindings(DOM)).contains("caution concurrent_assistance was not simulated: " + reason);
      assertThat(DOM.text("//section[@id='methods']")).contains("concurrent_assistance was not simulated: " + reason);
    }

    @Test
    void aStrategyLeftOutWithStrategiesIsSaidToBeNotRequested() {
      ObjectNode root = simulation();
      for (String model : List.of("model_a", "model_b")) {
        ((ObjectNode) root.at("/simulation/models/" + model + "/strategies")).remove("rule_out");
      }
      ReportDom dom = new ReportDom(Report.render(root));
      assertThat(dom.rows("//section[@id='simulation']//tr[th='rule_out']").get(0).cells().get(1))
          .isEqualTo("not requested (--strategies)");
      assertThat(dom.count("//*[@id='tradeoff-0']//*[@class='tradeoff-line']")).isEqualTo(4);
    }

    @Test
    void theAssumptionIsNamedWithItsSourceAndItsBoundsAreTheSensitivityRows() {
      JsonNode a = SIM.get("assumption");
      String table = "//section[@id='simulation']//table[thead/tr/th='assumption']/tbody";
      assertThat(DOM.text(table + "/tr[th='Name']/td")).isEqualTo(a.get("name").asText());
      assertThat(DOM.text(table + "/tr[th='Source']/td")).isEqualTo(a.get("source").asText());
      assertThat(DOM.text(table + "/tr[th='Recalls a woman with cancer with probability']/td"))
          .isEqualTo(dec(100 * a.get("recall_if_cancer").asDouble(), 1) + "%");
      assertThat(DOM.text(table + "/tr[th='Recalls a woman without cancer with probability']/td"))
          .isEqualTo(dec(100 * a.get("recall_if_normal").asDouble(), 1) + "%");
      List<ReportDom.Row> bounds = DOM.rows("//section[@id='simulation']//table[starts-with(caption, 'Sensitivity"
          + " to the assumption')]/tbody/tr");
      int rows = 0;
      for (String model : List.of("model_a", "model_b")) {
        for (String strategy : List.of("replace_second_reader", "safety_net")) {
          for (int j : interest(model, strategy)) {
            ReportDom.Row row = bounds.get(rows++);
            assertThat(row.header()).isEqualTo(model + ", " + strategy);
            List<String> cdr = new ArrayList<>();
            for (String assumption : List.of(a.get("name").asText(), "always recall", "never recall")) {
              for (JsonNode s : SIM.get("sensitivity")) {
                if (s.get("model").asText().equals(model) && s.get("strategy").asText().equals(strategy)
                    && s.get("threshold_index").asInt() == j && s.get("assumption").asText().equals(assumption)) {
                  cdr.add(dec(s.get("cdr").asDouble(), 2));
                }
              }
            }
            assertThat(row.cells().subList(1, 4)).containsExactlyElementsOf(cdr);
          }
        }
      }
      assertThat(bounds).hasSize(rows);
    }

    @Test
    void everyConstraintResultIsListedIncludingThoseNoThresholdMeets() {
      List<ReportDom.Row> rows = DOM.rows("//section[@id='simulation']//h3[.='Constraints']"
          + "/following-sibling::div[1]//tbody/tr");
      JsonNode selections = SIM.get("selections");
      assertThat(rows).hasSize(selections.size());
      int unmet = 0;
      for (int k = 0; k < rows.size(); k++) {
        JsonNode s = selections.get(k);
        assertThat(rows.get(k).header()).isEqualTo(s.get("model").asText());
        assertThat(rows.get(k).cells().get(0)).isEqualTo(s.get("strategy").asText());
        assertThat(rows.get(k).cells().get(2)).isEqualTo(s.get("reason").asText());
        if (s.get("threshold_index").isNull()) {
          unmet++;
          assertThat(rows.get(k).cells().get(1)).isEqualTo("none");
          assertThat(rows.get(k).cssClass()).isEqualTo("unmet");
        } else {
          assertThat(rows.get(k).cells().get(1)).isEqualTo(threshold(SIM.at("/models/" + s.get("model").asText()
              + "/thresholds/" + s.get("threshold_index").asInt())));
        }
      }
      assertThat(unmet).isPositive();
      assertThat(keyFindings(DOM)).anySatisfy(f -> assertThat(f).contains("No threshold meets the constraints"
          + " recall_rate \u2264 0.05, cdr \u2265 baseline for model_a as independent_reader; model_b as independent_reader,"
          + " replace_second_reader."));
    }

    @Test
    void capacityIsComparedAtTheThresholdsOfInterestAndTheNotesAreListed() {
      assertThat(DOM.text("//section[@id='simulation']")).contains("The programme can staff 60 arbitrations and extra"
          + " reviews per 1,000 exams");
      List<String> notes = DOM.texts("//section[@id='simulation']//ul[@class='notes']/li");
      List<String> expected = new ArrayList<>();
      SIM.get("notes").forEach(n -> expected.add(n.asText()));
      assertThat(notes).isNotEmpty().containsExactlyElementsOf(expected);
      assertThat(keyFindings(DOM)).anySatisfy(f -> assertThat(f).startsWith("caution Arbitrations and extra reviews would"
          + " exceed the programme's capacity of 60 per 1,000 exams, interval and all, for ").contains("model_a as safety_net"
          + " at 0.2 ("));
    }
  }

  @Nested
  class KeyFindings {
    @Test
    void everyModelAndStrategyHasAFindingAtEachThresholdOfInterestWordedByItsIntervals() {
      List<String> findings = keyFindings(DOM);
      int shown = 0;
      int notShown = 0;
      for (String model : List.of("model_a", "model_b")) {
        for (String strategy : STRATEGIES) {
          for (int j : interest(model, strategy)) {
            JsonNode p = SIM.at("/models/" + model + "/strategies/" + strategy + "/" + j);
            String f = finding(findings, model, strategy, SIM.at("/models/" + model + "/thresholds/" + j));
            JsonNode cdr = p.get("cdr");
            if (excludesZero(cdr)) {
              shown++;
              assertThat(f).contains(cdr.get("difference_vs_baseline").asDouble() > 0 ? "detects more cancers"
                  : "detects fewer cancers");
            } else {
              notShown++;
              assertThat(f).contains("no difference in cancer detection is shown").doesNotContain("detects more",
                  "detects fewer");
            }
            JsonNode recall = p.get("recall_rate");
            if (excludesZero(recall)) {
              assertThat(f).contains(recall.get("difference_vs_baseline").asDouble() > 0 ? "recalls more women"
                  : "recalls fewer women");
            } else {
              assertThat(f).contains("no difference in recall rate is shown").doesNotContain("recalls more",
                  "recalls fewer");
            }
          }
        }
      }
      assertThat(shown).as("findings with a difference in detection shown").isPositive();
      assertThat(notShown).as("findings with no difference in detection shown").isPositive();
    }

    @Test
    void aDifferenceIsStatedWithItsNumbersAndNeverClaimedWhenTheIntervalIncludesZero() {
      List<String> findings = keyFindings(DOM);
      JsonNode triage = SIM.at("/models/model_a/strategies/triage/1");
      String f = finding(findings, "model_a", "triage", SIM.at("/models/model_a/thresholds/1"));
      assertThat(f).startsWith("not shown model_a as triage (threshold 0.2, flagging "
          + dec(100 * SIM.at("/models/model_a/thresholds/1/flag_rate").asDouble(), 2) + "% of exams; given by the user):"
          + " no difference in cancer detection is shown: " + signed(dec(triage.at("/cdr/difference_vs_baseline").asDouble(), 2))
          + " per 1,000 (95% CI " + range(dec(triage.at("/cdr/difference_ci/0").asDouble(), 2),
          dec(triage.at("/cdr/difference_ci/1").asDouble(), 2)) + ")");
      JsonNode ruleOut = SIM.at("/models/model_a/strategies/rule_out/1");
      String g = finding(findings, "model_a", "rule_out", SIM.at("/models/model_a/thresholds/1"));
      assertThat(g).startsWith("difference shown").contains("detects fewer cancers: "
          + dec(ruleOut.at("/cdr/difference_vs_baseline").asDouble(), 2) + " per 1,000 (95% CI "
          + range(dec(ruleOut.at("/cdr/difference_ci/0").asDouble(), 2), dec(ruleOut.at("/cdr/difference_ci/1").asDouble(), 2))
          + "), a net " + dec(ruleOut.at("/missed_vs_baseline/estimate").asDouble(), 1) + " of the baseline's cancers missed");
    }

    @Test
    void movingTheIntervalAcrossZeroChangesTheWordsButNotTheNumbers() {
      ObjectNode root = simulation();
      ObjectNode cdr = (ObjectNode) root.at("/simulation/models/model_a/strategies/rule_out/1/cdr");
      double d = cdr.get("difference_vs_baseline").asDouble();
      cdr.set("difference_ci", MAPPER.createArrayNode().add(d - 0.5).add(0.1));
      String f = finding(keyFindings(new ReportDom(Report.render(root))), "model_a", "rule_out",
          SIM.at("/models/model_a/thresholds/1"));
      assertThat(f).startsWith("not shown").contains("no difference in cancer detection is shown: " + dec(d, 2))
          .doesNotContain("detects fewer");
      cdr.set("difference_ci", MAPPER.createArrayNode().add(0.001).add(0.004));
      cdr.put("difference_vs_baseline", 0.002);
      String g = finding(keyFindings(new ReportDom(Report.render(root))), "model_a", "rule_out",
          SIM.at("/models/model_a/thresholds/1"));
      assertThat(g).as("a bound that rounds to 0.00 gets more decimals").contains("detects more cancers: +0.002 per 1,000"
          + " (95% CI 0.001\u20130.004)");
      cdr.putNull("difference_ci");
      assertThat(finding(keyFindings(new ReportDom(Report.render(root))), "model_a", "rule_out",
          SIM.at("/models/model_a/thresholds/1"))).startsWith("caution")
          .contains("the difference in cancer detection (0.00 per 1,000) has no interval, so it is not judged")
          .doesNotContain("detects more");
      cdr.putNull("difference_vs_baseline");
      assertThat(finding(keyFindings(new ReportDom(Report.render(root))), "model_a", "rule_out",
          SIM.at("/models/model_a/thresholds/1"))).startsWith("caution")
          .contains("the difference in cancer detection could not be estimated");
    }

    @Test
    void aDifferenceThatDoesNotHoldAtBothBoundsOfTheAssumptionIsACaution() {
      JsonNode safetyNet = SIM.at("/models/model_a/strategies/safety_net/1");
      assertThat(excludesZero(safetyNet.get("cdr"))).isTrue();
      String f = finding(keyFindings(DOM), "model_a", "safety_net", SIM.at("/models/model_a/thresholds/1"));
      assertThat(f).startsWith("caution").contains("detects more cancers", "This rests on the assumption \u201Ccalibrated\u201D",
          "so whether it detects more cancers depends on that assumption");
    }

    @Test
    void theBaselineTheAssumptionAndTheMultiplicityAreStated() {
      List<String> findings = keyFindings(DOM);
      assertThat(findings.get(0)).isEqualTo("result The programme as recorded (double reading, discordances decided by the"
          + " recorded arbitration) detected " + dec(SIM.at("/baseline/cdr/estimate").asDouble(), 2) + " cancers per 1,000"
          + " exams (95% CI " + range(dec(SIM.at("/baseline/cdr/ci/0").asDouble(), 2),
          dec(SIM.at("/baseline/cdr/ci/1").asDouble(), 2)) + "), recalled "
          + dec(100 * SIM.at("/baseline/recall_rate/estimate").asDouble(), 2) + "% of women (95% CI "
          + range(dec(100 * SIM.at("/baseline/recall_rate/ci/0").asDouble(), 2),
          dec(100 * SIM.at("/baseline/recall_rate/ci/1").asDouble(), 2)) + "%) and took "
          + grouped(SIM.at("/baseline/reading_hours/estimate").asDouble(), 1) + " reading hours (95% CI "
          + range(grouped(SIM.at("/baseline/reading_hours/ci/0").asDouble(), 1),
          grouped(SIM.at("/baseline/reading_hours/ci/1").asDouble(), 1)) + ").");
      assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("caution replace_second_reader and safety_net rest on"
          + " decisions the programme never made, counted with the assumption \u201Ccalibrated\u201D"));
      assertThat(findings).anySatisfy(f -> assertThat(f).contains("comparisons with the baseline are not adjusted for"
          + " multiple comparisons"));
    }
  }

  @Nested
  class MethodsAndChecklist {
    @Test
    void theMethodsSayWhatSimulateRan() {
      String methods = DOM.text("//section[@id='methods']");
      assertThat(methods).contains("Virtual trial: the 20,000 exams", "1 minute per read, 3 per arbitration and 3 per"
          + " extra review", "independent_reader, replace_second_reader, triage, rule_out, safety_net",
          "the models model_a, model_b", "(4 at quantiles of its scores, plus any given by the user)",
          "followed the assumption \u201Ccalibrated\u201D", SIM.at("/assumption/source").asText(),
          "95% bootstrap percentile intervals from 40 replicates resampling exams", "seed 1",
          "The constraints recall_rate \u2264 0.05, cdr \u2265 baseline", "every group of density",
          "radtrial 9.9.9", "0123456789abcdef0123456789abcdef", "radtrial simulate --cases /data/screening.csv")
          .doesNotContain("Discrimination was measured", "AUC");
    }

    @Test
    void theChecklistCoversEveryItemAndSpeaksOfTheSimulation() {
      ReportDom evaluation = new ReportDom(Report.render(ReportTest.evaluation()));
      assertThat(DOM.texts("//section[@id='checklist']//tbody/tr/th"))
          .containsExactlyElementsOf(evaluation.texts("//section[@id='checklist']//tbody/tr/th"));
      assertThat(DOM.text("//section[@id='checklist']//tr[th='Performance measures and statistical methods']/td[4]"))
          .startsWith("Cancer detection rate, recall rate, PPV").doesNotContain("AUC");
      assertThat(DOM.text("//section[@id='checklist']//tr[th='Robustness or sensitivity analysis']/td[4]"))
          .startsWith("Sensitivity to the assumption for decisions never recorded");
      assertThat(DOM.text("//section[@id='checklist']//tr[th='Objectives and hypotheses']/td[4]"))
          .startsWith("A simulation (not development) of 2 existing models in 5 roles");
    }
  }
}

package org.radtrial.cli;

import org.radtrial.report.ReportDom;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports that evaluate and audit write, checked against their own results.json: every model,
 * reader, pair and subgroup is there, with the numbers of results.json (formatted here
 * independently of the report's code).
 */
class ReportCommandTest {
  @TempDir static Path dir;
  static Path cases;
  static JsonNode evaluation;
  static ReportDom evaluationReport;
  static JsonNode audit;
  static ReportDom auditReport;

  @BeforeAll
  static void evaluateAndAudit() throws IOException {
    cases = dir.resolve("cases.csv");
    CliRun.of("synth", "--cases", "60000", "--seed", "3", "--out", cases.toString());
    CliRun evaluate = CliRun.of("evaluate", "--cases", cases.toString(), "--id", "case_id", "--truth", "cancer", "--positive",
        "1", "--models", "model_a,model_b,model_c", "--readers", "reader_1,reader_2", "--metadata", "density,vendor",
        "--ni-margin", "0.05", "--bootstrap", "50", "--out", dir.resolve("evaluate").toString());
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    assertThat(evaluate.out()).contains("Report:  " + dir.resolve("evaluate/report.html"));
    evaluation = new ObjectMapper().readTree(dir.resolve("evaluate/results.json").toFile());
    evaluationReport = ReportDom.read(dir.resolve("evaluate/report.html"));
    CliRun auditRun = CliRun.of("audit", "--cases", cases.toString(), "--id", "case_id", "--truth", "cancer", "--positive", "1",
        "--models", "model_a,model_b,model_c", "--readers", "reader_1,reader_2", "--group", "age,density,vendor,site",
        "--bootstrap", "0", "--out", dir.resolve("audit").toString());
    assertThat(auditRun.exitCode()).as(auditRun.err()).isZero();
    audit = new ObjectMapper().readTree(dir.resolve("audit/results.json").toFile());
    auditReport = ReportDom.read(dir.resolve("audit/report.html"));
  }

  static String pct(double x) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * x);
  }

  static String ci(JsonNode interval, int digits) {
    String lo = String.format(Locale.ROOT, "%." + digits + "f", interval.get(0).asDouble()).replace("-", "\u2212");
    String hi = String.format(Locale.ROOT, "%." + digits + "f", interval.get(1).asDouble()).replace("-", "\u2212");
    return lo.startsWith("\u2212") || hi.startsWith("\u2212") ? lo + " to " + hi : lo + "\u2013" + hi;
  }

  static String proportion(JsonNode p) {
    String lo = String.format(Locale.ROOT, "%.1f", 100 * p.at("/ci/0").asDouble());
    String hi = String.format(Locale.ROOT, "%.1f", 100 * p.at("/ci/1").asDouble());
    return pct(p.get("estimate").asDouble()) + " (" + lo + "\u2013" + hi + "%) "
        + String.format(Locale.ROOT, "%,d/%,d", p.get("successes").asLong(), p.get("trials").asLong());
  }

  @Nested
  class OfAnEvaluation {
    @Test
    void everyModelsAucIsShownWithItsIntervalAndCounts() {
      for (String model : List.of("model_a", "model_b", "model_c")) {
        JsonNode auc = evaluation.at("/models/" + model + "/auc");
        String row = "//section[@id='roc']//tbody/tr[th='" + model + "']";
        assertThat(evaluationReport.text(row + "/td[1]")).isEqualTo(String.format(Locale.ROOT, "%.3f", auc.get("estimate")
            .asDouble()) + " (" + ci(auc.get("ci"), 3) + ")");
        assertThat(evaluationReport.text(row + "/td[2]")).isEqualTo(ci(evaluation.at("/models/" + model + "/auc_bootstrap/ci"), 3));
        assertThat(evaluationReport.text(row + "/td[3]")).isEqualTo(String.format(Locale.ROOT, "%,d", auc.get("positives").asLong()));
      }
      assertThat(evaluationReport.count("//*[@id='roc-full']//*[@class='roc-curve']")).isEqualTo(3);
    }

    @Test
    void everyPairIsShownWithItsDifferenceIntervalAndHolmAdjustedP() {
      for (JsonNode pair : evaluation.get("comparisons")) {
        String label = pair.at("/models/0").asText() + " \u2212 " + pair.at("/models/1").asText();
        String row = "//section[@id='head-to-head']//tbody/tr[th='" + label + "']";
        double d = pair.get("auc_difference").asDouble();
        assertThat(evaluationReport.text(row + "/td[3]")).isEqualTo((d > 0 ? "+" : "") + String.format(Locale.ROOT, "%.3f", d)
            .replace("-", "\u2212") + " (" + ci(pair.get("ci"), 3) + ")");
        assertThat(evaluationReport.text(row + "/td[5]")).isEqualTo(pValue(pair.get("p_holm").asDouble()));
      }
    }

    @Test
    void everyModelAndReaderIsShownAtEveryOperatingPointWithItsCounts() {
      for (JsonNode rule : evaluation.at("/settings/operating_points")) {
        String table = "//section[@id='operating-points']//h3[.='" + rule.asText() + "']/following-sibling::div[1]//tbody";
        for (String model : List.of("model_a", "model_b", "model_c")) {
          JsonNode point = null;
          for (JsonNode p : evaluation.at("/models/" + model + "/operating_points")) {
            point = p.get("rule").asText().equals(rule.asText()) ? p : point;
          }
          assertThat(evaluationReport.text(table + "/tr[th='" + model + "']/td[2]")).isEqualTo(proportion(point.get("sensitivity")));
          assertThat(evaluationReport.text(table + "/tr[th='" + model + "']/td[3]")).isEqualTo(proportion(point.get("specificity")));
          assertThat(evaluationReport.text(table + "/tr[th='" + model + "']/td[1]")).isEqualTo(point.get("decision").asText()
              .replace(">=", "\u2265"));
        }
        for (String reader : List.of("reader_1", "reader_2")) {
          assertThat(evaluationReport.text(table + "/tr[th='" + reader + " (reader)']/td[2]"))
              .isEqualTo(proportion(evaluation.at("/readers/" + reader + "/sensitivity")));
        }
      }
    }

    @Test
    void everyPairedDecisionComparisonIsInTheTable() {
      int rows = evaluationReport.count("//section[@id='operating-points']//table[caption[starts-with(.,'Paired')]]/tbody/tr");
      assertThat(rows).isEqualTo(evaluation.get("decision_comparisons").size());
    }

    @Test
    void theMethodsNameTheInputChecksumSeedAndCommand() {
      String methods = evaluationReport.text("//section[@id='methods']");
      assertThat(methods).contains(evaluation.at("/provenance/input_sha256").asText(),
          evaluation.at("/provenance/command").asText(), "margin of 5 percentage points", "50 replicates");
    }

    @Test
    void theReportCommandWritesTheSameReportFromResultsJson() throws IOException {
      Path again = dir.resolve("again.html");
      CliRun run = CliRun.of("report", "--results", dir.resolve("evaluate/results.json").toString(), "--out", again.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("Report: " + again);
      assertThat(Files.readString(again)).isEqualTo(Files.readString(dir.resolve("evaluate/report.html")));
    }

    @Test
    void withoutOutTheReportGoesBesideResultsJson() throws IOException {
      Path copy = dir.resolve("copy");
      Files.createDirectories(copy);
      Files.copy(dir.resolve("evaluate/results.json"), copy.resolve("results.json"));
      assertThat(CliRun.of("report", "--results", copy.resolve("results.json").toString()).exitCode()).isZero();
      assertThat(copy.resolve("report.html")).exists();
    }
  }

  @Nested
  class OfAnAudit {
    @Test
    void everySubgroupIsInTheTableWithItsNumbersAndUnderpoweredOnesAreMarked() {
      java.util.Map<String, ReportDom.Row> table = new java.util.HashMap<>();
      for (ReportDom.Row row : auditReport.rows("//section[@id='subgroups']//tbody/tr[contains(th, ': ')]")) {
        assertThat(table.put(row.header(), row)).as("one row per subgroup: " + row.header()).isNull();
      }
      assertThat(table).hasSize(audit.at("/audit/subgroups").size());
      int underpowered = 0;
      for (JsonNode row : audit.at("/audit/subgroups")) {
        ReportDom.Row shown = table.get(row.get("model").asText() + ": " + row.get("subgroup").asText());
        assertThat(shown).as(row.get("subgroup").asText()).isNotNull();
        assertThat(shown.cells().get(0)).isEqualTo(String.format(Locale.ROOT, "%,d", row.get("cases").asLong()));
        assertThat(shown.cells().get(1)).isEqualTo(String.format(Locale.ROOT, "%,d", row.get("positives").asLong()));
        if (row.at("/sensitivity/estimate").isNumber()) {
          assertThat(shown.cells().get(2)).isEqualTo(proportion(row.get("sensitivity")));
        }
        assertThat(shown.cells().get(3)).isEqualTo(proportion(row.get("specificity")));
        if (row.get("auc").isObject()) {
          assertThat(shown.cells().get(4)).isEqualTo(String.format(Locale.ROOT, "%.3f", row.at("/auc/estimate").asDouble())
              + " (" + (row.at("/auc/ci").isArray() ? ci(row.at("/auc/ci"), 3) : "not estimable") + ")");
        }
        boolean small = row.get("underpowered").asBoolean();
        assertThat(shown.cssClass()).isEqualTo(small ? "underpowered" : "");
        String status = row.get("large_gap_few_cases").asBoolean() ? "large gap, few cases" : "underpowered: not judged";
        assertThat(shown.cells().get(7)).startsWith(small ? status : "");
        underpowered += small ? 1 : 0;
      }
      assertThat(underpowered).isPositive().isLessThan(table.size());
    }

    @Test
    void everySingleColumnSubgroupHasARowInItsModelsForestPlot() {
      List<String> models = List.of("model_a", "model_b", "model_c");
      for (int k = 0; k < models.size(); k++) {
        List<String> labels = auditReport.texts("//*[@id='forest-" + k + "']//*[local-name()='text']");
        for (JsonNode row : audit.at("/audit/subgroups")) {
          if (row.get("model").asText().equals(models.get(k)) && !row.get("columns").asText().contains(" x ")) {
            String level = row.get("subgroup").asText().substring(row.get("columns").asText().length() + 3);
            String flag = row.get("large_gap_few_cases").asBoolean() ? " (large gap, few cases)" : " (underpowered)";
            assertThat(labels).contains(row.get("underpowered").asBoolean() ? level + flag : level);
          }
        }
      }
    }

    @Test
    void everyFailureSliceIsASentenceWithItsQValue() {
      List<String> sentences = auditReport.texts("//section[@id='failure-slices']//ul[@class='sentences']/li");
      JsonNode discoveries = audit.at("/audit/failure_slices/discoveries");
      JsonNode tooFew = audit.at("/audit/failure_slices/too_few_cases");
      assertThat(sentences).hasSize(discoveries.size() + tooFew.size());
      for (JsonNode slice : discoveries) {
        assertThat(sentences).anySatisfy(sentence -> assertThat(sentence).contains(slice.get("model").asText(),
            "in exams with " + slice.get("rule").asText() + ":",
            "q " + (slice.get("q").asDouble() < 0.001 ? "< 0.001" : "= " + pValue(slice.get("q").asDouble()))));
      }
      for (JsonNode slice : tooFew) {
        assertThat(sentences).anySatisfy(sentence -> assertThat(sentence).contains(slice.get("model").asText(),
            "in exams with " + slice.get("rule").asText() + ":", "too few cases to judge"));
      }
    }

    @Test
    void everyCalibrationRowIsInItsModelsTable() {
      List<String> rows = auditReport.texts("//section[@id='calibration']//tbody/tr/th");
      List<String> expected = new ArrayList<>();
      audit.at("/audit/calibration").forEach(c -> expected.add(c.get("subgroup").asText()));
      assertThat(rows).containsExactlyElementsOf(expected);
    }
  }

  static String pValue(double p) {
    if (p < 0.001) {
      return "<0.001";
    }
    if (p > 0.99) {
      return ">0.99";
    }
    return String.format(Locale.ROOT, p < 0.1 ? "%.3f" : "%.2f", p);
  }

  @Nested
  class Options {
    @Test
    void noReportWritesOnlyResultsJson() {
      Path out = dir.resolve("no-report");
      CliRun run = CliRun.of("evaluate", "--cases", cases.toString(), "--id", "case_id", "--truth", "cancer", "--positive", "1",
          "--models", "model_a", "--bootstrap", "0", "--no-report", "--out", out.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(out.resolve("results.json")).exists();
      assertThat(out.resolve("report.html")).doesNotExist();
      assertThat(run.out()).doesNotContain("Report:");
    }

    @Test
    void aFailedRunKeepsTheReportOfAnEarlierOne() throws IOException {
      Path out = dir.resolve("stale");
      Files.createDirectories(out);
      Files.writeString(out.resolve("report.html"), "<p>old</p>");
      CliRun run = CliRun.of("evaluate", "--cases", dir.resolve("no-such.csv").toString(), "--truth", "cancer", "--positive", "1",
          "--models", "model_a", "--out", out.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("the earlier report.html in " + out + " was kept as it was");
      assertThat(Files.readString(out.resolve("report.html"))).isEqualTo("<p>old</p>");
    }

    @Test
    void aMissingResultsFileIsNamedInOneLine() {
      CliRun run = CliRun.of("report", "--results", dir.resolve("nowhere/results.json").toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip()).isEqualTo("radtrial: " + dir.resolve("nowhere/results.json")
          + ": no such file; give the results.json written by 'radtrial evaluate' or 'radtrial audit'");
    }

    @Test
    void brokenJsonIsLocatedByLineAndColumnAndNothingIsWritten() throws IOException {
      Path broken = dir.resolve("broken/results.json");
      Files.createDirectories(broken.getParent());
      Files.writeString(broken, "{\n  \"cohort\": {\"cases\": 10,\n  \"models\": [}\n");
      CliRun run = CliRun.of("report", "--results", broken.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("radtrial: " + broken + ", line 3, column 14: not valid JSON");
      assertThat(broken.resolveSibling("report.html")).doesNotExist();
    }

    @Test
    void jsonThatIsNotAResultsFileIsRejected() throws IOException {
      Path other = dir.resolve("other.json");
      Files.writeString(other, "{\"name\": \"package.json\"}");
      CliRun run = CliRun.of("report", "--results", other.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("not a radtrial results.json (no \"cohort\", \"models\" or \"mrmc\" key)");
    }

    @Test
    void resultsIsRequiredAndHelpNamesTheOptions() {
      CliRun missing = CliRun.of("report");
      assertThat(missing.exitCode()).isEqualTo(2);
      assertThat(missing.err()).contains("Missing required option: '--results=FILE'");
      CliRun help = CliRun.of("report", "--help");
      assertThat(help.exitCode()).isZero();
      assertThat(help.out()).contains("Usage: radtrial report", "--results", "--out", "--no-report");
    }
  }
}

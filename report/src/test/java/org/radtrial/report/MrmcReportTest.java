package org.radtrial.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a reader study. mrmc.json: 'radtrial mrmc' on 'radtrial synth --reader-study' (6 readers,
 * 200 cases, unaided and AI-aided, the AI alone, --cut 3 --plan-readers 6,10); mrmc-split-plot.json: the
 * split-plot worked example of docs/mrmc.md (Van Dyke, two blocks of readers, --cut 3). Every number
 * is checked against the fixture, formatted here independently of the report's code.
 */
class MrmcReportTest {
  private static final String MINUS = "\u2212";
  private static final ObjectNode FIXTURE = ReportTest.fixture("mrmc.json");
  private static final JsonNode MRMC = FIXTURE.get("mrmc");
  private static final ReportDom DOM = new ReportDom(Report.render(FIXTURE));
  private static final ReportDom SPLIT = new ReportDom(Report.render(ReportTest.fixture("mrmc-split-plot.json")));

  static String dec(double x, int digits) {
    String s = String.format(Locale.ROOT, "%." + digits + "f", x);
    return (s.matches("-0\\.?0*") ? s.substring(1) : s).replace("-", MINUS);
  }

  static String range(JsonNode ci) {
    String lo = dec(ci.get(0).asDouble(), 3);
    String hi = dec(ci.get(1).asDouble(), 3);
    return lo.startsWith(MINUS) || hi.startsWith(MINUS) ? lo + " to " + hi : lo + "\u2013" + hi;
  }

  static String signed(double x) {
    String s = dec(x, 3);
    return s.startsWith(MINUS) ? s : "+" + s;
  }

  private static List<ReportDom.Row> table(ReportDom dom, String captionStart) {
    return dom.rows("//section[@id='reader-study']//table[starts-with(caption, '" + captionStart + "')]/tbody/tr");
  }

  @Test
  void radtrialReportReadsAnMrmcResultsJson(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("results.json");
    Files.writeString(file, FIXTURE.toString());
    assertThat(Report.read(file).has("mrmc")).isTrue();
    Files.writeString(file, "{\"mrmc_typo\": {}}");
    assertThatThrownBy(() -> Report.read(file)).hasMessageContaining("no \"cohort\", \"models\" or \"mrmc\" key");
  }

  @Test
  void holdsTheReaderStudyMethodsAndChecklistButNoModelSections() {
    assertThat(DOM.texts("//main/section/@id")).containsExactly("key-findings", "reader-study", "methods", "checklist");
    assertThat(DOM.text("//h1")).isEqualTo("Reader study: 6 readers in unaided and AI-aided, and AI alone as a reader");
    assertThat(DOM.text("//p[@class='subtitle']")).startsWith("6 readers, 200 cases, 86 with disease (43.0%).");
  }

  @Test
  void isWellFormedWithUniqueIdsAndNoUndefinedNumbers() {
    String html = Report.render(FIXTURE);
    assertThat(html).doesNotContain("NaN", "Infinity", "not estimable");
    assertThat(DOM.texts("//@id")).doesNotHaveDuplicates();
    assertThat(DOM.count("//section[@id='reader-study']//*[local-name()='svg' and @class='chart']")).isEqualTo(2);
  }

  @Nested
  class TheModalitiesCompared {
    @Test
    void thePrimaryComparisonIsTheRandomReaderRandomCaseOrAnalysisWithItsInterval() {
      JsonNode primary = MRMC.at("/comparisons/0");
      ReportDom.Row row = table(DOM, "Modalities compared: AUC").get(0);
      assertThat(row.header()).isEqualTo("Obuchowski-Rockette, random readers, random cases (primary)");
      assertThat(row.cells()).containsExactly("unaided " + MINUS + " AI-aided",
          signed(primary.get("difference").asDouble()) + " (" + range(primary.get("ci")) + ")",
          dec(primary.get("se").asDouble(), 4), dec(primary.get("df").asDouble(), 2), "<0.001", "unaided lower");
    }

    @Test
    void everyAnalysisIsListedAndTheDbmRowMatchesResultsJson() {
      List<ReportDom.Row> rows = table(DOM, "Modalities compared: AUC");
      assertThat(rows).extracting(ReportDom.Row::header).containsExactly(
          "Obuchowski-Rockette, random readers, random cases (primary)", "Obuchowski-Rockette, fixed readers, random cases",
          "Obuchowski-Rockette, random readers, fixed cases", "DBM, random readers, random cases");
      JsonNode dbm = MRMC.at("/auc/dbm/rrrc/differences/0");
      assertThat(rows.get(3).cells().get(1)).isEqualTo(signed(dbm.get("difference").asDouble()) + " (" + range(dbm.get("ci")) + ")");
      assertThat(rows.get(1).cells().get(3)).isEqualTo("normal (z)");
    }

    @Test
    void aDifferenceWhoseIntervalIncludesZeroIsNotCalledHigherOrLower() {
      JsonNode spec = MRMC.at("/specificity/obuchowski_rockette/rrrc/differences/0");
      assertThat(spec.at("/ci/0").asDouble()).isNegative();
      assertThat(spec.at("/ci/1").asDouble()).isPositive();
      ReportDom.Row row = table(DOM, "Modalities compared: specificity at cut 3").get(0);
      assertThat(row.cells().get(5)).isEqualTo("no difference shown");
      assertThat(DOM.texts("//section[@id='key-findings']//li")).anySatisfy(f -> assertThat(f).startsWith(
          "not shown No difference in specificity at cut 3 between unaided and AI-aided was shown (difference "
              + signed(spec.get("difference").asDouble()) + ", 95% CI " + range(spec.get("ci"))));
    }

    @Test
    void aDifferenceWhoseIntervalExcludesZeroIsStatedWithItsInterval() {
      JsonNode auc = MRMC.at("/comparisons/0");
      assertThat(DOM.texts("//section[@id='key-findings']//li")).contains("difference shown AUC was lower unaided than"
          + " AI-aided (difference " + signed(auc.get("difference").asDouble()) + ", 95% CI " + range(auc.get("ci"))
          + ", p < 0.001; random readers and cases).");
    }
  }

  @Test
  void eachModalityHasItsMeanAndItsIntervalsFromItsOwnData() {
    JsonNode rrrc = MRMC.at("/auc/obuchowski_rockette/rrrc/modalities/1");
    JsonNode frrc = MRMC.at("/auc/obuchowski_rockette/frrc/modalities/1");
    ReportDom.Row row = table(DOM, "Each modality").get(1);
    assertThat(row.header()).isEqualTo("AI-aided");
    assertThat(row.cells()).containsExactly(dec(rrrc.get("estimate").asDouble(), 3),
        range(rrrc.get("ci")) + " (" + dec(rrrc.get("df").asDouble(), 2) + ")", range(frrc.get("ci")),
        range(MRMC.at("/auc/obuchowski_rockette/rrfc/modalities/1/ci")));
  }

  @Test
  void everyReaderIsShownWithAnIntervalInEveryModalityAndTheAiAlone() {
    List<ReportDom.Row> rows = table(DOM, "Each reader: AUC");
    assertThat(rows).extracting(ReportDom.Row::header)
        .containsExactly("reader_1", "reader_2", "reader_3", "reader_4", "reader_5", "reader_6", "AI (alone)");
    for (JsonNode v : MRMC.at("/auc/values")) {
      if (v.get("modality").isNull()) {
        assertThat(rows.get(6).cells().get(0)).startsWith(dec(v.get("value").asDouble(), 3) + " (" + range(v.get("ci")) + ")");
        continue;
      }
      int reader = Integer.parseInt(v.get("reader").asText().substring("reader_".length())) - 1;
      int modality = v.get("modality").asText().equals("unaided") ? 0 : 1;
      assertThat(rows.get(reader).cells().get(modality)).as("%s", v)
          .isEqualTo(dec(v.get("value").asDouble(), 3) + " (" + range(v.get("ci")) + ")");
    }
  }

  @Test
  void theAiAloneIsComparedWithTheReadersOfEachModality() {
    List<ReportDom.Row> rows = table(DOM, "The AI alone as a reader").subList(0, 2);
    assertThat(rows).hasSize(2);
    JsonNode unaided = MRMC.at("/auc/standalone/0");
    assertThat(rows.get(0).header()).isEqualTo("unaided");
    assertThat(rows.get(0).cells().subList(0, 3)).containsExactly(dec(unaided.get("readers_mean").asDouble(), 3),
        dec(unaided.get("standalone").asDouble(), 3),
        signed(unaided.at("/rrrc/difference").asDouble()) + " (" + range(unaided.at("/rrrc/ci")) + ")");
    assertThat(rows.get(0).cells().get(7)).isEqualTo(unaided.at("/rrrc/ci/1").asDouble() < 0 ? "readers lower"
        : unaided.at("/rrrc/ci/0").asDouble() > 0 ? "readers higher" : "no difference shown");
  }

  @Test
  void theSampleSizePlanGivesCasesAndPowerForEachNumberOfReaders() {
    List<ReportDom.Row> rows = table(DOM, "Sample size for a new study");
    assertThat(rows).extracting(ReportDom.Row::header).containsExactly("6", "10");
    JsonNode six = MRMC.at("/sample_size/plans/0");
    assertThat(rows.get(0).cells()).containsExactly(
        six.at("/rrrc/cases").asInt() + " (" + dec(six.at("/rrrc/power").asDouble(), 3) + ")",
        six.at("/frrc/cases").asInt() + " (" + dec(six.at("/frrc/power").asDouble(), 3) + ")",
        six.at("/rrfc/cases").asInt() + " (" + dec(six.at("/rrfc/power").asDouble(), 3) + ")");
  }

  @Test
  void theOrAndDbmTablesAreThereCollapsed() {
    List<String> summaries = DOM.texts("//section[@id='reader-study']//details/summary");
    assertThat(summaries).contains("Obuchowski-Rockette analysis of AUC (jackknife covariances): mean squares, variance"
        + " components, tests", "DBM pseudovalue analysis of AUC: mean squares, variance components, tests");
  }

  @Test
  void theMethodsNameTheAnalysesRun() {
    String methods = String.join(" ", DOM.texts("//section[@id='methods']/p"));
    assertThat(methods).contains("Obuchowski-Rockette method (1995) with Hillis's denominator degrees of freedom",
        "jackknife over the cases with and without disease respectively", "Dorfman-Berbaum-Metz",
        "single-modality analysis of the differences (Hillis 2007)", "Hillis, Obuchowski and Berbaum (2011)");
    assertThat(DOM.text("//section[@id='methods']//tr[th='Seed']/td")).isEqualTo("none: no random numbers were drawn");
  }

  @Nested
  class SplitPlot {
    @Test
    void theDesignNamesTheBlocksAndThereIsNoDbm() {
      String design = SPLIT.texts("//section[@id='reader-study']/p").get(0);
      assertThat(design).contains("Split-plot design: the readers fell into 2 blocks", "1, 2 read 57 cases (22 with disease)",
          "3, 4, 5 read 57 cases (23 with disease)");
      assertThat(SPLIT.texts("//section[@id='reader-study']//details/summary")).noneMatch(s -> s.startsWith("DBM"));
      assertThat(SPLIT.rows("//section[@id='reader-study']//table[starts-with(caption, 'Modalities compared: AUC')]/tbody/tr"))
          .extracting(ReportDom.Row::header).noneMatch(h -> h.startsWith("DBM"));
    }

    @Test
    void thePrimaryComparisonIsTheWorkedExamplesOfDocsMrmc() {
      ReportDom.Row row = SPLIT.rows("//section[@id='reader-study']//table[starts-with(caption, 'Modalities compared:"
          + " AUC')]/tbody/tr").get(0);
      assertThat(row.cells()).startsWith("1 " + MINUS + " 2", MINUS + "0.050 (" + MINUS + "0.114 to 0.013)", "0.0260", "6.08",
          "0.10", "no difference shown");
    }
  }
}

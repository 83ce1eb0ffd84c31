package org.radtrial.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static ObjectNode fixture(String name) {
    try (InputStream in = ReportTest.class.getResourceAsStream("/" + name)) {
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static ObjectNode evaluation() {
    return fixture("two-models.json");
  }

  static ObjectNode audited() {
    ObjectNode root = evaluation();
    JsonNode provenance = root.remove("provenance");
    root.set("audit", fixture("audit-section.json"));
    root.set("provenance", provenance);
    return root;
  }

  private static List<String> keyFindings(String html) {
    return new ReportDom(html).texts("//section[@id='key-findings']//li");
  }

  @Nested
  class SelfContained {
    @Test
    void isWellFormedAndFetchesNothing() {
      String html = Report.render(audited());
      ReportDom dom = new ReportDom(html);
      assertThat(html).doesNotContain("<script", "<link", " src=", "url(", "@import", "<img", "<iframe");
      assertThat(html.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xhtml", ""))
          .doesNotContain("http://", "https://");
      assertThat(dom.text("/html/head/meta[@http-equiv='Content-Security-Policy']/@content")).startsWith("default-src 'none';");
    }

    @Test
    void everyChartHasATitleAndADescriptionForScreenReaders() {
      ReportDom dom = new ReportDom(Report.render(audited()));
      int charts = dom.count("//*[local-name()='svg' and @class='chart']");
      assertThat(charts).isGreaterThanOrEqualTo(6);
      assertThat(dom.count("//*[local-name()='svg' and @class='chart' and @role='img']/*[local-name()='title']")).isEqualTo(charts);
      assertThat(dom.texts("//*[local-name()='svg' and @class='chart']/*[local-name()='desc']"))
          .hasSize(charts).allSatisfy(d -> assertThat(d).isNotBlank());
    }

    @Test
    void chartsHoldNoUndefinedCoordinates() {
      String html = Report.render(audited());
      assertThat(html).doesNotContain("NaN", "Infinity");
    }

    @Test
    void idsAreUnique() {
      ReportDom dom = new ReportDom(Report.render(audited()));
      List<String> ids = dom.texts("//@id");
      assertThat(ids).doesNotHaveDuplicates();
    }
  }

  @Nested
  class KeyFindings {
    @Test
    void aDifferenceWhoseIntervalIncludesZeroIsNotCalledHigherOrLower() {
      List<String> findings = keyFindings(Report.render(evaluation()));
      assertThat(findings).anySatisfy(f -> assertThat(f).contains("do not show whether alpha or beta has the higher AUC",
          "+0.032 (95% CI \u22120.006 to 0.070)"));
      assertThat(findings).noneSatisfy(f -> assertThat(f).containsPattern("AUC is (higher|lower)"));
      assertThat(findings).anySatisfy(f -> assertThat(f).contains("alpha found 70 of 100 positives (70.0%), reader_x 75 (75.0%)",
          "no difference in sensitivity is shown", "\u22125.0 points (95% CI \u221215.1 to 5.1"));
    }

    @Test
    void aDifferenceWhoseIntervalExcludesZeroIsStatedWithItsInterval() {
      List<String> findings = keyFindings(Report.render(evaluation()));
      assertThat(findings).anySatisfy(f -> assertThat(f).contains("beta's sensitivity is lower: \u221214.1 points (95% CI"
          + " \u221224.4 to \u22124.0; exact McNemar p = 0.009)"));
    }

    @Test
    void aBoundNearZeroOfAnIntervalThatExcludesZeroIsPrintedWithTheDecimalsThatShowIt() {
      ObjectNode root = evaluation();
      for (JsonNode c : root.get("decision_comparisons")) {
        if (c.at("/decision_makers/0").asText().equals("beta") && c.path("sensitivity").isObject()) {
          ObjectNode sensitivity = (ObjectNode) c.get("sensitivity");
          sensitivity.put("difference", 0.052).put("mcnemar_exact_p", 0.04);
          sensitivity.set("ci", MAPPER.createArrayNode().add(0.0004).add(0.103));
        }
      }
      List<String> findings = keyFindings(Report.render(root));
      assertThat(findings).anySatisfy(f -> assertThat(f).contains("beta's sensitivity is higher: +5.20 points (95% CI"
          + " 0.04\u201310.30; exact McNemar p = 0.040)"));
      assertThat(findings).noneSatisfy(f -> assertThat(f).contains("CI 0.0\u2013"));
    }

    @Test
    void aDifferenceThatDoesNotSurviveTheMultiplicityAdjustmentIsNotClaimed() {
      ObjectNode root = evaluation();
      ObjectNode pair = (ObjectNode) root.at("/comparisons/0");
      pair.set("ci", MAPPER.createArrayNode().add(0.006).add(0.058));
      pair.put("p", 0.014).put("p_holm", 0.07);
      List<String> findings = keyFindings(Report.render(root));
      assertThat(findings).anySatisfy(f -> assertThat(f).contains("is not shown after adjusting for 1 comparison (Holm-adjusted",
          "Holm-adjusted p = 0.070"));
      assertThat(findings).noneSatisfy(f -> assertThat(f).containsPattern("AUC is (higher|lower)"));
    }

    @Test
    void aBestModelIsNamedOnlyWhenItBeatsEveryOtherWithTheIntervalsToShowIt() {
      ObjectNode root = evaluation();
      ObjectNode models = (ObjectNode) root.get("models");
      models.set("gamma", models.get("beta").deepCopy());
      ArrayNode pairs = (ArrayNode) root.get("comparisons");
      pairs.add(pair("alpha", "gamma", 0.05, 0.01, 0.09, 0.01));
      pairs.add(pair("beta", "gamma", 0.0, -0.03, 0.03, 0.9));
      assertThat(keyFindings(Report.render(root))).anySatisfy(f -> assertThat(f).contains("the models are not ranked"));
      ((ObjectNode) pairs.get(0)).set("ci", MAPPER.createArrayNode().add(0.01).add(0.06));
      ((ObjectNode) pairs.get(0)).put("p_holm", 0.02);
      assertThat(keyFindings(Report.render(root))).anySatisfy(f -> assertThat(f).contains("alpha has the highest AUC of the 3"));
    }

    private static ObjectNode pair(String a, String b, double d, double lo, double hi, double pHolm) {
      ObjectNode pair = MAPPER.createObjectNode();
      pair.putArray("models").add(a).add(b);
      pair.put("auc_a", 0.85).put("auc_b", 0.85 - d).put("auc_difference", d);
      pair.putArray("ci").add(lo).add(hi);
      return pair.put("p", pHolm).put("p_holm", pHolm).put("method", "DeLong paired").put("positives", 99).put("negatives", 898);
    }

    @Test
    void aSubgroupGapIsClaimedOnlyWhenTheIntervalAndTheQValueBothShowIt() {
      List<String> findings = keyFindings(Report.render(audited()));
      assertThat(findings).anySatisfy(f -> assertThat(f).contains("alpha's sensitivity in exams with density = D is 18.9 points"
          + " lower than overall: 51.1% vs 70.0% (95% CI of the difference \u221227.1 to \u221210.2; 600 exams, 88 positives;"
          + " q < 0.001)"));
      // The AUC gap's interval excludes 0 but its q (0.08) does not pass: no claim.
      assertThat(findings).noneSatisfy(f -> assertThat(f).contains("AUC in exams with density = D"));
    }

    @Test
    void underpoweredGroupsAreNeverJudgedButTheirNumberIsSaid() {
      String html = Report.render(audited());
      assertThat(keyFindings(html)).noneSatisfy(f -> assertThat(f).contains("density = A is"));
      assertThat(keyFindings(html)).anySatisfy(f -> assertThat(f).contains("2 of 3 subgroup results have too few positives",
          "81 for alpha, 92 for beta"));
    }

    @Test
    void overstatedRiskIsSaidOnlyWhenTheCalibrationIntervalExcludesZero() {
      assertThat(keyFindings(Report.render(audited()))).anySatisfy(f -> assertThat(f).contains("alpha's scores, read as"
          + " probabilities, overstate", "mean predicted 20.0% vs observed 10.0%", "\u22120.95, 95% CI \u22121.16 to \u22120.74"));
    }
  }

  @Nested
  class Sections {
    @Test
    void aReportHoldsOnlyTheSectionsItsResultsHave() {
      ReportDom evaluate = new ReportDom(Report.render(evaluation()));
      assertThat(evaluate.texts("//main/section/@id")).containsExactly("key-findings", "cohort", "roc", "head-to-head",
          "operating-points", "notes", "methods", "checklist");
      ReportDom audit = new ReportDom(Report.render(audited()));
      assertThat(audit.texts("//main/section/@id")).contains("subgroups", "failure-slices", "calibration")
          .doesNotContain("other-populations");
    }

    @Test
    void topLevelKeysNoSectionKnowsAreIgnored() {
      ObjectNode withSimulation = evaluation();
      withSimulation.putObject("simulation").put("strategies", 3).putArray("curve").add(1).add(2);
      withSimulation.put("something_new", "<b>not shown</b>");
      assertThat(Report.render(withSimulation)).isEqualTo(Report.render(evaluation()));
    }

    @Test
    void namesFromTheCaseTableAreShownAsTextNeverAsMarkup() {
      String json = evaluation().toString().replace("\"alpha\"", "\"<b>a&b</b>\"");
      String html = Report.render(fromText(json));
      assertThat(html).doesNotContain("<b>a&b</b>").contains("&lt;b&gt;a&amp;b&lt;/b&gt;");
      assertThat(new ReportDom(html).texts("//section[@id='roc']//tbody/tr/th")).contains("<b>a&b</b>");
    }

    @Test
    void underpoweredRowsAreDrawnHollowAndGreyAndMarkedInTheTable() {
      ReportDom dom = new ReportDom(Report.render(audited()));
      assertThat(dom.texts("//*[@id='forest-0']//*[local-name()='text']")).contains("A (underpowered)", "D");
      assertThat(dom.count("//*[@id='forest-0']//*[@fill='#ffffff' and @stroke='" + Palette.MUTED + "']")).isEqualTo(3);
      assertThat(dom.texts("//tr[@class='underpowered']/th")).containsExactly("alpha: density = A", "beta: density = A");
    }

    @Test
    void theMethodsSayWhatWasRun() {
      String methods = new ReportDom(Report.render(evaluation())).text("//section[@id='methods']");
      assertThat(methods).contains("1,000 exams, 100 of them positive (cancer = 1)", "DeLong",
          "stratified percentile bootstrap, 500 replicates", "seed 42", "Holm", "Wilson intervals", "Tango score",
          "left out of that model's or reader's analysis", "radtrial 9.9.9", "0123456789abcdef0123456789abcdef",
          "radtrial evaluate --cases /data/exams.csv");
    }
  }

  @Nested
  class Checklist {
    @Test
    void whatTheToolCannotKnowIsLeftToTheAuthors() {
      ReportDom dom = new ReportDom(Report.render(evaluation()));
      assertThat(dom.text("//section[@id='checklist']//tr[th='Ethics approval and consent']/td[3]")).isEqualTo("authors supply");
      assertThat(dom.text("//section[@id='checklist']//tr[th='Missing data']/td[3]")).isEqualTo("filled");
      assertThat(dom.text("//section[@id='checklist']//tr[th='Failure analysis of incorrectly classified cases']/td[3]"))
          .isEqualTo("authors supply");
      ReportDom audit = new ReportDom(Report.render(audited()));
      assertThat(audit.text("//section[@id='checklist']//tr[th='Failure analysis of incorrectly classified cases']/td[3]"))
          .isEqualTo("filled");
    }
  }

  static JsonNode fromText(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

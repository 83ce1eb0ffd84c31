package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radtrial lesions} end to end on RJafroc's dataset04 and on bad input. The expected numbers are
 * RJafroc's (see io's {@code RjafrocDataset04ReferenceTest} for every one and its source); here a few are
 * read back from results.json to show the command writes what core computes.
 */
class LesionsCommandTest {
  @TempDir Path dir;

  private static Path data(String name) throws URISyntaxException {
    return Paths.get(LesionsCommandTest.class.getResource("/rjafroc-dataset04/" + name).toURI());
  }

  private CliRun run(Path truth, Path nl, Path ll) {
    return CliRun.of("lesions", "--truth", truth.toString(), "--nl", nl.toString(), "--ll", ll.toString(), "--out",
        dir.toString());
  }

  @Test
  void writesEveryFigureAndTheWafrocReaderStudyOfDataset04() throws Exception {
    CliRun r = run(data("truth.csv"), data("nl.csv"), data("ll.csv"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("200 cases (100 normal, 100 with lesions), 142 lesions; 5 modalities x 4 readers")
        .contains("F = 7.800 on 4 and 36.79 df, p = 0.000117");
    JsonNode root = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    JsonNode lesions = root.get("lesions");
    assertThat(lesions.get("primary_figure").asText()).isEqualTo("wAFROC");
    JsonNode first = lesions.get("readings").get(0);
    assertThat(first.get("modality").asText()).isEqualTo("1");
    assertThat(first.get("reader").asText()).isEqualTo("1");
    // RJafroc: 0.779 (book), 0.779266666666642 (stored test value); OR-DBM MRMC 2.51: inferred ROC 0.90425
    assertThat(first.get("figures_of_merit").get("wafroc").asDouble()).isCloseTo(0.779266666666642, within(1e-12));
    assertThat(first.get("figures_of_merit").get("inferred_roc_auc").asDouble()).isCloseTo(0.90425, within(5e-9));
    assertThat(lesions.get("readings")).hasSize(20);
    JsonNode comparisons = lesions.get("comparisons");
    assertThat(comparisons).hasSize(10);
    // RJafroc: trt4-trt5 0.05488, CI [0.03018, 0.07957]
    JsonNode last = comparisons.get(9);
    assertThat(last.get("difference").asDouble()).isCloseTo(0.05488, within(0.000005));
    assertThat(last.get("ci").get(0).asDouble()).isCloseTo(0.03018, within(0.000005));
    assertThat(last.get("ci").get(1).asDouble()).isCloseTo(0.07957, within(0.000005));
    assertThat(root.get("provenance").get("seed").isNull()).isTrue();
    assertThat(root.get("settings").get("inputs")).hasSize(3);
  }

  @Test
  void writesAWellFormedReportWithBothCurvesAndRadtrialReportGivesTheSameBytes() throws Exception {
    CliRun r = run(data("truth.csv"), data("nl.csv"), data("ll.csv"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path report = dir.resolve("report.html");
    assertThat(r.out()).contains("Report:  " + report);
    String html = Files.readString(report);
    org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(report.toFile());
    javax.xml.xpath.XPath xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
    assertThat(xpath.evaluate("count(//*[local-name()='section'][@id='lesions'])", doc)).isEqualTo("1");
    assertThat(xpath.evaluate("count(//*[local-name()='svg'][@id='froc-chart']//*[local-name()='path'][@class='lesion-curve'])", doc))
        .isEqualTo("20");
    assertThat(xpath.evaluate("count(//*[local-name()='svg'][@id='wafroc-chart']//*[local-name()='path'][@class='lesion-curve'])", doc))
        .isEqualTo("20");
    assertThat(html).contains("F = 7.800 on 4 and 36.79 degrees of freedom");
    Path again = dir.resolve("again.html");
    CliRun rerun = CliRun.of("report", "--results", dir.resolve("results.json").toString(), "--out", again.toString());
    assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    assertThat(Files.readString(again)).isEqualTo(html);
  }

  @Test
  void aMarkOnAnUnknownCaseStopsWithALocatedLineAndWritesNothing() throws Exception {
    Files.writeString(dir.resolve("results.json"), "{\"stale\": true}");
    Path nl = dir.resolve("nl.csv");
    Files.writeString(nl, "reader,modality,case_id,rating\n1,1,4,3\n1,1,999,2\n");
    CliRun r = run(data("truth.csv"), nl, data("ll.csv"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n")
        .contains(nl + ", row 2, column 'case_id': a mark on case 999, which").contains("does not list");
    // nothing written: an earlier results.json in OUT is kept as it was (issue 14: never lose a good result)
    assertThat(dir.resolve("results.json")).hasContent("{\"stale\": true}");
    assertThat(r.err()).contains("the earlier results.json");
  }

  @Test
  void aDuplicateLesionIdStopsWithALocatedLine() throws Exception {
    Path truth = dir.resolve("truth.csv");
    Files.writeString(truth, "case_id,lesion_id,weight\n1,0,0\n2,1,0.5\n2,1,0.5\n");
    CliRun r = run(truth, data("nl.csv"), data("ll.csv"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(truth + ", row 3, column 'lesion_id': duplicate lesion id 1 in case 2");
    assertThat(dir.resolve("results.json")).doesNotExist();
  }

  @Test
  void aLesionLocalizationOfALesionTheTruthLacksStopsWithALocatedLine() throws Exception {
    Path ll = dir.resolve("ll.csv");
    Files.writeString(ll, "reader,modality,case_id,lesion_id,rating\n1,1,101,1,4\n1,1,101,7,4\n");
    CliRun r = run(data("truth.csv"), data("nl.csv"), ll);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(ll + ", row 2, column 'lesion_id': case 101 has no lesion 7");
    assertThat(dir.resolve("results.json")).doesNotExist();
  }

  @Test
  void aRatingThatIsNotANumberStopsWithALocatedLine() throws IOException, URISyntaxException {
    Path nl = dir.resolve("nl.csv");
    Files.writeString(nl, "reader,modality,case_id,rating\n1,1,4,high\n");
    CliRun r = run(data("truth.csv"), nl, data("ll.csv"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(nl + ", row 1, column 'rating': 'high' is not a finite number");
  }
}

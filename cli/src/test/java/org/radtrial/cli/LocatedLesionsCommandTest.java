package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radtrial lesions --marks}: located marks matched by LUNA16's rule, on the hand-computed four-scan
 * example of core's {@code Luna16Test} (CPM 2.75/7), and bad located input.
 */
class LocatedLesionsCommandTest {
  @TempDir Path dir;

  private static final String TRUTH = """
      case_id,lesion_id,x,y,z,diameter
      A,A1,0,0,0,10
      A,A2,30,0,0,6
      B,B1,10,10,10,8
      C,,,,,
      D,D1,0,0,0,4
      """;
  private static final String MARKS = """
      model,case_id,x,y,z,confidence
      cad,A,1,1,0,0.9
      cad,A,2,-2,1,0.6
      cad,A,31,0,0,0.4
      cad,A,60,60,0,0.8
      cad,B,10,10,15,0.7
      cad,B,50,50,50,0.3
      cad,C,5,5,5,0.5
      """;

  private CliRun run(String truth, String marks, String... more) throws IOException {
    Path t = Files.writeString(dir.resolve("truth.csv"), truth);
    Path m = Files.writeString(dir.resolve("marks.csv"), marks);
    String[] base = {"lesions", "--truth", t.toString(), "--marks", m.toString(), "--out", dir.resolve("out").toString()};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(args);
  }

  @Test
  void matchesByRadiusAndWritesTheHandComputedCpm() throws Exception {
    CliRun r = run(TRUTH, MARKS);
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
    JsonNode reading = root.get("lesions").get("readings").get(0);
    assertThat(reading.get("reader").asText()).isEqualTo("cad");
    assertThat(reading.get("luna16").get("cpm").asDouble()).isCloseTo(2.75 / 7, within(1e-15));
    JsonNode matching = root.get("lesions").get("design").get("matching");
    assertThat(matching.get("criterion").asText()).isEqualTo("centre_within_radius");
    assertThat(matching.get("second_marks").get("cad").asInt()).isEqualTo(1);
    assertThat(root.get("lesions").get("reader_study").isNull()).isTrue();
  }

  @Test
  void twoModelsGetBootstrapIntervalsAndAHolmAdjustedHeadToHead() throws Exception {
    String second = """
        other,A,0,0,0,0.95
        other,A,30,0,0,0.9
        other,B,10,10,10,0.85
        other,D,0,0,1,0.8
        other,C,1,1,1,0.1
        """;
    CliRun r = run(TRUTH, MARKS + second, "--bootstrap", "200", "--seed", "7");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Models head-to-head in wAFROC");
    assertThat(Files.readString(dir.resolve("out/report.html")))
        .contains("Sensitivity at fixed false marks per case, first − second");
    JsonNode root = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
    JsonNode models = root.get("lesions").get("models");
    assertThat(models).hasSize(2);
    // "other" finds every nodule before its one false mark: sensitivity 1 from the first false-mark rate on
    assertThat(models.get(1).get("cpm").asDouble()).isEqualTo(1.0);
    assertThat(models.get(0).get("ci")).hasSize(2);
    JsonNode pair = root.get("lesions").get("model_comparisons").get(0);
    assertThat(pair.get("models").get(0).asText()).isEqualTo("cad");
    assertThat(pair.get("p_holm").asDouble()).isEqualTo(pair.get("p").asDouble()); // one pair: Holm changes nothing
    assertThat(pair.get("cpm_difference").asDouble()).isCloseTo(2.75 / 7 - 1, within(1e-15));
    assertThat(root.get("settings").get("bootstrap_replicates").asInt()).isEqualTo(200);
    assertThat(root.get("provenance").get("seed").asLong()).isEqualTo(7);
  }

  @Test
  void aLesionWithoutLocationStopsWithALocatedLine() throws Exception {
    CliRun r = run(TRUTH.replace("B,B1,10,10,10,8", "B,B1,10,,10,8"), MARKS);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("truth.csv, row 3, column 'y': lesion B1 of case B has no location here");
    assertThat(dir.resolve("out/results.json")).doesNotExist();
  }

  @Test
  void aMarkOnAnUnknownCaseStopsWithALocatedLine() throws Exception {
    CliRun r = run(TRUTH, MARKS + "cad,Z,1,1,1,0.2\n");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("marks.csv, row 8, column 'case_id': a mark on case Z, which");
    assertThat(dir.resolve("out/results.json")).doesNotExist();
  }

  @Test
  void aDuplicateLesionIdStopsWithALocatedLine() throws Exception {
    CliRun r = run(TRUTH + "D,D1,5,5,5,4\n", MARKS);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("truth.csv, row 6, column 'lesion_id': duplicate lesion id D1 in case D");
  }

  @Test
  void boxMatchingNeedsBoxColumnsAndSaysSo() throws Exception {
    CliRun r = run(TRUTH, MARKS, "--match", "iou:0.5");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("truth.csv, column 'x0': no such column");
  }

  @Test
  void anUnknownMatchRuleIsRefused() throws Exception {
    CliRun r = run(TRUTH, MARKS, "--match", "overlap");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--match 'overlap' is not 'radius', 'iou:T' with T in (0, 1] (e.g. iou:0.5), 'mask' or 'mask:voxel'");
  }

  private static final String SIZED_TRUTH = """
      case_id,lesion_id,x,y,diameter,image_width,image_height
      A,A1,100,100,10,512,512
      B,,,,,512,512
      """;

  @Test
  void marksInsideTheImagesGiveResults() throws Exception {
    CliRun r = run(SIZED_TRUTH, "model,case_id,x,y,confidence\ncad,A,101,99,0.9\ncad,B,0,512,0.2\n");
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  @Test
  void aMarkOutsideItsImageStopsWithALocatedLine() throws Exception {
    CliRun r = run(SIZED_TRUTH, "model,case_id,x,y,confidence\ncad,A,101,99,0.9\ncad,B,40,600,0.2\n");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("marks.csv, row 2, column 'y': a mark of cad on case B lies outside its image: y = 600,"
        + " the image is 512 high (0 to 512); check the units (mm or pixels) and the image size in the truth");
    assertThat(dir.resolve("out/results.json")).doesNotExist();
  }

  @Test
  void aLesionOutsideItsImageStopsWithALocatedLine() throws Exception {
    CliRun r = run(SIZED_TRUTH.replace("A,A1,100,100", "A,A1,-3,100"), "model,case_id,x,y,confidence\ncad,A,1,1,0.9\n");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("truth.csv, row 1, column 'x': lesion A1 of case A lies outside its image: x = -3");
  }

  @Test
  void twoImageSizesForOneCaseAreRefused() throws Exception {
    CliRun r = run(SIZED_TRUTH + "A,A2,10,10,4,512,400\n", "model,case_id,x,y,confidence\ncad,A,1,1,0.9\n");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("truth.csv, row 3, column 'image_width': case A has image size 512 × 400 here but"
        + " 512 × 512 on an earlier row");
  }
}

package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.io.image.Nifti;

/**
 * {@code radtrial lesions --match mask}: a mark localizes a lesion when its centre falls in a voxel carrying the
 * lesion's label in the case's NIfTI label image, in patient mm or in voxel coordinates.
 */
class MaskMatchingTest {
  @TempDir Path dir;

  /** Case A's labels on a 10 × 10 × 4 grid of 2 × 2 × 3 mm voxels at (−10, 20, 5): lesion 1 in voxels i, j 1–3 of
   *  slice 1, lesion 2 in i, j 6–8 of slice 2. */
  @BeforeEach
  void labelImage() {
    Grid grid = new Grid(10, 10, 4, new double[] {2, 2, 3}, new double[] {-10, 20, 5}, Grid.AXIAL);
    float[] v = new float[grid.size()];
    for (int i = 1; i <= 3; i++) {
      for (int j = 1; j <= 3; j++) {
        v[grid.index(i, j, 1)] = 1;
        v[grid.index(i + 5, j + 5, 2)] = 2;
      }
    }
    Nifti.writeLabels(new Volume(grid, v), dir.resolve("a-labels.nii.gz"));
  }

  private static final String TRUTH = """
      case_id,lesion_id,x,y,z,mask,mask_label
      A,A1,-6,24,8,a-labels.nii.gz,1
      A,A2,4,34,11,a-labels.nii.gz,2
      B,,,,,,
      """;

  private CliRun run(String truth, String marks, String match) throws Exception {
    Files.writeString(dir.resolve("truth.csv"), truth);
    Files.writeString(dir.resolve("marks.csv"), marks);
    return CliRun.of("lesions", "--truth", dir.resolve("truth.csv").toString(), "--marks",
        dir.resolve("marks.csv").toString(), "--match", match, "--out", dir.resolve("out").toString());
  }

  private JsonNode reading() throws Exception {
    return new ObjectMapper().readTree(dir.resolve("out/results.json").toFile()).get("lesions").get("readings").get(0);
  }

  @Test
  void marksInPatientMillimetresHitTheLesionWhoseLabelTheirVoxelCarries() throws Exception {
    // voxel (2, 2, 1) is at (−6, 24, 8): lesion 1; (7.6, 6.9, 2.2) rounds to (8, 7, 2): lesion 2; (0, 0, 0): background
    CliRun r = run(TRUTH, """
        model,case_id,x,y,z,confidence
        cad,A,-6.4,24.3,8.2,0.9
        cad,A,5.2,33.8,11.6,0.7
        cad,A,-10,20,5,0.8
        cad,B,0,30,10,0.4
        """, "mask");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode reading = reading();
    assertThat(reading.get("froc").get("max_llf").asDouble()).isEqualTo(1.0);
    assertThat(reading.get("froc").get("max_nlf").asDouble()).isEqualTo(1.0); // 2 NL marks on 2 cases
    JsonNode matching = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile()).get("lesions")
        .get("design").get("matching");
    assertThat(matching.get("criterion").asText()).isEqualTo("inside_mask");
  }

  @Test
  void marksInVoxelCoordinatesUseThePixelConvention() throws Exception {
    // (3.9, 3.9, 1.5) is voxel (3, 3, 1): lesion 1; (4.0, 3.0, 1.0) is voxel (4, 3, 1): background
    CliRun r = run(TRUTH, """
        model,case_id,x,y,z,confidence
        cad,A,3.9,3.9,1.5,0.9
        cad,A,4.0,3.0,1.0,0.95
        """, "mask:voxel");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode froc = reading().get("froc");
    assertThat(froc.get("max_llf").asDouble()).isEqualTo(0.5);
    assertThat(froc.get("max_nlf").asDouble()).isEqualTo(0.5);
  }

  @Test
  void aLabelTheImageDoesNotCarryStopsWithALocatedLine() throws Exception {
    CliRun r = run(TRUTH.replace("a-labels.nii.gz,2", "a-labels.nii.gz,3"), "model,case_id,x,y,z,confidence\ncad,A,0,0,0,1\n",
        "mask:voxel");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("column 'mask_label': lesion A2 of case A has label 3, which no voxel of a-labels.nii.gz"
        + " carries");
    assertThat(dir.resolve("out/results.json")).doesNotExist();
  }

  @Test
  void aMarkOutsideTheLabelImageStopsWithALocatedLine() throws Exception {
    CliRun r = run(TRUTH, "model,case_id,x,y,z,confidence\ncad,A,-6.4,24.3,8.2,0.9\ncad,A,0,0,-40,0.5\n", "mask");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("marks.csv, row 2, column 'x': a mark on case A at (0.0, 0.0, -40.0) lies outside its"
        + " label image a-labels.nii.gz");
  }

  @Test
  void maskMatchingNeedsTheMaskColumns() throws Exception {
    CliRun r = run("case_id,lesion_id,x,y,radius\nA,A1,1,1,3\n", "model,case_id,x,y,confidence\ncad,A,1,1,0.9\n", "mask");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("truth.csv, column 'mask': no such column");
  }
}

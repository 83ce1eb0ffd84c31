package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.core.recon.ExamCost;
import org.radtrial.core.recon.Regions;
import org.radtrial.io.image.Nifti;

/** The inputs of radtrial recon: case table, regions (boxes or mask) and savings table, and their located errors. */
class ReconInputsTest {
  @TempDir Path dir;
  private final Grid grid = Grid.of(10, 8, 3, 1, 1, 1);

  @Test
  void boxTablesGiveLesionRegionsAndOneUniformRegion() throws Exception {
    Path boxes = dir.resolve("boxes.csv");
    Files.writeString(boxes, "kind,i0,j0,k0,i1,j1,k1\nlesion,0,0,0,1,1,0\nuniform,5,5,0,6,6,2\nlesion,2,2,1,2,2,1\n");
    Regions r = RegionsReader.read(boxes, grid);
    assertThat(r.lesions()).hasSize(2);
    assertThat(r.lesions().get(0).voxels()).hasSize(4);
    assertThat(r.lesions().get(1).voxels()).containsExactly(grid.index(2, 2, 1));
    assertThat(r.uniform()).hasSize(12);
  }

  @Test
  void aBoxBeyondTheImageOrABadKindIsALocatedError() throws Exception {
    Path boxes = dir.resolve("boxes.csv");
    Files.writeString(boxes, "kind,i0,j0,k0,i1,j1,k1\nlesion,0,0,0,1,1,0\nlesion,0,0,0,10,1,0\n");
    assertThatThrownBy(() -> RegionsReader.read(boxes, grid)).hasMessage(boxes
        + ", row 2: box [0..10, 0..1, 0..0] reaches beyond the image's 10x8x3 voxels (indices start at 0)");
    Files.writeString(boxes, "kind,i0,j0,k0,i1,j1,k1\ntumour,0,0,0,1,1,0\n");
    assertThatThrownBy(() -> RegionsReader.read(boxes, grid)).hasMessage(boxes
        + ", row 1, column 'kind': 'tumour' is not a kind of region; use lesion or uniform");
    Files.writeString(boxes, "kind,i0,j0,k0,i1,j1\nlesion,0,0,0,1,1\n");
    assertThatThrownBy(() -> RegionsReader.read(boxes, grid)).hasMessageStartingWith(boxes + ", column 'k1': no such column");
  }

  @Test
  void aMaskGivesOneRegionPerLabelAndMustLieOnTheGrid() {
    float[] labels = new float[grid.size()];
    labels[grid.index(1, 1, 0)] = 2;
    labels[grid.index(3, 3, 2)] = 1;
    Path mask = dir.resolve("mask.nii.gz");
    Nifti.writeLabels(new Volume(grid, labels), mask);
    Regions r = RegionsReader.read(mask, grid);
    assertThat(r.lesions()).extracting(Regions.Region::label).containsExactly(1, 2);
    Grid other = Grid.of(10, 8, 4, 1, 1, 1);
    assertThatThrownBy(() -> RegionsReader.read(mask, other)).hasMessage(mask
        + ": the mask is not on the reference image's grid: size 10x8x4 vs 10x8x3");
  }

  @Test
  void savingsRowsForOneCaseOverrideTheEveryCaseRow() throws Exception {
    Path table = dir.resolve("savings.csv");
    Files.writeString(table, "case,image,minutes,ctdivol_mgy\n*,reference,20,\n*,fast,6,\nb,fast,8,2.5\n");
    ExamCost[][] costs = SavingsTableReader.read(table, List.of("a", "b"), List.of("reference", "fast"));
    assertThat(costs[0][1].minutes()).isEqualTo(6);
    assertThat(costs[1][1].minutes()).isEqualTo(8);
    assertThat(costs[1][1].ctdiVol()).isEqualTo(2.5);
    assertThat(costs[0][0].ctdiVol()).isNaN();
    Files.writeString(table, "case,image,minutes\nc,fast,6\n");
    assertThatThrownBy(() -> SavingsTableReader.read(table, List.of("a"), List.of("reference", "fast")))
        .hasMessage(table + ", row 1, column 'case': 'c' is not a case of the case table (or * for every case)");
    Files.writeString(table, "case,image,minutes\n*,slow,6\n");
    assertThatThrownBy(() -> SavingsTableReader.read(table, List.of("a"), List.of("reference", "fast")))
        .hasMessage(table + ", row 1, column 'image': 'slow' is neither the reference nor a method; use one of [reference, fast]");
  }

  @Test
  void caseTableErrorsNameTheRowAndColumn() throws Exception {
    Files.writeString(dir.resolve("r.nii"), "");
    Path cases = dir.resolve("cases.csv");
    Files.writeString(cases, "id,ref,ai\nc1,r.nii,r.nii\nc1,r.nii,r.nii\n");
    assertThatThrownBy(() -> ReconCasesReader.read(cases, "id", "ref", List.of("ai"), null)).hasMessage(cases
        + ", row 2, column 'id': case 'c1' appears again (first in row 1); each case needs exactly one row");
    Files.writeString(cases, "id,ref,ai\nc1,r.nii,missing.nii\n");
    assertThatThrownBy(() -> ReconCasesReader.read(cases, "id", "ref", List.of("ai"), null))
        .hasMessageStartingWith(cases + ", row 1, column 'ai': 'missing.nii' does not exist");
    assertThatThrownBy(() -> ReconCasesReader.read(cases, "id", "ref", List.of("other"), null))
        .hasMessageStartingWith(cases + ", column 'other': no such column (named by --methods)");
  }
}

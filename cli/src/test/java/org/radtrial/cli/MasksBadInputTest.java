package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.image.Volume;
import org.radtrial.io.image.Nifti;

/**
 * Bad input to {@code radtrial masks} stops with exit code 2 and one line that names the table, the
 * case, the column and the file, and writes nothing: a non-binary mask, a file that is not an
 * image, a SEG whose source series is absent or not named, a PET without its decay information.
 */
class MasksBadInputTest {
  @TempDir Path dir;
  private Path study;
  private String niftiCase;
  private String dicomCase;

  @BeforeEach
  void synth() throws Exception {
    study = dir.resolve("study");
    assertThat(CliRun.of("synth", "--masks", "--cases", "4", "--seed", "4", "--out", study.toString()).exitCode()).isZero();
    List<String> rows = Files.readAllLines(study.resolve("cases.csv"));
    niftiCase = rows.stream().skip(2).filter(l -> !l.contains(".dcm")).findFirst().orElseThrow().split(",")[0];
    dicomCase = rows.stream().filter(l -> l.contains(".dcm")).findFirst().orElseThrow().split(",")[0];
  }

  private String fails(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("masks", "--cases", study.resolve("cases.csv").toString(), "--id",
        "case_id", "--reference", "reference", "--models", "model_close,model_over", "--bootstrap", "100", "--threads", "1",
        "--out", dir.resolve("out").toString()));
    args.addAll(List.of(extra));
    CliRun run = CliRun.of(args.toArray(new String[0]));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(Files.exists(dir.resolve("out/results.json"))).isFalse();
    String error = run.err().substring(run.err().indexOf("radtrial:")); // after the progress bar
    assertThat(error.strip().lines().count()).as(error).isEqualTo(1);
    return error;
  }

  @Test
  void aNonBinaryMaskNamesTheValueAndVoxelAndSuggestsLabel() {
    Path file = study.resolve("masks/" + niftiCase + "_model_close.nii.gz");
    Volume v = Nifti.read(file);
    float[] x = v.voxels().clone();
    x[x.length / 2] = 2;
    Nifti.writeLabels(new Volume(v.grid(), x), file);
    assertThat(fails("--series", "series")).contains("case '" + niftiCase + "'").contains("column 'model_close'")
        .contains("is not a binary mask: value 2 at voxel").contains("--label");
  }

  @Test
  void aMaskWithAFractionalValueIsRefusedWithLabel() {
    Path file = study.resolve("masks/" + niftiCase + "_model_close.nii.gz");
    Volume v = Nifti.read(file);
    float[] x = v.voxels().clone();
    x[x.length / 2] = 0.5f;
    Nifti.writeFloat32(new Volume(v.grid(), x), file);
    assertThat(fails("--series", "series", "--label", "1")).contains("case '" + niftiCase + "'")
        .contains("column 'model_close'").contains("holds 0.5 at voxel").contains("must hold whole numbers");
  }

  @Test
  void aMaskOnATiltedGridIsRefused() {
    Path file = study.resolve("masks/" + niftiCase + "_reference.nii.gz");
    Volume v = Nifti.read(file);
    org.radtrial.core.image.Grid g = v.grid();
    double t = Math.toRadians(20);
    org.radtrial.core.image.Grid tilted = new org.radtrial.core.image.Grid(g.nx(), g.ny(), g.nz(), g.spacing(), g.origin(),
        new double[] {1, 0, 0, 0, 1, 0, 0, Math.sin(t), Math.cos(t)});
    Nifti.writeLabels(new Volume(tilted, v.voxels()), file);
    assertThat(fails("--series", "series")).contains("case '" + niftiCase + "'").contains("column 'reference'")
        .contains("lies on a sheared grid");
  }

  @Test
  void aFileThatIsNotAnImageIsNamed() throws Exception {
    Path file = study.resolve("masks/" + niftiCase + "_model_over.nii.gz");
    Files.write(file, new byte[0]);
    assertThat(fails("--series", "series")).contains("case '" + niftiCase + "'").contains("column 'model_over'")
        .contains(niftiCase + "_model_over.nii.gz");
  }

  @Test
  void aSegWithoutItsSeriesColumnAsksForIt() {
    assertThat(fails()).contains("case '" + dicomCase + "'").contains(dicomCase + "_reference.dcm")
        .contains("a DICOM SEG needs the DICOM series it was drawn on").contains("--series");
  }

  @Test
  void aSegWhoseSourceSeriesIsAbsentIsNamed() throws Exception {
    Path ct = study.resolve("dicom/" + dicomCase + "_ct");
    try (var files = Files.list(ct)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Path other = study.resolve("dicom/other_ct");
    Files.createDirectories(other);
    Files.writeString(study.resolve("cases.csv"), Files.readString(study.resolve("cases.csv"))
        .replace("dicom/" + dicomCase + "_ct", "dicom/other_ct"));
    assertThat(fails("--series", "series")).contains("case '" + dicomCase + "'").contains(dicomCase + "_reference.dcm");
  }

  @Test
  void aPetWithoutItsHalfLifeNamesTheSidecarAndTheField() throws Exception {
    Path sidecar = study.resolve("pet/" + niftiCase + "_pet.json");
    Files.writeString(sidecar, Files.readString(sidecar).replace("\"RadionuclideHalfLife\": 6586.2,", ""));
    assertThat(fails("--series", "series", "--pet", "pet")).contains("case '" + niftiCase + "'").contains("column 'pet'")
        .contains(niftiCase + "_pet.json").contains("RadionuclideHalfLife");
  }

  @Test
  void aPetWithoutSidecarSaysWhatItNeeds() throws Exception {
    Files.delete(study.resolve("pet/" + niftiCase + "_pet.json"));
    assertThat(fails("--series", "series", "--pet", "pet")).contains("column 'pet'").contains("no JSON sidecar")
        .contains("RadionuclideHalfLife");
  }
}

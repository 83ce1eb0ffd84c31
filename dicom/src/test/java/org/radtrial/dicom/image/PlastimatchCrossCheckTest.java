package org.radtrial.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.synth.SyntheticSeries;
import org.radtrial.io.image.Nifti;

/**
 * Live cross-check of the DICOM and NIfTI readers together against an independent converter:
 * Debian's plastimatch (ITK-based) turns a synthetic oblique series into NIfTI, and radtrial reads
 * that NIfTI onto the same grid, voxel for voxel, as it reads the series itself (so the RAS/LPS flip
 * and the slice order agree with ITK's). Skipped where plastimatch is not installed.
 */
class PlastimatchCrossCheckTest {
  @TempDir Path dir;

  @Test
  void plastimatchsNiftiOfASeriesIsTheSeriesRadtrialReads() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/plastimatch")), "plastimatch is not installed (apt-get install plastimatch)");
    for (boolean tilted : new boolean[] {false, true}) {
      Grid grid = tilted ? DicomSeriesTest.oblique(6, false) : rotatedInPlane();
      Path folder = dir.resolve("ct-" + tilted);
      SyntheticSeries.write(folder, DicomSeriesTest.ct(grid, 1), SyntheticSeries.Options.ct(new Random(2)), new Random(3));
      Path nifti = dir.resolve("plastimatch-" + tilted + ".nii.gz");
      Process p = new ProcessBuilder("plastimatch", "convert", "--input", folder.toString(), "--output-img", nifti.toString())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      Volume fromDicom = DicomSeries.read(folder).volume();
      Volume fromNifti = Nifti.read(nifti);
      assertThat(fromNifti.grid().differencesFrom(fromDicom.grid())).as("tilted " + tilted).isEmpty();
      assertThat(fromNifti.grid().direction()).containsExactly(fromDicom.grid().direction(), within(1e-6));
      assertThat(fromNifti.voxels()).as("tilted " + tilted).containsExactly(fromDicom.voxels());
    }
  }

  private static Grid rotatedInPlane() {
    double c = Math.cos(0.3);
    double s = Math.sin(0.3);
    return new Grid(7, 5, 6, new double[] {0.7, 0.8, 2.5}, new double[] {-120.25, 33.5, 40}, new double[] {c, s, 0, -s, c, 0, 0, 0, 1});
  }
}

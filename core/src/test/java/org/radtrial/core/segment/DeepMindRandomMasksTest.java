package org.radtrial.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/**
 * Every value of DeepMind's surface-distance library on 14 random pairs of ellipsoid masks with
 * anisotropic spacing (including masks cut by the image's edge), as printed by
 * {@code src/test/reference/segment/deepmind_random_masks.py} (run by hand with the library,
 * commit 1f805ce, and scipy 1.10; output committed beside it), to 1e-9.
 */
class DeepMindRandomMasksTest {

  @Test
  void everyValueMatchesTheLibrary() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("src/test/reference/segment/deepmind_random_masks.out"));
    assertThat(lines).hasSize(14);
    for (String line : lines) {
      String[] f = line.trim().split(" ");
      int at = 0;
      int nx = Integer.parseInt(f[at++]);
      int ny = Integer.parseInt(f[at++]);
      int nz = Integer.parseInt(f[at++]);
      double[] s = {Double.parseDouble(f[at++]), Double.parseDouble(f[at++]), Double.parseDouble(f[at++])};
      Grid grid = new Grid(nx, ny, nz, s, new double[3], Grid.AXIAL);
      Volume[] masks = new Volume[2];
      for (int m = 0; m < 2; m++) {
        int count = Integer.parseInt(f[at++]);
        float[] x = new float[grid.size()];
        for (int e = 0; e < count; e++) {
          double[] p = new double[6];
          for (int t = 0; t < 6; t++) {
            p[t] = Double.parseDouble(f[at++]);
          }
          for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
              for (int i = 0; i < nx; i++) {
                double a = (i - p[0]) / p[3];
                double b = (j - p[1]) / p[4];
                double c = (k - p[2]) / p[5];
                if (a * a + b * b + c * c <= 1) {
                  x[grid.index(i, j, k)] = 1;
                }
              }
            }
          }
        }
        masks[m] = new Volume(grid, x);
      }
      double[] expected = new double[f.length - at];
      for (int t = 0; t < expected.length; t++) {
        expected[t] = Double.parseDouble(f[at + t]);
      }
      SurfaceDistances d = SurfaceDistances.of(masks[0], masks[1], 1);
      double[] actual = {
        d.averageSurfaceDistances()[0], d.averageSurfaceDistances()[1],
        d.robustHausdorff(100), d.robustHausdorff(95), d.robustHausdorff(50),
        d.surfaceOverlapAtTolerance(1)[0], d.surfaceOverlapAtTolerance(1)[1],
        d.surfaceDiceAtTolerance(1), d.surfaceDiceAtTolerance(2.5),
        MaskComparison.compare(masks[0], masks[1], 1, 1).dice()};
      for (int t = 0; t < actual.length; t++) {
        assertThat(actual[t]).as("value %d of %s", t, line).isCloseTo(expected[t], within(1e-9 * (1 + Math.abs(expected[t]))));
      }
    }
  }
}

package org.radtrial.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.Python;

/** The exact distance transform against brute force, and live against scipy's. */
class DistanceTransformTest {

  private static double[] bruteForce(boolean[] f, int nx, int ny, int nz, double[] s) {
    double[] out = new double[f.length];
    for (int v = 0; v < f.length; v++) {
      int i = v % nx;
      int j = (v / nx) % ny;
      int k = v / (nx * ny);
      double best = Double.POSITIVE_INFINITY;
      for (int w = 0; w < f.length; w++) {
        if (f[w]) {
          double a = (i - w % nx) * s[0];
          double b = (j - (w / nx) % ny) * s[1];
          double c = (k - w / (nx * ny)) * s[2];
          best = Math.min(best, a * a + b * b + c * c);
        }
      }
      out[v] = best;
    }
    return out;
  }

  private static boolean[] random(Random r, int n, double density) {
    boolean[] f = new boolean[n];
    for (int v = 0; v < n; v++) {
      f[v] = r.nextDouble() < density;
    }
    return f;
  }

  @Test
  void equalsBruteForceOnRandomImagesWithAnisotropicSpacing() {
    Random r = new Random(20240611);
    for (int trial = 0; trial < 60; trial++) {
      int nx = 1 + r.nextInt(12);
      int ny = 1 + r.nextInt(12);
      int nz = 1 + r.nextInt(12);
      double[] s = {0.3 + 3 * r.nextDouble(), 0.3 + 3 * r.nextDouble(), 0.3 + 3 * r.nextDouble()};
      boolean[] f = random(r, nx * ny * nz, trial % 3 == 0 ? 0.01 : 0.15);
      double[] expected = bruteForce(f, nx, ny, nz, s);
      double[] actual = DistanceTransform.squared(f, nx, ny, nz, s);
      for (int v = 0; v < f.length; v++) {
        if (Double.isInfinite(expected[v])) {
          assertThat(actual[v]).isInfinite();
        } else {
          assertThat(actual[v]).as("trial %d voxel %d", trial, v).isCloseTo(expected[v], within(1e-9 * (1 + expected[v])));
        }
      }
    }
  }

  @Test
  void noFeatureIsInfiniteEverywhereAndOneFeatureIsItsDistance() {
    double[] none = DistanceTransform.squared(new boolean[27], 3, 3, 3, new double[] {1, 1, 1});
    assertThat(none).containsOnly(Double.POSITIVE_INFINITY);
    boolean[] one = new boolean[4 * 5 * 6];
    one[1 + 4 * (2 + 5 * 3)] = true;
    double[] d = DistanceTransform.squared(one, 4, 5, 6, new double[] {0.5, 2, 3});
    // voxel (3, 0, 5): (2·0.5)² + (2·2)² + (2·3)² = 1 + 16 + 36
    assertThat(d[3 + 4 * (0 + 5 * 5)]).isEqualTo(53.0);
  }

  @Test
  void agreesWithScipyOnRandomImages(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Python.hasModule("scipy.ndimage"),
        "Debian's python3-scipy is not installed (apt-get install python3-scipy): live cross-check skipped");
    Path script = Path.of("src/test/reference/segment/scipy_edt.py").toAbsolutePath();
    Random r = new Random(7);
    for (int trial = 0; trial < 8; trial++) {
      int nx = 20 + r.nextInt(40);
      int ny = 20 + r.nextInt(40);
      int nz = 5 + r.nextInt(30);
      double[] s = {0.4 + 2 * r.nextDouble(), 0.4 + 2 * r.nextDouble(), 0.5 + 4 * r.nextDouble()};
      boolean[] f = random(r, nx * ny * nz, new double[] {0.001, 0.02, 0.3}[trial % 3]);
      f[r.nextInt(f.length)] = true;
      byte[] bytes = new byte[f.length];
      for (int v = 0; v < f.length; v++) {
        bytes[v] = (byte) (f[v] ? 1 : 0);
      }
      Path in = dir.resolve("f" + trial + ".u8");
      Path out = dir.resolve("d" + trial + ".f8");
      Files.write(in, bytes);
      Path params = dir.resolve("p" + trial + ".txt");
      Files.writeString(params, String.join(" ", in.toString(), "" + nx, "" + ny, "" + nz, "" + s[0], "" + s[1], "" + s[2],
          out.toString()));
      Python.run(script, params, 120);
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
      double[] ours = DistanceTransform.squared(f, nx, ny, nz, s);
      for (int v = 0; v < f.length; v++) {
        double scipy = b.getDouble();
        assertThat(Math.sqrt(ours[v])).as("trial %d voxel %d", trial, v).isCloseTo(scipy, within(1e-9 * (1 + scipy)));
      }
    }
  }
}

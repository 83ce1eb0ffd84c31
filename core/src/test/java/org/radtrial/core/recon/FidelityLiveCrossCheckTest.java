package org.radtrial.core.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/**
 * Live cross-check against scikit-image on random volumes of odd, non-square sizes (bright blobs
 * on a background that may be negative, as CT's is, plus noise), each with three candidates (added
 * noise, a blurred copy, a shifted copy), random lesion boxes, a random label mask and a uniform box:
 * the test writes them, runs src/test/reference/recon/fidelity_skimage.py on them and compares
 * every value as FidelityReferenceTest does.
 *
 * <p>Needs a Python 3 with scikit-image, SciPy and NumPy (Debian: python3-skimage, installed by
 * .ci/run); skipped, and reported as skipped, where there is none. FidelityReferenceTest needs no Python.
 */
class FidelityLiveCrossCheckTest {
  private static final Path SCRIPT = Path.of("src/test/reference/recon/fidelity_skimage.py");
  @TempDir Path dir;

  @Test
  void fidelityMatchesScikitImageOnRandomVolumes() throws Exception {
    Optional<String> python = Python.withScikitImage();
    assumeTrue(python.isPresent(), "no Python 3 with scikit-image here (apt-get install python3-skimage)");
    SplittableRandom random = new SplittableRandom(20260517);
    int[][] sizes = {{37, 23, 5}, {7, 7, 2}, {64, 41, 3}, {9, 30, 4}};
    StringBuilder manifest = new StringBuilder("volume,candidate,nx,ny,nz,file\n");
    StringBuilder rois = new StringBuilder("volume,kind,i0,j0,k0,i1,j1,k1\n");
    Map<String, RealImages.Entry> entries = new LinkedHashMap<>();
    for (int n = 0; n < sizes.length; n++) {
      String name = "random" + n;
      Grid grid = Grid.of(sizes[n][0], sizes[n][1], sizes[n][2], 1, 1, 1);
      float[] ref = phantom(grid, random, n % 2 == 0 ? -1000 : 0);
      Map<String, Volume> candidates = new LinkedHashMap<>();
      candidates.put("noisy", new Volume(grid, noisy(ref, random, 30)));
      candidates.put("blurred", new Volume(grid, blurred(grid, ref)));
      candidates.put("shifted", new Volume(grid, shifted(grid, ref)));
      float[] mask = new float[grid.size()];
      for (int i = 0; i < mask.length; i++) {
        mask[i] = random.nextInt(10) == 0 ? 1 + random.nextInt(3) : 0;
      }
      List<VoxelBox> lesions = List.of(box(grid, random), box(grid, random));
      List<VoxelBox> uniform = List.of(new VoxelBox(0, 0, 0, 1 + random.nextInt(grid.nx() - 1), random.nextInt(grid.ny()), 0));
      Volume reference = new Volume(grid, ref);
      Volume labels = new Volume(grid, mask);
      entries.put(name, new RealImages.Entry(name, reference, labels, candidates, lesions, uniform));
      write(manifest, name, "reference", reference);
      write(manifest, name, "mask", labels);
      for (var c : candidates.entrySet()) {
        write(manifest, name, c.getKey(), c.getValue());
      }
      for (VoxelBox b : lesions) {
        rois.append(name).append(",lesion,").append(csv(b)).append('\n');
      }
      rois.append(name).append(",uniform,").append(csv(uniform.get(0))).append('\n');
    }
    Files.writeString(dir.resolve("manifest.csv"), manifest);
    Files.writeString(dir.resolve("rois.csv"), rois);
    List<String> lines = Python.run(python.get(), 600, SCRIPT.toString(), "live", dir.resolve("manifest.csv").toString());
    double[] worst = ReferenceLines.assertMatch(lines, entries, 1e-6);
    assertThat(worst[2]).as("values compared").isGreaterThan(200);
    assertThat(worst[0]).as("largest absolute difference").isLessThan(1e-9);
  }

  private void write(StringBuilder manifest, String volume, String what, Volume v) throws Exception {
    String file = volume + "-" + what + ".i16.gz";
    RealImages.write(dir.resolve(file), v);
    Grid g = v.grid();
    manifest.append(volume).append(',').append(what).append(',').append(g.nx()).append(',').append(g.ny()).append(',')
        .append(g.nz()).append(',').append(file).append('\n');
  }

  private static String csv(VoxelBox b) {
    return b.i0() + "," + b.j0() + "," + b.k0() + "," + b.i1() + "," + b.j1() + "," + b.k1();
  }

  private static VoxelBox box(Grid g, SplittableRandom r) {
    int i0 = r.nextInt(g.nx());
    int j0 = r.nextInt(g.ny());
    int k0 = r.nextInt(g.nz());
    return new VoxelBox(i0, j0, k0, i0 + r.nextInt(g.nx() - i0), j0 + r.nextInt(g.ny() - j0), k0 + r.nextInt(g.nz() - k0));
  }

  private static float[] phantom(Grid g, SplittableRandom r, int background) {
    float[] v = new float[g.size()];
    double[][] blobs = new double[6][];
    for (int b = 0; b < blobs.length; b++) {
      blobs[b] = new double[] {r.nextDouble() * g.nx(), r.nextDouble() * g.ny(), 1 + r.nextDouble() * 6, 200 + r.nextInt(1500)};
    }
    for (int k = 0; k < g.nz(); k++) {
      for (int j = 0; j < g.ny(); j++) {
        for (int i = 0; i < g.nx(); i++) {
          double x = background + 1000;
          for (double[] b : blobs) {
            double d2 = (i - b[0]) * (i - b[0]) + (j - b[1]) * (j - b[1]);
            x += b[3] * Math.exp(-d2 / (2 * b[2] * b[2]));
          }
          v[g.index(i, j, k)] = (float) Math.rint(x + 20 * r.nextGaussian() + 5 * k);
        }
      }
    }
    return v;
  }

  private static float[] noisy(float[] ref, SplittableRandom r, double sd) {
    float[] v = new float[ref.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) Math.rint(ref[i] + sd * r.nextGaussian());
    }
    return v;
  }

  private static float[] blurred(Grid g, float[] ref) {
    float[] v = new float[ref.length];
    for (int k = 0; k < g.nz(); k++) {
      for (int j = 0; j < g.ny(); j++) {
        for (int i = 0; i < g.nx(); i++) {
          double s = 0;
          int n = 0;
          for (int dj = -1; dj <= 1; dj++) {
            for (int di = -1; di <= 1; di++) {
              int ii = i + di;
              int jj = j + dj;
              if (ii >= 0 && jj >= 0 && ii < g.nx() && jj < g.ny()) {
                s += ref[g.index(ii, jj, k)];
                n++;
              }
            }
          }
          v[g.index(i, j, k)] = (float) Math.rint(s / n);
        }
      }
    }
    return v;
  }

  private static float[] shifted(Grid g, float[] ref) {
    float[] v = new float[ref.length];
    for (int k = 0; k < g.nz(); k++) {
      for (int j = 0; j < g.ny(); j++) {
        for (int i = 0; i < g.nx(); i++) {
          v[g.index(i, j, k)] = ref[g.index(Math.min(i + 1, g.nx() - 1), j, k)];
        }
      }
    }
    return v;
  }
}

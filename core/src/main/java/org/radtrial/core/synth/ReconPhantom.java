package org.radtrial.core.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.core.recon.VoxelBox;

/**
 * A SYNTHETIC digital phantom for {@code radtrial recon}: per case, an elliptical body (100) on air
 * (0) with a few bright spherical lesions of several sizes (radius 1.5 to 6 voxels, +60), imaged
 * four ways:
 *
 * <ul>
 *   <li>{@code reference}: the phantom with mild noise (SD 2), the standard full acquisition;
 *   <li>{@code fast}: the shortened acquisition without AI: a ghost of the body (an undersampling
 *       artefact, the image shifted by half the field of view along the rows at 15%) and noise (SD 10);
 *   <li>{@code ai_smooth}: an AI that denoises well but smooths away the small lesions (radius ≤ 2.5 voxels
 *       erased, then a 3×3 blur): its whole-image metrics look fine, its lesion-region metrics do not;
 *   <li>{@code ai_drift}: an AI that keeps every lesion but darkens the last three slices by 25% (an
 *       intensity drift between slices), seen in its lowest slice SSIM and its worst-case thumbnails.
 * </ul>
 *
 * Each lesion's box (its bounding box plus one voxel) is a lesion region; a box in the body away
 * from the lesions is the uniform region. Nothing here comes from a patient.
 */
public final class ReconPhantom {
  /** The four images of a case, in this order. */
  public static final List<String> IMAGES = List.of("reference", "fast", "ai_smooth", "ai_drift");
  /** Lesions of at most this radius (voxels) are erased by {@code ai_smooth}. */
  public static final double SMALL_RADIUS = 2.5;

  private static final double[] RADII = {1.5, 2, 3, 4.5, 6};

  private ReconPhantom() {}

  /** One lesion: centre (voxels) and radius. */
  public record Lesion(double i, double j, double k, double radius) {}

  /** One case: its images (in {@link #IMAGES} order), lesions, lesion boxes and uniform box. */
  public record Case(String id, List<Volume> images, List<Lesion> lesions, List<VoxelBox> lesionBoxes, VoxelBox uniform) {}

  /** A case with lesions on an nx × ny × nz grid of 1 mm voxels (at least 48 × 48 × 6). */
  public static Case generate(String id, int nx, int ny, int nz, long seed) {
    return generate(id, nx, ny, nz, seed, true);
  }

  /**
   * A case on an nx × ny × nz grid of 1 mm voxels (at least 48 × 48 × 6), with 1 to 4 lesions (the first
   * small) or, when {@code lesions} is false, none: the normal cases of the task-based comparison.
   */
  public static Case generate(String id, int nx, int ny, int nz, long seed, boolean withLesions) {
    if (nx < 48 || ny < 48 || nz < 6) {
      throw new IllegalArgumentException("the phantom needs at least 48 x 48 x 6 voxels, was " + nx + " x " + ny + " x " + nz);
    }
    SplittableRandom random = new SplittableRandom(seed);
    Grid grid = Grid.of(nx, ny, nz, 1, 1, 1);
    double ci = nx / 2.0;
    double cj = ny / 2.0;
    double ai = nx * 0.42;
    double aj = ny * 0.36;
    List<Lesion> lesions = new ArrayList<>();
    int count = withLesions ? 1 + random.nextInt(4) : 0;
    for (int n = 0; n < count; n++) {
      // every case has at least one small lesion
      double r = n == 0 ? RADII[random.nextInt(2)] : RADII[(n + random.nextInt(RADII.length)) % RADII.length];
      for (int attempt = 0; attempt < 200; attempt++) {
        double li = ci + (random.nextDouble() * 2 - 1) * (ai - r - 4) * 0.8;
        double lj = cj + (random.nextDouble() * 2 - 1) * (aj - r - 4) * 0.8;
        double lk = r + 1 + random.nextDouble() * Math.max(0, nz - 2 * r - 2);
        Lesion candidate = new Lesion(li, lj, Math.min(lk, nz - 1.0), r);
        boolean apart = lesions.stream().allMatch(o -> Math.hypot(o.i() - li, o.j() - lj) > o.radius() + r + 4)
            && Math.abs(li - ci) > 8;
        if (apart) {
          lesions.add(candidate);
          break;
        }
      }
    }
    float[] truth = new float[grid.size()];
    float[] noSmall = new float[grid.size()];
    for (int k = 0; k < nz; k++) {
      for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
          double e = Math.pow((i - ci) / ai, 2) + Math.pow((j - cj) / aj, 2);
          double v = e <= 1 ? 100 : 0;
          double small = v;
          for (Lesion l : lesions) {
            double d = Math.sqrt(Math.pow(i - l.i(), 2) + Math.pow(j - l.j(), 2) + Math.pow(k - l.k(), 2));
            if (d <= l.radius()) {
              v += 60;
              if (l.radius() > SMALL_RADIUS) {
                small += 60;
              }
            }
          }
          truth[grid.index(i, j, k)] = (float) v;
          noSmall[grid.index(i, j, k)] = (float) small;
        }
      }
    }
    float[] reference = noisy(truth, random, 2);
    float[] fast = new float[truth.length];
    for (int k = 0; k < nz; k++) {
      for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
          fast[grid.index(i, j, k)] = truth[grid.index(i, j, k)] + 0.15f * truth[grid.index(i, (j + ny / 2) % ny, k)];
        }
      }
    }
    fast = noisy(fast, random, 10);
    float[] smooth = noisy(blur(grid, noSmall), random, 1);
    float[] drift = noisy(truth, random, 2.5);
    for (int k = nz - 3; k < nz; k++) {
      for (int p = k * nx * ny; p < (k + 1) * nx * ny; p++) {
        drift[p] *= 0.75f;
      }
    }
    List<VoxelBox> boxes = new ArrayList<>();
    for (Lesion l : lesions) {
      boxes.add(new VoxelBox(clamp(l.i() - l.radius() - 1, nx), clamp(l.j() - l.radius() - 1, ny),
          clamp(l.k() - l.radius() - 1, nz), clamp(l.i() + l.radius() + 1, nx), clamp(l.j() + l.radius() + 1, ny),
          clamp(l.k() + l.radius() + 1, nz)));
    }
    // the uniform region: a box on the body's vertical midline, where no lesion lies (|i - ci| > 8 for lesions)
    VoxelBox uniform = new VoxelBox((int) ci - 3, (int) (cj - aj * 0.5), 0, (int) ci + 3, (int) (cj + aj * 0.5), nz - 1);
    return new Case(id, List.of(new Volume(grid, reference), new Volume(grid, fast), new Volume(grid, smooth),
        new Volume(grid, drift)), lesions, boxes, uniform);
  }

  /** A synthetic detector's mark: where (voxel indices) and how suspicious. */
  public record Mark(int i, int j, int k, double confidence) {}

  /**
   * A SYNTHETIC lesion detector's marks on one image: the means over 3×3×3 voxels inside the body's
   * inner part, above the body's mean there; its highest local peaks (at least 6 voxels apart), at most
   * {@code count}. A lesion raises a peak; a lesion an image has lost does not. For the task-based
   * comparison through {@code radtrial evaluate} (the highest mark as the case's score) and
   * {@code radtrial lesions --marks} (every mark).
   */
  public static List<Mark> detectorMarks(Volume image, int count) {
    Grid g = image.grid();
    float[] v = image.voxels();
    double ci = g.nx() / 2.0;
    double cj = g.ny() / 2.0;
    double ai = g.nx() * 0.42 - 3;
    double aj = g.ny() * 0.36 - 3;
    double sum = 0;
    int n = 0;
    double[] local = new double[g.size()];
    java.util.Arrays.fill(local, Double.NEGATIVE_INFINITY);
    for (int k = 1; k < g.nz() - 1; k++) {
      for (int j = 1; j < g.ny() - 1; j++) {
        for (int i = 1; i < g.nx() - 1; i++) {
          if (Math.pow((i - ci) / ai, 2) + Math.pow((j - cj) / aj, 2) > 1) {
            continue;
          }
          double s = 0;
          for (int dk = -1; dk <= 1; dk++) {
            for (int dj = -1; dj <= 1; dj++) {
              for (int di = -1; di <= 1; di++) {
                s += v[g.index(i + di, j + dj, k + dk)];
              }
            }
          }
          local[g.index(i, j, k)] = s / 27;
          sum += v[g.index(i, j, k)];
          n++;
        }
      }
    }
    double mean = sum / n;
    List<Mark> marks = new ArrayList<>();
    while (marks.size() < count) {
      int best = -1;
      for (int p = 0; p < local.length; p++) {
        if (local[p] > Double.NEGATIVE_INFINITY && (best < 0 || local[p] > local[best])) {
          int i = p % g.nx();
          int j = (p / g.nx()) % g.ny();
          int k = p / (g.nx() * g.ny());
          boolean apart = marks.stream().allMatch(m -> Math.pow(m.i() - i, 2) + Math.pow(m.j() - j, 2)
              + Math.pow(m.k() - k, 2) > 36);
          if (apart) {
            best = p;
          } else {
            local[p] = Double.NEGATIVE_INFINITY;
          }
        }
      }
      if (best < 0) {
        break;
      }
      marks.add(new Mark(best % g.nx(), (best / g.nx()) % g.ny(), best / (g.nx() * g.ny()), local[best] - mean));
      local[best] = Double.NEGATIVE_INFINITY;
    }
    return marks;
  }

  /** The detector's suspicion score for a case: its highest mark's confidence. */
  public static double detectorScore(Volume image) {
    List<Mark> marks = detectorMarks(image, 1);
    return marks.isEmpty() ? 0 : marks.get(0).confidence();
  }

  private static int clamp(double v, int n) {
    return (int) Math.max(0, Math.min(n - 1, Math.round(v)));
  }

  private static float[] noisy(float[] v, SplittableRandom random, double sd) {
    float[] out = new float[v.length];
    for (int p = 0; p < v.length; p++) {
      out[p] = (float) (v[p] + sd * gaussian(random));
    }
    return out;
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** A 3×3 in-plane box blur (edges use the voxels that exist). */
  private static float[] blur(Grid g, float[] v) {
    float[] out = new float[v.length];
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
                s += v[g.index(ii, jj, k)];
                n++;
              }
            }
          }
          out[g.index(i, j, k)] = (float) (s / n);
        }
      }
    }
    return out;
  }
}

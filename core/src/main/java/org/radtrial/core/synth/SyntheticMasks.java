package org.radtrial.core.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/**
 * A SYNTHETIC segmentation study (no patient): per case a reference mask of one to three lesions
 * (spheres and ellipsoids, some below 1 mL), three models' masks with distinct, known faults, and a
 * PET volume in SUV. Models:
 *
 * <ul>
 *   <li>{@code model_close}: every lesion, its centre moved by up to one voxel and each radius
 *       scaled by 0.9–1.1: high Dice, small distances;
 *   <li>{@code model_over}: every lesion 2 mm wider along each radius (over-segments: larger
 *       volumes, positive volume difference), plus a small false lesion in the case without any;
 *   <li>{@code model_misses_small}: as close as {@code model_close}, but lesions under 1 mL are
 *       missed entirely (Dice 0 and undefined distances on cases with only small lesions).
 * </ul>
 *
 * Case 0 has no lesion (an empty reference). The PET background is SUV 1 with noise, lesions 4–12.
 * Grids are 64 × 64 × 40 voxels of 1 × 1 × 2 mm, the same for every mask of a case. The same seed
 * gives the same study.
 */
public final class SyntheticMasks {
  /** The models' names, in order. */
  public static final List<String> MODELS = List.of("model_close", "model_over", "model_misses_small");

  /** The sites cycled over cases, for the subgroup breakdown. */
  public static final List<String> SITES = List.of("site_a", "site_b");

  private final long seed;

  public SyntheticMasks(long seed) {
    this.seed = seed;
  }

  /**
   * One case.
   *
   * @param id its id
   * @param site its site
   * @param reference the reference mask (0/1)
   * @param models each model's mask, in {@link #MODELS} order
   * @param pet SUV
   * @param smallOnly whether every lesion is under 1 mL (the case {@code model_misses_small} misses whole)
   */
  public record Case(String id, String site, Volume reference, List<Volume> models, Volume pet, boolean smallOnly) {}

  private record Ellipsoid(double ci, double cj, double ck, double ri, double rj, double rk, double suv) {
    /** Volume in mL with radii in mm. */
    double ml() {
      return 4.0 / 3 * Math.PI * ri * rj * rk / 1000.0;
    }
  }

  /** Case {@code index} (0 = the case without lesion). */
  public Case generate(int index) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
    Grid grid = new Grid(64, 64, 40, new double[] {1, 1, 2}, new double[] {-32, -32, -40}, Grid.AXIAL);
    List<Ellipsoid> lesions = new ArrayList<>();
    int count = index == 0 ? 0 : 1 + r.nextInt(3);
    boolean smallCase = index % 5 == 4;
    for (int l = 0; l < count; l++) {
      boolean small = smallCase || r.nextDouble() < 0.25;
      double base = small ? 3 + 2.5 * r.nextDouble() : 7 + 7 * r.nextDouble(); // mm
      boolean sphere = r.nextBoolean();
      double ri = base;
      double rj = sphere ? base : base * (0.7 + 0.6 * r.nextDouble());
      double rk = sphere ? base : base * (0.7 + 0.6 * r.nextDouble());
      // centres in mm, kept inside the image
      double ci = 18 + (64 - 36) * r.nextDouble();
      double cj = 18 + (64 - 36) * r.nextDouble();
      double ck = 20 + (80 - 40) * r.nextDouble();
      lesions.add(new Ellipsoid(ci, cj, ck, ri, rj, rk, 4 + 8 * r.nextDouble()));
    }
    Volume reference = draw(grid, lesions);
    List<Ellipsoid> close = new ArrayList<>();
    for (Ellipsoid e : lesions) {
      close.add(new Ellipsoid(e.ci + r.nextDouble() * 2 - 1, e.cj + r.nextDouble() * 2 - 1, e.ck + r.nextDouble() * 4 - 2,
          e.ri * (0.9 + 0.2 * r.nextDouble()), e.rj * (0.9 + 0.2 * r.nextDouble()), e.rk * (0.9 + 0.2 * r.nextDouble()),
          e.suv));
    }
    List<Ellipsoid> over = new ArrayList<>();
    for (Ellipsoid e : lesions) {
      over.add(new Ellipsoid(e.ci, e.cj, e.ck, e.ri + 2, e.rj + 2, e.rk + 2, e.suv));
    }
    if (lesions.isEmpty()) {
      over.add(new Ellipsoid(40, 24, 40, 3, 3, 3, 1));
    }
    List<Ellipsoid> missing = close.stream().filter(e -> e.ml() >= 1.0).toList();
    List<Volume> models = List.of(draw(grid, close), draw(grid, over), draw(grid, missing));
    boolean smallOnly = !lesions.isEmpty() && lesions.stream().allMatch(e -> e.ml() < 1.0);
    return new Case(String.format(java.util.Locale.ROOT, "case%03d", index), SITES.get(index % SITES.size()), reference,
        models, pet(grid, lesions, r), smallOnly);
  }

  /** 1 inside any ellipsoid (voxel centres in mm from the image's corner voxel), 0 elsewhere. */
  private static Volume draw(Grid g, List<Ellipsoid> shapes) {
    float[] x = new float[g.size()];
    for (Ellipsoid e : shapes) {
      fill(g, e, x, 1f, false);
    }
    return new Volume(g, x);
  }

  private static void fill(Grid g, Ellipsoid e, float[] x, float value, boolean add) {
    for (int k = 0; k < g.nz(); k++) {
      for (int j = 0; j < g.ny(); j++) {
        for (int i = 0; i < g.nx(); i++) {
          double a = (i * g.spacing(0) - e.ci) / e.ri;
          double b = (j * g.spacing(1) - e.cj) / e.rj;
          double c = (k * g.spacing(2) - e.ck) / e.rk;
          if (a * a + b * b + c * c <= 1) {
            int at = g.index(i, j, k);
            x[at] = add ? Math.max(x[at], value) : value;
          }
        }
      }
    }
  }

  private static Volume pet(Grid g, List<Ellipsoid> lesions, SplittableRandom r) {
    float[] x = new float[g.size()];
    for (int v = 0; v < x.length; v++) {
      x[v] = (float) Math.max(0, 1 + 0.15 * gaussian(r));
    }
    for (Ellipsoid e : lesions) {
      fill(g, e, x, (float) e.suv, true);
    }
    return new Volume(g, x);
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

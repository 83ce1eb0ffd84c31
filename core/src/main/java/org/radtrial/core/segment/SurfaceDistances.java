package org.radtrial.core.segment;

import org.radtrial.core.image.Volume;

/**
 * From every surface element of the reference to the prediction's surface and back: the closest
 * distances in mm with each element's area, sorted by distance. The definitions are those of
 * DeepMind's surface-distance library ({@code surface_distance/metrics.py}, Nikolov et al. 2021,
 * "Clinically applicable segmentation of head and neck anatomy for radiotherapy", JMIR 23:e26151):
 * surfaces are {@link Surface}'s area-weighted corners, distances are exact Euclidean distances
 * between corners in mm ({@link DistanceTransform}), and every summary weighs an element by its
 * area. The methods here are the library's functions of the same names, with the same results on
 * empty surfaces (+∞ distances, NaN averages); how empty masks enter a study's figures is
 * {@link EmptyMasks}' rule, not these.
 */
public final class SurfaceDistances {
  private final double[] referenceToPrediction;
  private final double[] referenceAreas;
  private final double[] predictionToReference;
  private final double[] predictionAreas;

  private SurfaceDistances(double[] rp, double[] ra, double[] pr, double[] pa) {
    this.referenceToPrediction = rp;
    this.referenceAreas = ra;
    this.predictionToReference = pr;
    this.predictionAreas = pa;
  }

  /** The surface distances between two masks given as flags on an nx × ny × nz image. */
  public static SurfaceDistances of(boolean[] reference, boolean[] prediction, int nx, int ny, int nz, double[] spacing) {
    if (reference.length != prediction.length || reference.length != (long) nx * ny * nz) {
      throw new IllegalArgumentException("the two masks must both have " + (long) nx * ny * nz + " voxels");
    }
    Crop crop = Crop.of(reference, prediction, nx, ny, nz);
    return crop == null ? empty() : of(crop, spacing);
  }

  /** The surface distances between the voxels equal to {@code label} in two volumes on one grid. */
  public static SurfaceDistances of(Volume reference, Volume prediction, int label) {
    MaskComparison.requireSameGrid(reference, prediction);
    Crop crop = Crop.of(reference, prediction, label);
    return crop == null ? empty() : of(crop, reference.grid().spacing());
  }

  static SurfaceDistances empty() {
    return new SurfaceDistances(new double[0], new double[0], new double[0], new double[0]);
  }

  static SurfaceDistances of(Crop crop, double[] spacing) {
    double[] areaOfCode = SurfelTable.areas(spacing);
    Surface ref = Surface.of(crop.a, crop.cx, crop.cy, crop.cz, areaOfCode);
    Surface pred = Surface.of(crop.b, crop.cx, crop.cy, crop.cz, areaOfCode);
    double[] rp = directed(ref, pred, crop, spacing);
    double[] pr = directed(pred, ref, crop, spacing);
    double[] ra = ref.areas.clone();
    double[] pa = pred.areas.clone();
    PairSort.sort(rp, ra);
    PairSort.sort(pr, pa);
    return new SurfaceDistances(rp, ra, pr, pa);
  }

  /** From each element of {@code from} to the nearest element of {@code to}: +∞ when {@code to} is empty. */
  private static double[] directed(Surface from, Surface to, Crop crop, double[] spacing) {
    double[] out = new double[from.corners.length];
    if (to.isEmpty()) {
      java.util.Arrays.fill(out, Double.POSITIVE_INFINITY);
      return out;
    }
    double[] squared = DistanceTransform.squared(to.border, crop.cx + 1, crop.cy + 1, crop.cz + 1, spacing);
    for (int e = 0; e < out.length; e++) {
      out[e] = Math.sqrt(squared[from.corners[e]]);
    }
    return out;
  }

  /** Distances from the reference's surface elements to the prediction's surface, ascending. */
  public double[] referenceToPrediction() {
    return referenceToPrediction.clone();
  }

  /** The reference's surface element areas in mm², in the order of {@link #referenceToPrediction}. */
  public double[] referenceAreas() {
    return referenceAreas.clone();
  }

  /** Distances from the prediction's surface elements to the reference's surface, ascending. */
  public double[] predictionToReference() {
    return predictionToReference.clone();
  }

  /** The prediction's surface element areas in mm², in the order of {@link #predictionToReference}. */
  public double[] predictionAreas() {
    return predictionAreas.clone();
  }

  /** Total surface area of the reference in mm². */
  public double referenceArea() {
    return sum(referenceAreas);
  }

  /** Total surface area of the prediction in mm². */
  public double predictionArea() {
    return sum(predictionAreas);
  }

  /**
   * The area-weighted mean distance from the reference's surface to the prediction's and back
   * ({@code compute_average_surface_distance}): {reference → prediction, prediction → reference};
   * NaN for an empty surface, +∞ when the other surface is empty.
   */
  public double[] averageSurfaceDistances() {
    return new double[] {weightedMean(referenceToPrediction, referenceAreas), weightedMean(predictionToReference, predictionAreas)};
  }

  /**
   * The robust Hausdorff distance ({@code compute_robust_hausdorff}): for each direction the
   * smallest distance at which the cumulative area of the sorted elements, as a fraction of the
   * surface's area, reaches {@code percent}/100 (numpy's {@code searchsorted}, side left, on the
   * cumulative sum), the last distance if it never does; the larger of the two directions. +∞
   * when either surface is empty. {@code percent} = 100 gives the Hausdorff distance.
   */
  public double robustHausdorff(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("a percentile lies in [0, 100], found " + percent);
    }
    return Math.max(percentile(referenceToPrediction, referenceAreas, percent),
        percentile(predictionToReference, predictionAreas, percent));
  }

  /**
   * The fraction of each surface's area within {@code toleranceMm} of the other
   * ({@code compute_surface_overlap_at_tolerance}): {reference, prediction}; NaN for an empty
   * surface.
   */
  public double[] surfaceOverlapAtTolerance(double toleranceMm) {
    return new double[] {
      within(referenceToPrediction, referenceAreas, toleranceMm) / sum(referenceAreas),
      within(predictionToReference, predictionAreas, toleranceMm) / sum(predictionAreas)};
  }

  /**
   * The normalized surface Dice at a tolerance ({@code compute_surface_dice_at_tolerance}): the
   * area of both surfaces within {@code toleranceMm} of the other over their total area; NaN when
   * both are empty.
   */
  public double surfaceDiceAtTolerance(double toleranceMm) {
    double overlap = within(referenceToPrediction, referenceAreas, toleranceMm)
        + within(predictionToReference, predictionAreas, toleranceMm);
    return overlap / (sum(referenceAreas) + sum(predictionAreas));
  }

  /**
   * The average symmetric surface distance: every element's distance to the other surface,
   * weighted by its area, over both surfaces' total area.
   */
  public double averageSymmetricSurfaceDistance() {
    double weighted = 0;
    for (int e = 0; e < referenceToPrediction.length; e++) {
      weighted += referenceToPrediction[e] * referenceAreas[e];
    }
    for (int e = 0; e < predictionToReference.length; e++) {
      weighted += predictionToReference[e] * predictionAreas[e];
    }
    return weighted / (sum(referenceAreas) + sum(predictionAreas));
  }

  private static double percentile(double[] d, double[] area, double percent) {
    if (d.length == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double total = sum(area);
    double target = percent / 100.0;
    double cumulative = 0;
    for (int e = 0; e < d.length; e++) {
      cumulative += area[e];
      if (cumulative / total >= target) {
        return d[e];
      }
    }
    return d[d.length - 1];
  }

  private static double weightedMean(double[] d, double[] area) {
    double weighted = 0;
    for (int e = 0; e < d.length; e++) {
      weighted += d[e] * area[e];
    }
    return weighted / sum(area);
  }

  private static double within(double[] d, double[] area, double tolerance) {
    double s = 0;
    for (int e = 0; e < d.length && d[e] <= tolerance; e++) {
      s += area[e];
    }
    return s;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }
}

package org.radtrial.core.segment;

import java.util.List;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/**
 * A prediction's mask against the reference's, per label: overlap (Dice, IoU), boundary (Hausdorff
 * and its 95th percentile, mean surface distances, normalized surface Dice) and volume. The
 * surface metrics follow DeepMind's surface-distance library exactly ({@link SurfaceDistances});
 * empty masks follow Metrics Reloaded ({@link EmptyMasks}).
 */
public final class MaskComparison {
  private MaskComparison() {}

  /**
   * The metrics of the voxels equal to {@code label} in {@code prediction} against those in
   * {@code reference}; the two must lie on the same grid.
   */
  public static SegmentationMetrics compare(Volume reference, Volume prediction, int label, double toleranceMm) {
    if (!reference.grid().orthogonal()) {
      throw new IllegalArgumentException("the masks lie on a sheared grid (axes not perpendicular, as a tilted CT gantry"
          + " gives): surface distances need perpendicular axes; resample onto a regular grid first");
    }
    requireSameGrid(reference, prediction);
    if (!(toleranceMm >= 0) || Double.isInfinite(toleranceMm)) {
      throw new IllegalArgumentException("the surface Dice tolerance must be a finite number of mm >= 0, found " + toleranceMm);
    }
    Grid grid = reference.grid();
    double voxelMl = grid.voxelVolume() / 1000.0;
    double worst = diagonalMm(grid);
    Crop crop = Crop.of(reference, prediction, label);
    if (crop == null) {
      return new SegmentationMetrics(label, EmptyMasks.BOTH, 0, 0, 0, voxelMl, 1, 1, 0, 0, 0, 0, 0, 0, 1, toleranceMm, worst);
    }
    EmptyMasks empty = EmptyMasks.of(crop.countA, crop.countB);
    long union = crop.countA + crop.countB - crop.countBoth;
    double dice = 2.0 * crop.countBoth / (crop.countA + crop.countB);
    double iou = (double) crop.countBoth / union;
    if (empty != EmptyMasks.NEITHER) {
      double nan = Double.NaN;
      return new SegmentationMetrics(label, empty, crop.countA, crop.countB, crop.countBoth, voxelMl,
          dice, iou, nan, nan, nan, nan, nan, nan, 0, toleranceMm, worst);
    }
    SurfaceDistances d = SurfaceDistances.of(crop, grid.spacing());
    double[] means = d.averageSurfaceDistances();
    return new SegmentationMetrics(label, empty, crop.countA, crop.countB, crop.countBoth, voxelMl,
        dice, iou, d.robustHausdorff(100), d.robustHausdorff(95), means[0], means[1],
        (means[0] + means[1]) / 2, d.averageSymmetricSurfaceDistance(), d.surfaceDiceAtTolerance(toleranceMm),
        toleranceMm, worst);
  }

  /** The diagonal of the image's extent in mm: the largest distance two points of it can have. */
  public static double diagonalMm(Grid grid) {
    double x = grid.nx() * grid.spacing(0);
    double y = grid.ny() * grid.spacing(1);
    double z = grid.nz() * grid.spacing(2);
    return Math.sqrt(x * x + y * y + z * z);
  }

  static void requireSameGrid(Volume reference, Volume prediction) {
    List<String> differences = reference.grid().differencesFrom(prediction.grid());
    if (!differences.isEmpty()) {
      throw new IllegalArgumentException("the prediction lies on another grid than the reference: "
          + String.join("; ", differences));
    }
  }
}

package org.radtrial.core.segment;

/**
 * One case's (and one label's) segmentation against its reference. Values that are undefined for
 * the case's {@link EmptyMasks} state are NaN here; {@link #aggregateValue} gives what enters a
 * study's figures (the stated worst value for distances).
 *
 * @param label the label compared (1 for a binary mask)
 * @param empty which mask is empty, if any
 * @param referenceVoxels voxels of the label in the reference
 * @param predictionVoxels voxels of the label in the prediction
 * @param overlapVoxels voxels in both
 * @param voxelMl the volume of one voxel in mL
 * @param dice Dice similarity coefficient
 * @param iou intersection over union
 * @param hausdorff Hausdorff distance in mm (the 100th percentile of {@link SurfaceDistances})
 * @param hausdorff95 the robust Hausdorff distance at 95% in mm
 * @param referenceToPredictionMm area-weighted mean distance from the reference's surface to the prediction's
 * @param predictionToReferenceMm area-weighted mean distance from the prediction's surface to the reference's
 * @param masd mean average surface distance: the mean of the two directed means
 * @param assd average symmetric surface distance
 * @param surfaceDice normalized surface Dice at {@code toleranceMm}
 * @param toleranceMm the surface Dice's tolerance
 * @param worstDistanceMm the image's diagonal in mm, the value an undefined distance takes in aggregates
 */
public record SegmentationMetrics(
    int label,
    EmptyMasks empty,
    long referenceVoxels,
    long predictionVoxels,
    long overlapVoxels,
    double voxelMl,
    double dice,
    double iou,
    double hausdorff,
    double hausdorff95,
    double referenceToPredictionMm,
    double predictionToReferenceMm,
    double masd,
    double assd,
    double surfaceDice,
    double toleranceMm,
    double worstDistanceMm) {

  public SegmentationMetrics {
    if (referenceVoxels < 0 || predictionVoxels < 0 || overlapVoxels < 0
        || overlapVoxels > Math.min(referenceVoxels, predictionVoxels)) {
      throw new IllegalArgumentException("voxel counts " + referenceVoxels + ", " + predictionVoxels
          + " with overlap " + overlapVoxels + " are inconsistent");
    }
    if (EmptyMasks.of(referenceVoxels, predictionVoxels) != empty) {
      throw new IllegalArgumentException("empty-mask state " + empty + " does not match the voxel counts");
    }
  }

  /** Reference volume in mL. */
  public double referenceMl() {
    return referenceVoxels * voxelMl;
  }

  /** Prediction volume in mL. */
  public double predictionMl() {
    return predictionVoxels * voxelMl;
  }

  /** Prediction minus reference volume in mL. */
  public double volumeDifferenceMl() {
    return (predictionVoxels - referenceVoxels) * voxelMl;
  }

  /** |prediction − reference| in mL. */
  public double absoluteVolumeDifferenceMl() {
    return Math.abs(volumeDifferenceMl());
  }

  /** (prediction − reference) / reference; NaN when the reference is empty. */
  public double relativeVolumeDifference() {
    return referenceVoxels == 0 ? Double.NaN : (double) (predictionVoxels - referenceVoxels) / referenceVoxels;
  }

  /** The metric's value for this case, NaN when it is undefined. */
  public double value(SegmentationMetric metric) {
    return switch (metric) {
      case DICE -> dice;
      case IOU -> iou;
      case HAUSDORFF -> hausdorff;
      case HAUSDORFF_95 -> hausdorff95;
      case MASD -> masd;
      case ASSD -> assd;
      case SURFACE_DICE -> surfaceDice;
      case RELATIVE_VOLUME_DIFFERENCE -> relativeVolumeDifference();
      case ABSOLUTE_VOLUME_DIFFERENCE -> absoluteVolumeDifferenceMl();
    };
  }

  /**
   * The value that enters a study's figures: undefined distances (one mask empty) become
   * {@link #worstDistanceMm}; the relative volume difference of an empty reference stays NaN,
   * and is counted as undefined by whoever aggregates.
   */
  public double aggregateValue(SegmentationMetric metric) {
    double v = value(metric);
    if (Double.isNaN(v) && metric.isDistance()) {
      return worstDistanceMm;
    }
    return v;
  }
}

package org.radtrial.core.segment;

/**
 * Which of the two masks of a comparison is empty (has no voxel of the label), and what that does
 * to each metric. Following Metrics Reloaded (Maier-Hein et al., Nature Methods 21, 2024, and its
 * reference implementation {@code MetricsReloaded/metrics/pairwise_measures.py}): when both are
 * empty the case is a correct "nothing there" and every metric takes its best value (Dice, IoU and
 * surface Dice 1, distances 0); when only one is empty the overlap metrics are 0, the distances
 * are undefined and enter every aggregate as the stated worst value, the diagonal of the image in
 * mm ({@link SegmentationMetrics#worstDistanceMm}), never dropped from a mean. The relative volume
 * difference is undefined when the reference is empty; those cases are counted as such.
 */
public enum EmptyMasks {
  /** Both masks have voxels of the label: every metric is defined. */
  NEITHER("neither"),
  /** The reference has none, the prediction some: a structure found where there is none. */
  REFERENCE("reference"),
  /** The prediction has none, the reference some: the structure was missed. */
  PREDICTION("prediction"),
  /** Neither has any: correctly nothing. */
  BOTH("both");

  private final String key;

  EmptyMasks(String key) {
    this.key = key;
  }

  /** The name in results.json. */
  public String key() {
    return key;
  }

  /** The value named by {@link #key}. */
  public static EmptyMasks ofKey(String key) {
    for (EmptyMasks e : values()) {
      if (e.key.equals(key)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown empty-mask state '" + key + "'");
  }

  static EmptyMasks of(long referenceVoxels, long predictionVoxels) {
    if (referenceVoxels == 0) {
      return predictionVoxels == 0 ? BOTH : REFERENCE;
    }
    return predictionVoxels == 0 ? PREDICTION : NEITHER;
  }
}

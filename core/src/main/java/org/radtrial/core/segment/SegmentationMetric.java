package org.radtrial.core.segment;

/**
 * The per-case metrics of a segmentation against its reference, with the direction that is better
 * and the value an undefined case takes in aggregates (see {@link EmptyMasks}).
 */
public enum SegmentationMetric {
  /** Dice similarity coefficient, 2|A∩B| / (|A| + |B|), in voxels. */
  DICE("dice", "Dice", "", true),
  /** Intersection over union (Jaccard), |A∩B| / |A∪B|. */
  IOU("iou", "IoU", "", true),
  /** Hausdorff distance: the larger directed maximum of the surface distances. */
  HAUSDORFF("hd", "HD", "mm", false),
  /** The robust Hausdorff distance at the 95th percentile of the area-weighted surface distances. */
  HAUSDORFF_95("hd95", "HD95", "mm", false),
  /** Mean average surface distance: the mean of the two directed area-weighted mean distances. */
  MASD("masd", "MASD", "mm", false),
  /** Average symmetric surface distance: all elements of both surfaces, area-weighted. */
  ASSD("assd", "ASSD", "mm", false),
  /** Normalized surface Dice at the tolerance. */
  SURFACE_DICE("nsd", "surface Dice", "", true),
  /** (prediction − reference) / reference volume; undefined when the reference is empty. */
  RELATIVE_VOLUME_DIFFERENCE("rvd", "relative volume difference", "", false),
  /** |prediction − reference| volume in mL. */
  ABSOLUTE_VOLUME_DIFFERENCE("avd_ml", "absolute volume difference", "mL", false);

  private final String key;
  private final String label;
  private final String unit;
  private final boolean higherIsBetter;

  SegmentationMetric(String key, String label, String unit, boolean higherIsBetter) {
    this.key = key;
    this.label = label;
    this.unit = unit;
    this.higherIsBetter = higherIsBetter;
  }

  /** The name in results.json. */
  public String key() {
    return key;
  }

  /** The name a reader sees. */
  public String label() {
    return label;
  }

  /** "mm", "mL" or "" for a ratio. */
  public String unit() {
    return unit;
  }

  /**
   * True when a larger value is a better outline. The relative volume difference is signed: its
   * best value is 0, and a comparison of models uses its absolute value ({@link #comparable}).
   */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** A distance in mm, whose worst value is the image's diagonal. */
  public boolean isDistance() {
    return this == HAUSDORFF || this == HAUSDORFF_95 || this == MASD || this == ASSD;
  }

  /** The value as models are compared on it: the relative volume difference by its size. */
  public double comparable(double value) {
    return this == RELATIVE_VOLUME_DIFFERENCE ? Math.abs(value) : value;
  }

  /** The value named by {@link #key}. */
  public static SegmentationMetric ofKey(String key) {
    for (SegmentationMetric m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown segmentation metric '" + key + "'");
  }
}

package org.radtrial.core.lesions;

import java.util.Locale;

/** When a mark localizes a lesion. Written to results.json with its parameter. */
public sealed interface MatchCriterion {
  /**
   * How well a mark matches a lesion: a larger number is a better match, NaN for no match.
   */
  double score(Location lesion, Location mark);

  /** A short description for results.json and the report. */
  String describe();

  /**
   * LUNA16: the mark's centre lies within the lesion's radius (distance ≤ radius, the radius being half
   * the annotated diameter); the nearer the better.
   */
  record WithinRadius() implements MatchCriterion {
    @Override
    public double score(Location lesion, Location mark) {
      double d = lesion.distance(mark);
      return d <= lesion.radius() ? -d : Double.NaN;
    }

    @Override
    public String describe() {
      return "centre within the lesion's radius";
    }
  }

  /**
   * Inside the lesion's mask: the voxel the mark's centre falls in carries the lesion's label in its case's
   * label image (reading the image and finding the voxel is the reader's work; see {@link Location#label()}).
   *
   * @param voxelCoordinates true when marks give voxel coordinates (column, row, slice; DICOM's pixel
   *     convention, voxel i spanning [i, i + 1)), false for patient coordinates in mm (LPS)
   */
  record InsideMask(boolean voxelCoordinates) implements MatchCriterion {
    @Override
    public double score(Location lesion, Location mark) {
      if (lesion.label() == 0) {
        throw new IllegalArgumentException("mask matching needs every lesion's label in its case's label image");
      }
      return mark.label() == lesion.label() ? 1 : Double.NaN;
    }

    @Override
    public String describe() {
      return "centre inside the lesion's mask (" + (voxelCoordinates ? "voxel" : "patient mm") + " coordinates)";
    }
  }

  /** DeepLesion: the boxes' intersection over union is at least the threshold; the higher the better. */
  record BoxIou(double threshold) implements MatchCriterion {
    public BoxIou {
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException("an IoU threshold must lie in (0, 1], was " + threshold);
      }
    }

    @Override
    public double score(Location lesion, Location mark) {
      Box a = lesion.box();
      Box b = mark.box();
      if (a == null || b == null) {
        throw new IllegalArgumentException("box IoU matching needs a box for every lesion and every mark");
      }
      double iou = a.iou(b);
      return iou >= threshold ? iou : Double.NaN;
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "box IoU ≥ %s", threshold);
    }
  }
}

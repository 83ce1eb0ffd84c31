package org.radtrial.core.lesions;

import org.jspecify.annotations.Nullable;

/**
 * Where a lesion or a mark is: a centre (z = 0 for 2-D images), a radius (lesions; 0 for a mark),
 * optionally a box, all in the same units (mm, or pixels), and for mask matching a label: the lesion's
 * label in its case's label image, or the label of the voxel a mark falls in (0: none, background).
 */
public record Location(double x, double y, double z, double radius, @Nullable Box box, int label) {
  public Location(double x, double y, double z, double radius, @Nullable Box box) {
    this(x, y, z, radius, box, 0);
  }

  public Location {
    if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z))) {
      throw new IllegalArgumentException("a location needs finite coordinates, was (" + x + ", " + y + ", " + z + ")");
    }
    if (!(radius >= 0) || !Double.isFinite(radius)) {
      throw new IllegalArgumentException("a radius must be a finite number ≥ 0, was " + radius);
    }
  }

  public static Location point(double x, double y, double z) {
    return new Location(x, y, z, 0, null);
  }

  /** Euclidean distance between centres. */
  public double distance(Location other) {
    double dx = x - other.x;
    double dy = y - other.y;
    double dz = z - other.z;
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
}

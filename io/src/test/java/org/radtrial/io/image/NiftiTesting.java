package org.radtrial.io.image;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.radtrial.core.image.Grid;

/** Shared by the NIfTI tests: the committed nibabel files, and a grid as nibabel's RAS affine. */
final class NiftiTesting {
  private NiftiTesting() {}

  /** The folder of the committed files that nibabel wrote (make_fixtures.py). */
  static Path nibabelFolder() {
    try {
      return Path.of(Objects.requireNonNull(NiftiTesting.class.getResource("nibabel/expected.json")).toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The 4x4 voxel-to-RAS affine of a grid: the LPS map with its first two rows negated. */
  static double[][] rasAffine(Grid grid) {
    double[][] a = new double[4][4];
    double[] d = grid.direction();
    double[] o = grid.origin();
    for (int row = 0; row < 3; row++) {
      double sign = row < 2 ? -1 : 1;
      for (int axis = 0; axis < 3; axis++) {
        a[row][axis] = sign * d[3 * axis + row] * grid.spacing(axis);
      }
      a[row][3] = sign * o[row];
    }
    a[3][3] = 1;
    return a;
  }
}

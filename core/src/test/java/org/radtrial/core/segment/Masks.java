package org.radtrial.core.segment;

import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/** Test masks: volumes with boxes and spheres set to 1, axis 0 (i) as numpy's first index. */
final class Masks {
  private Masks() {}

  static Volume empty(int nx, int ny, int nz, double sx, double sy, double sz) {
    return new Volume(Grid.of(nx, ny, nz, sx, sy, sz), new float[nx * ny * nz]);
  }

  /** Sets voxels [i0, i1) × [j0, j1) × [k0, k1) to 1 (numpy's {@code m[i0:i1, j0:j1, k0:k1] = 1}). */
  static Volume box(Volume v, int i0, int i1, int j0, int j1, int k0, int k1) {
    Grid g = v.grid();
    float[] x = v.voxels();
    for (int k = k0; k < k1; k++) {
      for (int j = j0; j < j1; j++) {
        for (int i = i0; i < i1; i++) {
          x[g.index(i, j, k)] = 1;
        }
      }
    }
    return v;
  }

  /**
   * MONAI's {@code create_spherical_seg_3d} (tests/metrics/test_hausdorff_distance.py): 1 where
   * (i·s0 − c0)² + (j·s1 − c1)² + (k·s2 − c2)² ≤ radius², on a 99³ image unless told.
   */
  static Volume monaiSphere(double radius, double c0, double c1, double c2, double[] spacing) {
    int n = 99;
    Volume v = empty(n, n, n, spacing[0], spacing[1], spacing[2]);
    float[] x = v.voxels();
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < n; i++) {
          double a = i * spacing[0] - c0;
          double b = j * spacing[1] - c1;
          double c = k * spacing[2] - c2;
          if (a * a + b * b + c * c <= radius * radius) {
            x[v.grid().index(i, j, k)] = 1;
          }
        }
      }
    }
    return v;
  }
}

package org.radtrial.core.segment;

/**
 * The surface of a mask as DeepMind's surface-distance library defines it
 * ({@code compute_surface_distances}): the points are the corners of the voxel grid (between
 * voxel centres, half a voxel off along each axis), a corner is on the surface when its 2×2×2
 * neighbourhood of voxels is neither all inside nor all outside, and it carries the area of the
 * marching-cubes surface in that neighbourhood ({@link SurfelTable}). Outside the image the mask
 * is empty, so a mask touching the image's edge has a surface there.
 *
 * <p>The corners of a {@code cx × cy × cz} box of voxels form a {@code (cx+1) × (cy+1) × (cz+1)}
 * grid; corner (p, q, r) lies between voxels p − 1 and p along the first axis, and so on.
 */
final class Surface {
  /** Flags on the corner grid: true on the surface. */
  final boolean[] border;
  /** The surface corners' indices in the corner grid, in index order. */
  final int[] corners;
  /** Their areas in mm². */
  final double[] areas;

  private Surface(boolean[] border, int[] corners, double[] areas) {
    this.border = border;
    this.corners = corners;
    this.areas = areas;
  }

  boolean isEmpty() {
    return corners.length == 0;
  }

  /** The surface of {@code mask}, a {@code cx × cy × cz} box of voxels, with these areas per code. */
  static Surface of(boolean[] mask, int cx, int cy, int cz, double[] areaOfCode) {
    int gx = cx + 1;
    int gy = cy + 1;
    int gz = cz + 1;
    boolean[] border = new boolean[gx * gy * gz];
    byte[] codes = new byte[border.length];
    int count = 0;
    int g = 0;
    for (int r = 0; r < gz; r++) {
      for (int q = 0; q < gy; q++) {
        for (int p = 0; p < gx; p++, g++) {
          int code = 0;
          for (int c = 0; c < 2; c++) {
            int k = r - 1 + c;
            if (k < 0 || k >= cz) {
              continue;
            }
            for (int b = 0; b < 2; b++) {
              int j = q - 1 + b;
              if (j < 0 || j >= cy) {
                continue;
              }
              int row = cx * (j + cy * k);
              for (int a = 0; a < 2; a++) {
                int i = p - 1 + a;
                if (i >= 0 && i < cx && mask[row + i]) {
                  code |= 1 << (7 - (4 * a + 2 * b + c));
                }
              }
            }
          }
          if (code != 0 && code != 0xFF) {
            border[g] = true;
            codes[g] = (byte) code;
            count++;
          }
        }
      }
    }
    int[] corners = new int[count];
    double[] areas = new double[count];
    int n = 0;
    for (int at = 0; at < border.length; at++) {
      if (border[at]) {
        corners[n] = at;
        areas[n] = areaOfCode[codes[at] & 0xFF];
        n++;
      }
    }
    return new Surface(border, corners, areas);
  }
}

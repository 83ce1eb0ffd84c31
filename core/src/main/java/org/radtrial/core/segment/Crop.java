package org.radtrial.core.segment;

import org.jspecify.annotations.Nullable;
import org.radtrial.core.image.Volume;

/**
 * Two masks cut to the bounding box of their union, with their voxel counts. Everything the
 * metrics need lies in that box: the surfaces, their distances and the overlap. The box's voxels
 * are {@code cx × cy × cz}, i fastest; outside it both masks are empty.
 */
final class Crop {
  final int cx;
  final int cy;
  final int cz;
  final boolean[] a;
  final boolean[] b;
  final long countA;
  final long countB;
  final long countBoth;

  private Crop(int cx, int cy, int cz, boolean[] a, boolean[] b, long countA, long countB, long countBoth) {
    this.cx = cx;
    this.cy = cy;
    this.cz = cz;
    this.a = a;
    this.b = b;
    this.countA = countA;
    this.countB = countB;
    this.countBoth = countBoth;
  }

  /** Which voxels of a whole image are inside a mask. */
  interface Inside {
    boolean at(int index);
  }

  /** The voxels of two volumes equal to {@code label}; null when neither has any. */
  static @Nullable Crop of(Volume a, Volume b, int label) {
    float[] va = a.voxels();
    float[] vb = b.voxels();
    float l = label;
    return of(i -> va[i] == l, i -> vb[i] == l, a.grid().nx(), a.grid().ny(), a.grid().nz());
  }

  /** Two masks given as flags on an nx × ny × nz image; null when both are empty. */
  static @Nullable Crop of(boolean[] a, boolean[] b, int nx, int ny, int nz) {
    return of(i -> a[i], i -> b[i], nx, ny, nz);
  }

  static @Nullable Crop of(Inside a, Inside b, int nx, int ny, int nz) {
    int minI = Integer.MAX_VALUE;
    int maxI = -1;
    int minJ = Integer.MAX_VALUE;
    int maxJ = -1;
    int minK = Integer.MAX_VALUE;
    int maxK = -1;
    int index = 0;
    for (int k = 0; k < nz; k++) {
      for (int j = 0; j < ny; j++) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < nx; i++, index++) {
          if (a.at(index) || b.at(index)) {
            if (first < 0) {
              first = i;
            }
            last = i;
          }
        }
        if (first >= 0) {
          minI = Math.min(minI, first);
          maxI = Math.max(maxI, last);
          minJ = Math.min(minJ, j);
          maxJ = Math.max(maxJ, j);
          minK = Math.min(minK, k);
          maxK = k;
        }
      }
    }
    if (maxI < 0) {
      return null;
    }
    int cx = maxI - minI + 1;
    int cy = maxJ - minJ + 1;
    int cz = maxK - minK + 1;
    boolean[] ca = new boolean[cx * cy * cz];
    boolean[] cb = new boolean[ca.length];
    long na = 0;
    long nb = 0;
    long both = 0;
    int c = 0;
    for (int k = minK; k <= maxK; k++) {
      for (int j = minJ; j <= maxJ; j++) {
        int from = minI + nx * (j + ny * k);
        for (int i = 0; i < cx; i++, c++) {
          boolean ia = a.at(from + i);
          boolean ib = b.at(from + i);
          ca[c] = ia;
          cb[c] = ib;
          if (ia) {
            na++;
          }
          if (ib) {
            nb++;
            if (ia) {
              both++;
            }
          }
        }
      }
    }
    return new Crop(cx, cy, cz, ca, cb, na, nb, both);
  }
}

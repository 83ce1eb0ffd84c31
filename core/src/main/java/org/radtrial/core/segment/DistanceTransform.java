package org.radtrial.core.segment;

import java.util.Arrays;

/**
 * The exact Euclidean distance transform of a 3-D binary image with anisotropic spacing, in time
 * linear in the number of voxels: Felzenszwalb and Huttenlocher's lower envelope of parabolas
 * ("Distance Transforms of Sampled Functions", Theory of Computing 8, 2012), applied along each
 * axis in turn with that axis' spacing. The result is exact (not a chamfer or a band
 * approximation): every value equals the smallest (Δi·sx)² + (Δj·sy)² + (Δk·sz)² over the
 * feature voxels, up to floating-point rounding.
 *
 * <p>Voxel (i, j, k) is at index {@code i + nx * (j + ny * k)}, as in core.image's Grid.
 */
public final class DistanceTransform {
  private DistanceTransform() {}

  /**
   * Squared distance in mm² from every voxel to the nearest feature voxel ({@code features[v]}
   * true); {@code +∞} everywhere when there is no feature voxel.
   */
  public static double[] squared(boolean[] features, int nx, int ny, int nz, double[] spacing) {
    if (features.length != (long) nx * ny * nz) {
      throw new IllegalArgumentException(
          "a " + nx + "x" + ny + "x" + nz + " image needs " + (long) nx * ny * nz + " values, found " + features.length);
    }
    if (spacing.length != 3 || !(spacing[0] > 0) || !(spacing[1] > 0) || !(spacing[2] > 0)) {
      throw new IllegalArgumentException("spacing needs three positive values, found " + Arrays.toString(spacing));
    }
    double[] d = new double[features.length];
    for (int v = 0; v < d.length; v++) {
      d[v] = features[v] ? 0 : Double.POSITIVE_INFINITY;
    }
    int longest = Math.max(nx, Math.max(ny, nz));
    Line line = new Line(longest);
    // along i: contiguous lines
    double w = spacing[0] * spacing[0];
    for (int k = 0; k < nz; k++) {
      for (int j = 0; j < ny; j++) {
        line.transform(d, nx * (j + ny * k), 1, nx, w);
      }
    }
    w = spacing[1] * spacing[1];
    for (int k = 0; k < nz; k++) {
      for (int i = 0; i < nx; i++) {
        line.transform(d, i + nx * ny * k, nx, ny, w);
      }
    }
    w = spacing[2] * spacing[2];
    int plane = nx * ny;
    for (int v = 0; v < plane; v++) {
      line.transform(d, v, plane, nz, w);
    }
    return d;
  }

  /** One line's scratch: the input copy, the envelope's parabolas and their boundaries. */
  private static final class Line {
    private final double[] f;
    private final int[] v;
    private final double[] z;

    Line(int n) {
      f = new double[n];
      v = new int[n];
      z = new double[n + 1];
    }

    /**
     * d[start + q·stride] ← min over p of (f(p) + w·(q − p)²), q = 0..n−1, where f is the line's
     * current values (Felzenszwalb-Huttenlocher, section 2.1; points at +∞ never enter the
     * envelope).
     */
    void transform(double[] d, int start, int stride, int n, double w) {
      int k = -1;
      for (int q = 0, at = start; q < n; q++, at += stride) {
        double fq = d[at];
        f[q] = fq;
        if (fq == Double.POSITIVE_INFINITY) {
          continue;
        }
        if (k < 0) {
          k = 0;
          v[0] = q;
          z[0] = Double.NEGATIVE_INFINITY;
          z[1] = Double.POSITIVE_INFINITY;
          continue;
        }
        double s;
        while (true) {
          int p = v[k];
          s = ((fq + w * q * q) - (f[p] + w * p * p)) / (2 * w * (q - p));
          if (s <= z[k]) {
            k--; // z[0] is −∞, so k never falls below 0 here
          } else {
            break;
          }
        }
        k++;
        v[k] = q;
        z[k] = s;
        z[k + 1] = Double.POSITIVE_INFINITY;
      }
      if (k < 0) {
        return; // no finite value on this line: it stays +∞
      }
      k = 0;
      for (int q = 0, at = start; q < n; q++, at += stride) {
        while (z[k + 1] < q) {
          k++;
        }
        int p = v[k];
        double dq = q - p;
        d[at] = w * dq * dq + f[p];
      }
    }
  }
}

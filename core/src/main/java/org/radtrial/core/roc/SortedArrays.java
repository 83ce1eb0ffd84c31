package org.radtrial.core.roc;

/** Searches and quantiles on sorted double arrays, shared by the statistics that need them. */
public final class SortedArrays {
  private SortedArrays() {}

  /** Number of elements strictly less than x. */
  public static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Number of elements less than or equal to x. */
  public static int upperBound(double[] sorted, double x) {
    return upperBound(sorted, x, 0);
  }

  /** Number of elements less than or equal to x, searching from {@code from} (a lower bound). */
  public static int upperBound(double[] sorted, double x, int from) {
    int lo = from;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * R's default (type 7) quantile of sorted data: linear interpolation between order statistics at
   * h = (k − 1)·prob, zero-based.
   */
  public static double quantileType7(double[] sorted, double prob) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("quantile of no data");
    }
    double h = (sorted.length - 1) * prob;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}

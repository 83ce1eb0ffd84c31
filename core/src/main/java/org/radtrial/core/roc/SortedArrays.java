package org.radtrial.core.roc;

/** Searches and quantiles on sorted double arrays, shared by the statistics that need them. */
public final class SortedArrays {
  private SortedArrays() {}

  /**
   * Number of elements strictly less than x. Written without a data-dependent branch (the halving
   * step is a conditional move), because placing a million negatives among the sorted positives
   * is otherwise dominated by mispredicted branches.
   */
  public static int lowerBound(double[] sorted, double x) {
    int n = sorted.length;
    if (n == 0) {
      return 0;
    }
    int base = 0;
    while (n > 1) {
      int half = n >>> 1;
      base = sorted[base + half - 1] < x ? base + half : base;
      n -= half;
    }
    return base + (sorted[base] < x ? 1 : 0);
  }

  /** Number of elements less than or equal to x. */
  public static int upperBound(double[] sorted, double x) {
    return upperBound(sorted, x, 0);
  }

  /** Number of elements less than or equal to x, searching from {@code from} (a lower bound). */
  public static int upperBound(double[] sorted, double x, int from) {
    if (from == sorted.length || sorted[from] > x) {
      return from; // no tie at x: the usual case, with no search
    }
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

package org.radtrial.core.paired;

/**
 * The median of the first {@code length} values of a work array in expected linear time
 * (quickselect with a three-way partition, so runs of equal values, common in differences of rounded
 * metrics, cost no more than distinct ones). The array's order is changed.
 */
final class Select {
  private Select() {}

  /** The median of a[0, length): the middle value, or the mean of the two middle values; length ≥ 1. */
  static double median(double[] a, int length) {
    if (length < 1) {
      throw new IllegalArgumentException("the median of no value is undefined");
    }
    int mid = length / 2;
    double upper = kth(a, length, mid);
    if (length % 2 == 1) {
      return upper;
    }
    // after kth, a[0, mid) holds the values at or below the mid-th: the lower middle is their maximum
    double lower = a[0];
    for (int i = 1; i < mid; i++) {
      lower = Math.max(lower, a[i]);
    }
    return (lower + upper) / 2;
  }

  /**
   * The k-th smallest (0-based) of a[0, length); afterwards a[0, k) ≤ a[k] ≤ a[k + 1, length).
   * The pivot is the median of the first, middle and last value of the current range.
   */
  static double kth(double[] a, int length, int k) {
    int lo = 0;
    int hi = length - 1;
    while (lo < hi) {
      double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
      // three-way partition of a[lo, hi]: < pivot | == pivot | > pivot
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        double v = a[i];
        if (v < pivot) {
          a[i++] = a[lt];
          a[lt++] = v;
        } else if (v > pivot) {
          a[i] = a[gt];
          a[gt--] = v;
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return pivot;
      }
    }
    return a[k];
  }

  private static double medianOfThree(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}

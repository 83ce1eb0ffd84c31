package org.radtrial.core.segment;

/**
 * Sorts two parallel arrays by the first, ascending (three-way quicksort, so the many equal
 * distances of two close surfaces cost nothing), without boxing.
 */
final class PairSort {
  private PairSort() {}

  private static final int SMALL = 24;

  static void sort(double[] keys, double[] values) {
    if (keys.length != values.length) {
      throw new IllegalArgumentException("keys and values differ in length");
    }
    sort(keys, values, 0, keys.length - 1);
  }

  private static void sort(double[] k, double[] v, int lo, int hi) {
    while (hi - lo > SMALL) {
      double pivot = median(k[lo], k[lo + (hi - lo) / 2], k[hi]);
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        double x = k[i];
        if (x < pivot) {
          swap(k, v, lt++, i++);
        } else if (x > pivot) {
          swap(k, v, i, gt--);
        } else {
          i++;
        }
      }
      // recurse into the smaller side, loop on the larger: stack depth O(log n)
      if (lt - lo < hi - gt) {
        sort(k, v, lo, lt - 1);
        lo = gt + 1;
      } else {
        sort(k, v, gt + 1, hi);
        hi = lt - 1;
      }
    }
    for (int i = lo + 1; i <= hi; i++) {
      double key = k[i];
      double val = v[i];
      int j = i - 1;
      while (j >= lo && k[j] > key) {
        k[j + 1] = k[j];
        v[j + 1] = v[j];
        j--;
      }
      k[j + 1] = key;
      v[j + 1] = val;
    }
  }

  private static double median(double a, double b, double c) {
    return a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
  }

  private static void swap(double[] k, double[] v, int i, int j) {
    double t = k[i];
    k[i] = k[j];
    k[j] = t;
    t = v[i];
    v[i] = v[j];
    v[j] = t;
  }
}

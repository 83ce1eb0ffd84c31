package org.radtrial.core.roc;

/**
 * Lower and upper bounds in one sorted array for many values, through a table of equal-width
 * buckets: a value's bucket says which few elements can lie on either side of it, and only those
 * are searched. Placing a million negatives among a few thousand sorted positives this way takes a
 * multiplication and a short search each instead of a full binary search.
 *
 * <p>Exact, not approximate: the bucket of x is a non-decreasing function of x (a subtraction, a
 * multiplication by a positive constant and a truncation, each monotone in floating point), so every
 * element of a lower bucket is below x and every element of a higher bucket above it. A degenerate
 * range (one distinct value, or a span that overflows) puts everything in one bucket, which is a
 * plain binary search.
 */
final class BucketedSearch {
  private final double[] sorted;
  private final double min;
  private final double scale;
  private final int last;
  /** first[b]: number of elements in buckets before b; length buckets + 1. */
  private final int[] first;

  /** @param sorted ascending, without NaN, at least one element (not copied) */
  BucketedSearch(double[] sorted) {
    this.sorted = sorted;
    int buckets = Integer.highestOneBit(sorted.length) * 2;
    last = buckets - 1;
    min = sorted[0];
    double span = sorted[sorted.length - 1] - min;
    scale = span > 0 && Double.isFinite(span) ? buckets / span : 0;
    first = new int[buckets + 1];
    int k = 0;
    for (int b = 0; b <= buckets; b++) {
      while (k < sorted.length && bucket(sorted[k]) < b) {
        k++;
      }
      first[b] = k;
    }
  }

  private int bucket(double x) {
    double t = (x - min) * scale;
    return t >= last ? last : t > 0 ? (int) t : 0;
  }

  /** Number of elements strictly less than x. */
  int lowerBound(double x) {
    int b = bucket(x);
    int lo = first[b];
    int hi = first[b + 1];
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

  /** Number of elements less than or equal to x, given {@code from = lowerBound(x)}. */
  int upperBound(double x, int from) {
    if (from == sorted.length || sorted[from] > x) {
      return from;
    }
    int lo = from;
    int hi = first[bucket(x) + 1];
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
}

package org.radtrial.core.roc;

/**
 * Sorts doubles by their bits, eleven at a time (a least-significant-digit radix sort): O(n) for
 * the million negatives of a screening cohort, where a comparison sort costs n log n and, in a run
 * of a few seconds, as much again in compiling itself. The order is {@code Arrays.sort}'s for every
 * value but NaN (-0.0 before 0.0), because the keys are the IEEE bits with the sign bit flipped
 * for positives and every bit flipped for negatives, which orders them as signed numbers.
 */
final class RadixSort {
  private static final int BITS = 11;
  private static final int DIGITS = (64 + BITS - 1) / BITS;
  private static final int MASK = (1 << BITS) - 1;

  private RadixSort() {}

  /** Sorts {@code values} (no NaN) in place, ascending. */
  static void sort(double[] values) {
    int n = values.length;
    if (n < 2) {
      return;
    }
    long[] keys = new long[n];
    int[][] counts = new int[DIGITS][1 << BITS];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToRawLongBits(values[i]);
      long key = bits ^ ((bits >> 63) | Long.MIN_VALUE);
      keys[i] = key;
      for (int d = 0; d < DIGITS; d++) {
        counts[d][(int) (key >>> (d * BITS)) & MASK]++;
      }
    }
    long[] other = new long[n];
    for (int d = 0; d < DIGITS; d++) {
      int[] count = counts[d];
      int shift = d * BITS;
      if (count[(int) (keys[0] >>> shift) & MASK] == n) {
        continue; // every key has this digit: the pass would not move anything
      }
      int start = 0;
      for (int b = 0; b < count.length; b++) {
        int c = count[b];
        count[b] = start;
        start += c;
      }
      for (int i = 0; i < n; i++) {
        long key = keys[i];
        other[count[(int) (key >>> shift) & MASK]++] = key;
      }
      long[] swap = keys;
      keys = other;
      other = swap;
    }
    for (int i = 0; i < n; i++) {
      long key = keys[i];
      values[i] = Double.longBitsToDouble(key ^ (~(key >> 63) | Long.MIN_VALUE));
    }
  }
}

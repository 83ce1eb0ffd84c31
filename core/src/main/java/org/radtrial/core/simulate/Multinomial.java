package org.radtrial.core.simulate;

import java.util.SplittableRandom;

/**
 * Resampling n exams with replacement, as cell counts: a multinomial draw over the cells with the
 * observed shares, made by conditional binomials (cell k gets Binomial(n − drawn so far, share_k /
 * remaining share)). O(cells) binomial draws per replicate, whatever the number of exams.
 */
final class Multinomial {
  private final int[] cells;
  private final double[] shares;
  private final int total;

  Multinomial(int[] counts) {
    int nonZero = 0;
    int sum = 0;
    for (int c : counts) {
      if (c > 0) {
        nonZero++;
        sum += c;
      }
    }
    cells = new int[nonZero];
    shares = new double[nonZero];
    int k = 0;
    for (int cell = 0; cell < counts.length; cell++) {
      if (counts[cell] > 0) {
        cells[k] = cell;
        shares[k++] = counts[cell] / (double) sum;
      }
    }
    total = sum;
  }

  /** One replicate's counts, written into {@code out} (same length as the observed counts). */
  void draw(SplittableRandom random, int[] out) {
    java.util.Arrays.fill(out, 0);
    int remaining = total;
    double remainingShare = 1;
    for (int k = 0; k < cells.length && remaining > 0; k++) {
      int drawn = k == cells.length - 1 ? remaining
          : BinomialSampler.next(random, remaining, Math.min(1, shares[k] / remainingShare));
      out[cells[k]] = drawn;
      remaining -= drawn;
      remainingShare -= shares[k];
    }
  }
}

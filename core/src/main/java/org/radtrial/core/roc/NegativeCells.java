package org.radtrial.core.roc;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.radtrial.core.stat.ModalBinomial;

/**
 * The negatives as one model's AUC sees them: cut the sorted negatives at every positive's "below"
 * and "at or below" positions (from {@link Placements}) and the AUC depends on the negatives only
 * through how many fall in each piece. There are at most 2m + 1 pieces (m positives), every one
 * non-empty, however many negatives there are.
 *
 * <p>Why a bootstrap may draw piece counts instead of negatives: resampling n negatives with
 * replacement gives each sorted position a Multinomial(n; 1/n, ..., 1/n) count, and summing a
 * multinomial's counts over a partition of its cells gives Multinomial(n; size_k / n) over the
 * pieces, exactly. {@link #draw} draws that multinomial by conditional binomials (piece k gets
 * Binomial(n − drawn so far, size_k / (negatives in pieces k and after))) with the exact
 * {@link ModalBinomial}; the positives are then resampled explicitly (m uniform indices), and the
 * replicate's AUC is the one explicit resampling would give: the same function of the same counts.
 */
final class NegativeCells {
  private final int negatives;
  private final int[] sizes;
  /** Conditional probability of piece k given the negatives left for pieces k, k + 1, ... */
  private final double[] conditional;
  /** Per positive (case order): index of the cut at its #negatives below, and at or below. */
  private final int[] belowCut;
  private final int[] atOrBelowCut;

  private NegativeCells(Placements p) {
    negatives = p.negatives();
    int[] below = p.negativesBelow();
    int[] atOrBelow = p.negativesAtOrBelow();
    int m = below.length;
    int[] all = new int[2 * m + 2];
    System.arraycopy(below, 0, all, 0, m);
    System.arraycopy(atOrBelow, 0, all, m, m);
    all[2 * m] = 0;
    all[2 * m + 1] = negatives;
    Arrays.sort(all);
    int distinct = 0;
    for (int k = 0; k < all.length; k++) {
      if (k == 0 || all[k] != all[k - 1]) {
        all[distinct++] = all[k];
      }
    }
    int[] cuts = Arrays.copyOf(all, distinct);
    sizes = new int[distinct - 1];
    conditional = new double[distinct - 1];
    for (int k = 0; k < sizes.length; k++) {
      sizes[k] = cuts[k + 1] - cuts[k];
      conditional[k] = sizes[k] / (double) (negatives - cuts[k]);
    }
    belowCut = new int[m];
    atOrBelowCut = new int[m];
    for (int i = 0; i < m; i++) {
      belowCut[i] = Arrays.binarySearch(cuts, below[i]);
      atOrBelowCut[i] = Arrays.binarySearch(cuts, atOrBelow[i]);
    }
  }

  static NegativeCells of(Placements p) {
    return new NegativeCells(p);
  }

  /** Number of pieces, at most 2m + 1. */
  int cells() {
    return sizes.length;
  }

  int size(int cell) {
    return sizes[cell];
  }

  /** The piece holding the given position in the sorted negatives. */
  int cellOf(int sortedPosition) {
    int k = 0;
    int start = 0;
    while (start + sizes[k] <= sortedPosition) {
      start += sizes[k++];
    }
    return k;
  }

  /**
   * One replicate's counts of resampled negatives per piece, into {@code counts} (length
   * {@link #cells()}): a Multinomial(n; size_k / n) draw, pieces in ascending order.
   */
  void draw(SplittableRandom random, int[] counts) {
    int remaining = negatives;
    int last = sizes.length - 1;
    for (int k = 0; k < last; k++) {
      int drawn = remaining == 0 ? 0 : ModalBinomial.draw(random, remaining, conditional[k]);
      counts[k] = drawn;
      remaining -= drawn;
    }
    counts[last] = remaining;
  }

  /**
   * Twice the number of (positive, negative) wins, ties counting one, of a replicate: the
   * negatives' piece counts and the resampled positives (indices in case order). {@code prefix}
   * is scratch of length {@link #cells()} + 1.
   */
  long twiceWins(int[] counts, int[] positiveDraws, long[] prefix) {
    long running = 0;
    for (int k = 0; k < counts.length; k++) {
      prefix[k] = running;
      running += counts[k];
    }
    prefix[counts.length] = running;
    long twiceWins = 0;
    for (int i : positiveDraws) {
      twiceWins += prefix[belowCut[i]] + prefix[atOrBelowCut[i]];
    }
    return twiceWins;
  }
}

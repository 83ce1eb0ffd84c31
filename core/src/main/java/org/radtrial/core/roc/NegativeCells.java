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
 * pieces, exactly. {@link #replicateTwiceWins} draws that multinomial by conditional binomials
 * (piece k gets Binomial(n − drawn so far, size_k / (negatives in pieces k and after))) with the
 * exact {@link ModalBinomial}, after the positives have been resampled explicitly (m uniform
 * indices), and the replicate's AUC is the one explicit resampling would give: the same function of
 * the same counts.
 */
final class NegativeCells {
  private final int negatives;
  /** Positions in the sorted negatives where pieces start, 0 first and n last; piece k is [cuts[k], cuts[k + 1]). */
  private final int[] cuts;
  private final int[] sizes;
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
    cuts = Arrays.copyOf(all, distinct);
    sizes = new int[distinct - 1];
    for (int k = 0; k < sizes.length; k++) {
      sizes[k] = cuts[k + 1] - cuts[k];
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

  /**
   * Twice the wins of one replicate whose positives are already drawn: only the cuts of the drawn
   * positives matter, so the pieces between them are merged (about a third of the positives are not
   * drawn in a replicate, so about a third fewer binomials) and the merged counts drawn as one
   * multinomial, in ascending order, by conditional binomials. Exact: a multinomial summed over a
   * coarser partition is the multinomial of the sums, and the positives are drawn independently of
   * the negatives.
   *
   * @param scratch a {@link Scratch} of this object
   */
  long replicateTwiceWins(SplittableRandom random, int[] positiveDraws, Scratch scratch) {
    int stamp = ++scratch.stamp;
    int[] used = scratch.used;
    for (int i : positiveDraws) {
      used[belowCut[i]] = stamp;
      used[atOrBelowCut[i]] = stamp;
    }
    long[] below = scratch.below;
    int last = cuts.length - 1;
    int remaining = negatives;
    long drawnBelow = 0;
    int start = 0;
    for (int c = 1; c <= last; c++) {
      if (used[c] != stamp && c != last) {
        continue;
      }
      int size = cuts[c] - cuts[start];
      int drawn = c == last ? remaining
          : remaining == 0 ? 0 : ModalBinomial.draw(random, remaining, size / (double) (negatives - cuts[start]));
      remaining -= drawn;
      drawnBelow += drawn;
      below[c] = drawnBelow;
      start = c;
    }
    long twiceWins = 0;
    for (int i : positiveDraws) {
      twiceWins += below[belowCut[i]] + below[atOrBelowCut[i]];
    }
    return twiceWins;
  }

  /** Per-thread working arrays of {@link #replicateTwiceWins}. */
  Scratch scratch() {
    return new Scratch(cuts.length);
  }

  static final class Scratch {
    private final int[] used;
    /** Resampled negatives below each used cut (cut 0: none). */
    private final long[] below;
    private int stamp;

    private Scratch(int cuts) {
      used = new int[cuts];
      below = new long[cuts];
    }
  }
}

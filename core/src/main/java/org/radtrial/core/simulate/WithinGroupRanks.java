package org.radtrial.core.simulate;

import java.util.Arrays;

/**
 * Per-group calibration of a model (a deployed product is often calibrated per scanner vendor or
 * site): each score becomes its rank within its group, the share of the group's exams scoring at
 * or below it. A threshold on these ranks flags the same share of exams in every group.
 */
public final class WithinGroupRanks {
  private WithinGroupRanks() {}

  /** Ranks in (0, 1] of {@code scores} within the groups given by {@code codes} (0 … groups − 1). */
  public static double[] of(double[] scores, int[] codes, int groups) {
    double[][] sorted = new double[groups][];
    int[] sizes = new int[groups];
    for (int c : codes) {
      sizes[c]++;
    }
    for (int g = 0; g < groups; g++) {
      sorted[g] = new double[sizes[g]];
    }
    int[] filled = new int[groups];
    for (int i = 0; i < scores.length; i++) {
      sorted[codes[i]][filled[codes[i]]++] = scores[i];
    }
    for (double[] s : sorted) {
      Arrays.sort(s);
    }
    double[] ranks = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      double[] s = sorted[codes[i]];
      int lo = 0;
      int hi = s.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (s[mid] <= scores[i]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      ranks[i] = lo / (double) s.length;
    }
    return ranks;
  }
}

package org.radtrial.core.paired;

import java.util.Arrays;
import org.radtrial.core.stat.StandardNormal;

/**
 * The two-sided Wilcoxon signed-rank test of paired values, computed as scipy 1.10.1's
 * {@code scipy.stats.wilcoxon(x, y, zero_method="wilcox", correction=False, alternative="two-sided",
 * method="auto", nan_policy="omit")} (Debian's python3-scipy 1.10.1-2; source
 * {@code scipy/stats/_morestats.py}), with one stated difference for tied data below.
 *
 * <ul>
 *   <li>d = x − y on the complete cases (a case where either value is NaN is left out and counted).
 *   <li>Zeros: every d = 0 is dropped before ranking and counted ({@link WilcoxonResult#zeros()}).
 *   <li>Ranks: the non-zero |d| ranked from 1 (smallest) to n, equal |d| (exact equality of the
 *       doubles, as scipy; d is computed as x − y in IEEE double like numpy, so rounding in the
 *       subtraction separates or joins values alike) sharing their average rank. R+ and R− are the
 *       rank sums of the positive and negative d; W = min(R+, R−).
 *   <li>Exact p, used when the complete cases number at most 50, none is zero and no |d| is tied:
 *       the null distribution of R+ (each sign ± with probability ½) is counted exactly (integer
 *       counts, at most 2^50), p = 2·min(P(R+ ≤ r), P(R+ ≥ r)), and p = 1 when r is the centre
 *       ⌊n(n+1)/4⌋, clipped to 1: the same double scipy returns (its pmf sums are exact dyadic
 *       numbers too).
 *   <li>Normal approximation otherwise (more than 50 complete cases, or any zero, or ties):
 *       z = (W − n(n+1)/4) / √((n(n+1)(2n+1) − ½Σ(t³ − t)) / 24), the sum over groups of t tied
 *       |d|, no continuity correction; p = 2Φ(−|z|).
 *   <li>Nothing to rank (no complete case, or every d = 0): p is NaN ({@link Method#NOT_COMPUTED});
 *       scipy returns NaN for no case and raises an error when every d is 0.
 * </ul>
 *
 * <p><b>Ties among the non-zero |d| at 50 or fewer complete cases.</b> scipy 1.10.1's "auto" does not
 * look for them: it applies the exact distribution of untied ranks to {@code int(R+)}, the tied rank
 * sum truncated to an integer (scipy issues 13689, 15856, 19872; later versions changed this). That
 * p-value is not the test's, and it changes when the two methods are swapped (R+ and R− truncate
 * differently). Here such data get the tie-corrected normal approximation instead, which is exactly
 * scipy 1.10.1's {@code method="approx"} (and R's {@code wilcox.test(exact = FALSE, correct = FALSE)}).
 * Everywhere else the result is scipy's "auto" result. The reference test shows both of scipy's values
 * for the tied data sets.
 *
 * <p>Cost: O(n log n) for the ranks; the exact distribution O(n³) small-integer additions (n ≤ 50).
 */
public final class WilcoxonSignedRank {
  /** Exact p-values up to this many complete cases, as scipy's "auto". */
  public static final int EXACT_MAX_CASES = 50;

  private WilcoxonSignedRank() {}

  /** How the p-value was computed. */
  public enum Method {
    /** the exact null distribution of R+ (no zeros, no ties, at most 50 complete cases) */
    EXACT,
    /** the normal approximation with the tie correction, no continuity correction */
    NORMAL,
    /** nothing to rank: no complete case, or every difference is zero; p is NaN */
    NOT_COMPUTED
  }

  /**
   * Tests d = x − y over the cases where both are present.
   *
   * @param x the first method's value per case, NaN where missing
   * @param y the second method's value per case, NaN where missing; same length as x
   * @throws IllegalArgumentException if the lengths differ or a value is infinite
   */
  public static WilcoxonResult test(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x has " + x.length + " values and y " + y.length + "; they must be paired");
    }
    double[] d = new double[x.length];
    int complete = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isInfinite(x[i]) || Double.isInfinite(y[i])) {
        throw new IllegalArgumentException("case " + i + " has an infinite value; give NaN for a missing value");
      }
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        d[complete++] = x[i] - y[i];
      }
    }
    return ofDifferences(Arrays.copyOf(d, complete), x.length - complete);
  }

  /** The test on complete differences (none NaN), {@code leftOut} cases having been left out before. */
  static WilcoxonResult ofDifferences(double[] d, int leftOut) {
    int complete = d.length;
    double[] magnitude = new double[complete];
    int n = 0;
    for (double v : d) {
      if (v != 0) {
        magnitude[n++] = Math.abs(v);
      }
    }
    int zeros = complete - n;
    if (n == 0) {
      return new WilcoxonResult(complete, leftOut, zeros, 0, false, 0, 0, 0, Method.NOT_COMPUTED, Double.NaN, Double.NaN);
    }
    Arrays.sort(magnitude, 0, n);
    // R+: for each positive d, the average rank of its |d| among the sorted magnitudes
    double rankSumPositive = 0;
    long tieTerm = 0;
    boolean ties = false;
    for (int lo = 0; lo < n; ) {
      int hi = lo;
      while (hi + 1 < n && magnitude[hi + 1] == magnitude[lo]) {
        hi++;
      }
      long t = hi - lo + 1;
      if (t > 1) {
        ties = true;
        tieTerm += t * (t * t - 1);
      }
      lo = hi + 1;
    }
    for (double v : d) {
      if (v > 0) {
        rankSumPositive += averageRank(magnitude, n, v);
      }
    }
    double total = n * (n + 1.0) / 2;
    double rankSumNegative = total - rankSumPositive;
    double w = Math.min(rankSumPositive, rankSumNegative);
    if (complete <= EXACT_MAX_CASES && zeros == 0 && !ties) {
      return new WilcoxonResult(complete, leftOut, zeros, n, false, rankSumPositive, rankSumNegative, w, Method.EXACT,
          Double.NaN, exactP(n, (int) rankSumPositive));
    }
    double mean = n * (n + 1.) * 0.25;
    double variance = n * (n + 1.) * (2. * n + 1.);
    variance -= 0.5 * tieTerm;
    double z = (w - mean) / Math.sqrt(variance / 24);
    return new WilcoxonResult(complete, leftOut, zeros, n, ties, rankSumPositive, rankSumNegative, w, Method.NORMAL, z,
        Math.min(1, StandardNormal.twoSidedP(z)));
  }

  /** The average 1-based rank of v among sorted[0, n): the mean of the first and last position holding v. */
  private static double averageRank(double[] sorted, int n, double v) {
    int first = lowerBound(sorted, n, v);
    int last = lowerBound(sorted, n, Math.nextUp(v)) - 1;
    return (first + last + 2) / 2.0;
  }

  private static int lowerBound(double[] sorted, int n, double v) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The two-sided exact p of R+ = r among n untied ranks: 2·min(P(R+ ≤ r), P(R+ ≥ r)), 1 at the centre
   * ⌊n(n+1)/4⌋, at most 1.
   */
  static double exactP(int n, int r) {
    long[] counts = exactCounts(n);
    int max = counts.length - 1;
    if (r == max / 2) {
      return 1.0;
    }
    long below = 0;
    for (int s = 0; s <= r; s++) {
      below += counts[s];
    }
    long above = 0;
    for (int s = r; s <= max; s++) {
      above += counts[s];
    }
    double p = 2 * Math.scalb((double) Math.min(below, above), -n);
    return Math.min(1, p);
  }

  /** The number of sign patterns of ranks 1..n whose positive ranks sum to s, for s = 0..n(n+1)/2. */
  static long[] exactCounts(int n) {
    if (n < 1 || n > 62) {
      throw new IllegalArgumentException("exact counts need 1 ≤ n ≤ 62, was " + n);
    }
    long[] counts = {1};
    for (int k = 1; k <= n; k++) {
      long[] next = new long[k * (k + 1) / 2 + 1];
      for (int s = 0; s < counts.length; s++) {
        next[s] += counts[s];
        next[s + k] += counts[s];
      }
      counts = next;
    }
    return counts;
  }
}

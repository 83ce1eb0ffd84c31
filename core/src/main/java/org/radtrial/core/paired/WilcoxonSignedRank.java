package org.radtrial.core.paired;

import java.util.Arrays;
import org.radtrial.core.stat.StandardNormal;

/**
 * The two-sided Wilcoxon signed-rank test of paired values. Without ties it is computed as scipy 1.10.1's
 * {@code scipy.stats.wilcoxon(x, y, zero_method="wilcox", correction=False, alternative="two-sided",
 * method="auto", nan_policy="omit")} (Debian's python3-scipy 1.10.1-2; source
 * {@code scipy/stats/_morestats.py}); tied data at 50 or fewer non-zero differences get the exact
 * conditional test, as R's {@code exactRankTests::wilcox.exact} (below).
 *
 * <ul>
 *   <li>d = x − y on the complete cases (a case where either value is NaN is left out and counted).
 *   <li>Zeros: every d = 0 is dropped before ranking and counted ({@link WilcoxonResult#zeros()}).
 *   <li>Ranks: the non-zero |d| ranked from 1 (smallest) to n, equal |d| (exact equality of the
 *       doubles, as scipy; d is computed as x − y in IEEE double like numpy, so rounding in the
 *       subtraction separates or joins values alike) sharing their average rank. R+ and R− are the
 *       rank sums of the positive and negative d; W = min(R+, R−).
 *   <li>{@link Method#EXACT}, when the complete cases number at most 50, none is zero and no |d| is tied:
 *       the null distribution of R+ (each sign ± with probability ½) is counted exactly (integer
 *       counts, at most 2^50), p = 2·min(P(R+ ≤ r), P(R+ ≥ r)), and p = 1 when r is the centre
 *       ⌊n(n+1)/4⌋, clipped to 1: the same double scipy returns (its pmf sums are exact dyadic
 *       numbers too).
 *   <li>{@link Method#EXACT_CONDITIONAL}, when two or more non-zero |d| are tied and n (after dropping
 *       the zeros) is at most 50: the permutation distribution of R+ given the average ranks (each of the
 *       2^n sign patterns equally likely), counted exactly on the doubled ranks by a subset-sum dynamic
 *       programme, O(n · n(n+1)); p = min(1, 2·min(P(R+ ≤ r), P(R+ ≥ r))), which by the distribution's
 *       symmetry is also P(|R+ − E| ≥ |r − E|). This is {@code exactRankTests::wilcox.exact(x, y,
 *       paired = TRUE, exact = TRUE)} and {@code coin::wilcoxsign_test(y ~ x, zero.method = "Wilcoxon",
 *       distribution = "exact")}; the reference script core/src/test/reference/paired/wilcoxon_exact_conditional.R
 *       prints both.
 *   <li>{@link Method#NORMAL} otherwise (more than 50 complete cases without ties, or more than 50 non-zero
 *       differences with ties, or any zero without ties):
 *       z = (W − n(n+1)/4) / √((n(n+1)(2n+1) − ½Σ(t³ − t)) / 24), the sum over groups of t tied
 *       |d|, no continuity correction; p = 2Φ(−|z|).
 *   <li>Nothing to rank (no complete case, or every d = 0): p is NaN ({@link Method#NOT_COMPUTED});
 *       scipy returns NaN for no case and raises an error when every d is 0.
 * </ul>
 *
 * <p><b>Why not scipy for ties at 50 or fewer complete cases.</b> scipy 1.10.1's "auto" does not look for
 * them: it applies the exact distribution of untied ranks to {@code int(R+)}, the tied rank sum truncated
 * to an integer (scipy issues 13689, 15856, 19872; later versions changed this). That p-value is not the
 * test's, and it changes when the two methods are swapped. Its normal approximation, on the other hand,
 * is too small at small n with ties (rounded per-case metrics tie as a rule): d = (.02, .02, .01, .01,
 * .03, .03, −.01) gives 0.0403 from the approximation and 0.0625 exactly. Hence the exact conditional
 * distribution there. Zeros without ties keep scipy's approximation (scipy's rule, unchanged).
 *
 * <p>Cost: O(n log n) for the ranks; the exact distributions O(n³) small-integer additions (n ≤ 50).
 */
public final class WilcoxonSignedRank {
  /**
   * Exact p-values up to this many complete cases without ties (as scipy's "auto"), and up to this many
   * non-zero differences with ties (exact conditional).
   */
  public static final int EXACT_MAX_CASES = 50;

  private WilcoxonSignedRank() {}

  /** How the p-value was computed. */
  public enum Method {
    /** the exact null distribution of R+ (no zeros, no ties, at most 50 complete cases) */
    EXACT,
    /**
     * the exact distribution of R+ given the tied ranks (average ranks; each sign ± with probability ½),
     * used when |d| tie among at most 50 non-zero differences
     */
    EXACT_CONDITIONAL,
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
    int[] doubledRanks = new int[n];
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
      Arrays.fill(doubledRanks, lo, hi + 1, lo + hi + 2); // twice the average of the ranks lo + 1 .. hi + 1
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
    if (ties && n <= EXACT_MAX_CASES) {
      return new WilcoxonResult(complete, leftOut, zeros, n, true, rankSumPositive, rankSumNegative, w,
          Method.EXACT_CONDITIONAL, Double.NaN, exactConditionalP(doubledRanks, (int) Math.round(2 * rankSumPositive)));
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

  /**
   * The two-sided exact p of the signed-rank statistic given the ranks, tied or not, as exactRankTests'
   * {@code wilcox.exact} (its {@code pperm}): with T the sum of the ranks given a + sign, every one of the
   * 2^n sign patterns equally likely, p = min(1, 2·min(P(T ≤ t), P(T ≥ t))). T is symmetric about its mean
   * E = Σ rank / 2, so this is also P(|T − E| ≥ |t − E|) (coin's definition). Counted exactly on the doubled
   * ranks (integers), so p is an exact dyadic double.
   *
   * @param doubledRanks twice each rank (midranks doubled are integers), n ≤ 62
   * @param doubledObserved twice the observed rank sum of the positive differences
   */
  static double exactConditionalP(int[] doubledRanks, int doubledObserved) {
    long[] counts = conditionalCounts(doubledRanks);
    long below = 0;
    for (int s = 0; s <= doubledObserved && s < counts.length; s++) {
      below += counts[s];
    }
    long above = 0;
    for (int s = Math.max(doubledObserved, 0); s < counts.length; s++) {
      above += counts[s];
    }
    return Math.min(1, 2 * Math.scalb((double) Math.min(below, above), -doubledRanks.length));
  }

  /**
   * The number of sign patterns whose positive scores sum to s, for s = 0..Σ scores: the subset-sum
   * counts, O(n · Σ scores).
   */
  static long[] conditionalCounts(int[] scores) {
    if (scores.length > 62) {
      throw new IllegalArgumentException("exact counts need at most 62 scores, were " + scores.length);
    }
    int total = 0;
    for (int score : scores) {
      if (score < 0) {
        throw new IllegalArgumentException("scores must not be negative, found " + score);
      }
      total += score;
    }
    long[] counts = new long[total + 1];
    counts[0] = 1;
    int reached = 0;
    for (int score : scores) {
      for (int s = reached; s >= 0; s--) {
        counts[s + score] += counts[s];
      }
      reached += score;
    }
    return counts;
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

package org.radtrial.core.paired;

/**
 * The Wilcoxon signed-rank test of one pair of methods, two-sided, on d = first − second over the
 * complete cases.
 *
 * @param complete cases where both values are present (not NaN)
 * @param leftOut cases left out because either value is NaN; {@code complete + leftOut} is every case
 * @param zeros complete cases with d = 0, dropped before ranking (zero_method "wilcox")
 * @param n differences ranked: {@code complete − zeros}
 * @param ties whether two or more of the ranked |d| are equal (they share their average rank)
 * @param rankSumPositive R+, the sum of the ranks of |d| over the positive d
 * @param rankSumNegative R−, the same over the negative d; R+ + R− = n(n + 1)/2
 * @param statistic W = min(R+, R−), the statistic scipy reports for a two-sided test
 * @param method how p was computed: {@code EXACT} (no ties), {@code EXACT_CONDITIONAL} (ties, given the
 *     average ranks), {@code NORMAL} or {@code NOT_COMPUTED}
 * @param z the standardised statistic (W − n(n+1)/4) / σ of the normal approximation, ≤ 0; NaN when
 *     an exact distribution was used or nothing was ranked
 * @param p the two-sided p-value; NaN when nothing was ranked ({@link WilcoxonSignedRank.Method#NOT_COMPUTED})
 */
public record WilcoxonResult(int complete, int leftOut, int zeros, int n, boolean ties, double rankSumPositive,
    double rankSumNegative, double statistic, WilcoxonSignedRank.Method method, double z, double p) {
  public WilcoxonResult {
    if (complete < 0 || leftOut < 0 || zeros < 0 || n != complete - zeros) {
      throw new IllegalArgumentException("inconsistent counts: complete " + complete + ", left out " + leftOut
          + ", zeros " + zeros + ", n " + n);
    }
    if (method == WilcoxonSignedRank.Method.NOT_COMPUTED ? !Double.isNaN(p) : !(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p " + p + " does not fit the method " + method);
    }
  }
}

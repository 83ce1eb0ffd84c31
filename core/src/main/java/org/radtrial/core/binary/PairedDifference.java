package org.radtrial.core.binary;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.radtrial.core.roc.DeLong;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.StandardNormal;

/**
 * Difference of two paired proportions (for example two readers' sensitivities on the same cancers)
 * by Tango's (1998) score method: the score statistic for H0: p₁ − p₂ = θ₀,
 *
 * <pre>Z(θ₀) = (b − c − Nθ₀) / sqrt(N (2 p̂₂₁ + θ₀(1 − θ₀)))</pre>
 *
 * where b = first-only positives, c = second-only positives, N all pairs and p̂₂₁ the restricted
 * maximum-likelihood estimate of P(second only) under θ₀ (root of 2N x² + B x + C = 0, B = −b − c +
 * (2N − b + c)θ₀, C = −c θ₀(1 − θ₀)). At θ₀ = 0 this is McNemar's z. The interval inverts the test
 * (all θ₀ with |Z| ≤ z_{1−α/2}); the non-inferiority test is one-sided at θ₀ = −margin. Tango's
 * interval stays inside [−1, 1] and behaves at zero discordant cells, where Wald's does not.
 */
public final class PairedDifference {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  private PairedDifference() {}

  /** Tango's score statistic Z(θ₀). */
  public static double score(int b, int c, int total, double theta0) {
    checkCounts(b, c, total);
    double n = total;
    double bigB = -b - c + (2 * n - b + c) * theta0;
    double bigC = -c * theta0 * (1 - theta0);
    double p21 = (-bigB + Math.sqrt(Math.max(0, bigB * bigB - 8 * n * bigC))) / (4 * n);
    double variance = n * (2 * p21 + theta0 * (1 - theta0));
    double numerator = b - c - n * theta0;
    if (variance <= 0) {
      return numerator == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, numerator);
    }
    return numerator / Math.sqrt(variance);
  }

  /** Tango's score interval for p₁ − p₂, found by bisection on the monotone Z(θ₀). */
  public static Interval interval(int b, int c, int total, double level) {
    checkCounts(b, c, total);
    double z = StandardNormal.criticalValue(level);
    double estimate = (b - c) / (double) total;
    double lower = solve(b, c, total, z, -1, estimate);
    double upper = solve(b, c, total, -z, estimate, 1);
    return new Interval(lower, upper, level);
  }

  /** One-sided p-value of H0: p₁ − p₂ ≤ −margin against H1: p₁ − p₂ > −margin. */
  public static double nonInferiorityP(int b, int c, int total, double margin) {
    if (!(margin >= 0 && margin < 1)) {
      throw new IllegalArgumentException("non-inferiority margin must lie in [0, 1), was " + margin);
    }
    return 1 - STANDARD_NORMAL.cumulativeProbability(score(b, c, total, -margin));
  }

  /** The θ₀ in [lo, hi] where Z(θ₀) = target, Z decreasing in θ₀. */
  private static double solve(int b, int c, int total, double target, double lo, double hi) {
    if (score(b, c, total, lo) <= target) {
      return lo;
    }
    if (score(b, c, total, hi) >= target) {
      return hi;
    }
    for (int iteration = 0; iteration < 200 && hi - lo > 1e-12; iteration++) {
      double mid = (lo + hi) / 2;
      if (score(b, c, total, mid) > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  private static void checkCounts(int b, int c, int total) {
    if (b < 0 || c < 0 || total <= 0 || b + c > total) {
      throw new IllegalArgumentException(
          "paired counts need b, c >= 0 and b + c <= N > 0, got b = " + b + ", c = " + c + ", N = " + total);
    }
  }
}

package org.radtrial.core.binary;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.roc.DeLong;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.StandardNormal;

/** Comparisons of two or more independent binomial proportions. */
public final class TwoProportions {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  private TwoProportions() {}

  /**
   * Newcombe's (1998, method 10) hybrid score interval for p₁ − p₂ from two Wilson intervals:
   * [d − sqrt((p₁ − l₁)² + (u₂ − p₂)²), d + sqrt((u₁ − p₁)² + (p₂ − l₂)²)].
   */
  public static Interval newcombeDifference(int x1, int n1, int x2, int n2, double level) {
    double p1 = x1 / (double) n1;
    double p2 = x2 / (double) n2;
    Interval w1 = ProportionIntervals.interval(x1, n1, CiMethod.WILSON, level);
    Interval w2 = ProportionIntervals.interval(x2, n2, CiMethod.WILSON, level);
    double d = p1 - p2;
    double lower = d - Math.sqrt(square(p1 - w1.lower()) + square(w2.upper() - p2));
    double upper = d + Math.sqrt(square(w1.upper() - p1) + square(p2 - w2.lower()));
    return new Interval(lower, upper, level);
  }

  /**
   * Katz log interval for the ratio p₁ / p₂: exp(ln r ± z·sqrt(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)); null
   * when either numerator is 0 (the ratio or its logarithm is undefined).
   */
  public static @Nullable Interval katzRatio(int x1, int n1, int x2, int n2, double level) {
    if (x1 == 0 || x2 == 0) {
      return null;
    }
    double ratio = (x1 / (double) n1) / (x2 / (double) n2);
    double se = Math.sqrt(1.0 / x1 - 1.0 / n1 + 1.0 / x2 - 1.0 / n2);
    double z = StandardNormal.criticalValue(level);
    return new Interval(ratio * Math.exp(-z * se), ratio * Math.exp(z * se), level);
  }

  /**
   * Pooled two-proportion z statistic (p₁ − p₂) / sqrt(p̄(1 − p̄)(1/n₁ + 1/n₂)); its square is
   * Pearson's chi-square of the 2×2 table without continuity correction. 0 when p̄ is 0 or 1.
   */
  public static double pooledZ(int x1, int n1, int x2, int n2) {
    double pooled = (x1 + x2) / (double) (n1 + n2);
    double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
    if (variance == 0) {
      return 0;
    }
    return (x1 / (double) n1 - x2 / (double) n2) / Math.sqrt(variance);
  }

  /** Upper-tail p of a standard-normal statistic: the one-sided test that p₁ > p₂. */
  public static double upperTailP(double z) {
    return 1 - STANDARD_NORMAL.cumulativeProbability(z);
  }

  /**
   * Pearson's chi-square test of homogeneity of k proportions (a k×2 table, no continuity
   * correction), as R's {@code chisq.test(correct = FALSE)}. Groups with no trials are left out;
   * with fewer than two groups left, or no variation at all, returns statistic 0, p 1.
   *
   * @return {statistic, degrees of freedom, p}
   */
  public static double[] homogeneity(int[] successes, int[] trials) {
    long totalX = 0;
    long totalN = 0;
    int groups = 0;
    for (int g = 0; g < trials.length; g++) {
      if (trials[g] > 0) {
        totalX += successes[g];
        totalN += trials[g];
        groups++;
      }
    }
    double pooled = totalN == 0 ? 0 : totalX / (double) totalN;
    if (groups < 2 || pooled == 0 || pooled == 1) {
      return new double[] {0, Math.max(groups - 1, 0), 1};
    }
    double statistic = 0;
    for (int g = 0; g < trials.length; g++) {
      if (trials[g] > 0) {
        double expectedX = trials[g] * pooled;
        double expectedY = trials[g] * (1 - pooled);
        statistic += square(successes[g] - expectedX) / expectedX + square(trials[g] - successes[g] - expectedY) / expectedY;
      }
    }
    int df = groups - 1;
    return new double[] {statistic, df, 1 - new ChiSquaredDistribution(df).cumulativeProbability(statistic)};
  }

  private static double square(double x) {
    return x * x;
  }
}

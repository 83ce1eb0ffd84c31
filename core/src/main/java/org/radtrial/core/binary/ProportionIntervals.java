package org.radtrial.core.binary;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.radtrial.core.roc.DeLong;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.StandardNormal;

/** Confidence intervals for a binomial proportion x / n. */
public final class ProportionIntervals {
  private ProportionIntervals() {}

  public static Interval interval(int x, int n, CiMethod method, double level) {
    if (n <= 0 || x < 0 || x > n) {
      throw new IllegalArgumentException("need 0 <= x <= n and n > 0, got x = " + x + ", n = " + n);
    }
    return switch (method) {
      case WILSON -> wilson(x, n, level);
      case CLOPPER_PEARSON -> clopperPearson(x, n, level);
    };
  }

  /** Wilson score interval: (p̂ + z²/2n ± z·sqrt(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). */
  static Interval wilson(int x, int n, double level) {
    double z = StandardNormal.criticalValue(level);
    double p = x / (double) n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    // At 0 or n successes the bound is exactly 0 or 1 (as in R); centre ∓ half only rounds to it.
    double lower = x == 0 ? 0 : Math.max(0, centre - half);
    double upper = x == n ? 1 : Math.min(1, centre + half);
    return new Interval(lower, upper, level);
  }

  /** Clopper-Pearson: Beta(α/2; x, n−x+1) and Beta(1−α/2; x+1, n−x), with 0 and 1 at the edges. */
  static Interval clopperPearson(int x, int n, double level) {
    double alpha = 1 - level;
    double lower = x == 0 ? 0 : new BetaDistribution(x, n - x + 1.0, 1e-14).inverseCumulativeProbability(alpha / 2);
    double upper = x == n ? 1 : new BetaDistribution(x + 1.0, n - x, 1e-14).inverseCumulativeProbability(1 - alpha / 2);
    return new Interval(lower, upper, level);
  }
}

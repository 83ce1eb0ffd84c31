package org.radtrial.core.stat;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The standard normal's critical values and tail probabilities, shared by every Wald interval and z
 * test in the core (DeLong, Newcombe, Wilson, the audit's gaps, the reader studies).
 */
public final class StandardNormal {
  private static final NormalDistribution DISTRIBUTION = new NormalDistribution(0, 1);

  private StandardNormal() {}

  /** The two-sided critical value for a confidence level, e.g. 1.959964 at 0.95. */
  public static double criticalValue(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must lie in (0, 1), was " + level);
    }
    return DISTRIBUTION.inverseCumulativeProbability(1 - (1 - level) / 2);
  }

  /** Two-sided p-value of a standard-normal statistic, 2Φ(−|z|). */
  public static double twoSidedP(double z) {
    return 2 * DISTRIBUTION.cumulativeProbability(-Math.abs(z));
  }

  /** Upper-tail probability 1 − Φ(z), computed as Φ(−z) so that it keeps its precision far in the tail. */
  public static double upperTail(double z) {
    return DISTRIBUTION.cumulativeProbability(-z);
  }
}

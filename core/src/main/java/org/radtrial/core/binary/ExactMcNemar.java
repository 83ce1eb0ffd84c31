package org.radtrial.core.binary;

import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * Exact (conditional) McNemar test of two paired binary decisions on the same cases: given the b +
 * c discordant cases, b ~ Binomial(b + c, ½) under H0; two-sided p = min(1, 2·P(X ≤ min(b, c))).
 * Equals R's {@code binom.test(b, b + c)} and exact2x2's {@code mcnemar.exact}.
 */
public final class ExactMcNemar {
  private ExactMcNemar() {}

  /**
   * @param onlyFirst cases where the first decision is positive and the second negative (b)
   * @param onlySecond cases where the second is positive and the first negative (c)
   * @return two-sided exact p; 1 when there are no discordant cases
   */
  public static double pValue(int onlyFirst, int onlySecond) {
    if (onlyFirst < 0 || onlySecond < 0) {
      throw new IllegalArgumentException("discordant counts must be non-negative");
    }
    int discordant = onlyFirst + onlySecond;
    if (discordant == 0) {
      return 1;
    }
    double tail = new BinomialDistribution(discordant, 0.5).cumulativeProbability(Math.min(onlyFirst, onlySecond));
    return Math.min(1, 2 * tail);
  }
}

package org.radtrial.core.mrmc;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.FDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Tail probabilities and quantiles of the F, t and chi-square distributions, with non-integer
 * degrees of freedom (Hillis's ddf) and an infinite denominator df (F(ndf, ∞) = χ²(ndf)/ndf, t(∞) =
 * N(0, 1)), which a denominator mean square of exactly 0 produces.
 */
final class Distributions {
  private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

  private Distributions() {}

  /** P(F(ndf, ddf) > x). */
  static double upperTailF(double x, double ndf, double ddf) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 0;
    }
    if (x <= 0) {
      return 1;
    }
    if (Double.isInfinite(ddf)) {
      return upperTailChiSquare(ndf * x, ndf);
    }
    return 1 - new FDistribution(ndf, ddf).cumulativeProbability(x);
  }

  /** P(χ²(df) > x). */
  static double upperTailChiSquare(double x, double df) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 0;
    }
    return x <= 0 ? 1 : 1 - new ChiSquaredDistribution(df).cumulativeProbability(x);
  }

  /** P(|T(df)| > |t|), with T standard normal when df is infinite. */
  static double twoSidedT(double t, double df) {
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return 0;
    }
    double tail = Double.isInfinite(df)
        ? NORMAL.cumulativeProbability(-Math.abs(t))
        : new TDistribution(df).cumulativeProbability(-Math.abs(t));
    return 2 * tail;
  }

  /** The two-sided critical value of t(df) (normal when df is infinite) at a confidence level. */
  static double tCritical(double level, double df) {
    double p = 1 - (1 - level) / 2;
    return Double.isInfinite(df) ? NORMAL.inverseCumulativeProbability(p) : new TDistribution(df).inverseCumulativeProbability(p);
  }

  /** The upper 1 − alpha quantile of F(ndf, ddf). */
  static double fCritical(double alpha, double ndf, double ddf) {
    if (Double.isInfinite(ddf)) {
      return new ChiSquaredDistribution(ndf).inverseCumulativeProbability(1 - alpha) / ndf;
    }
    return new FDistribution(ndf, ddf).inverseCumulativeProbability(1 - alpha);
  }
}

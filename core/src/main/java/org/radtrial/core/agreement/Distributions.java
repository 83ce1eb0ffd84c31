package org.radtrial.core.agreement;

import org.hipparchus.distribution.continuous.FDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Beta;

/** The t and F quantiles and tails the intervals here need, inverted to 1e-14 (Hipparchus' default is 1e-9). */
final class Distributions {
  private static final double ACCURACY = 1e-14;

  private Distributions() {}

  /** The two-sided critical value of t with df degrees of freedom, R's {@code qt((1 + level)/2, df)}. */
  static double tCritical(double level, double df) {
    return new TDistribution(df, ACCURACY).inverseCumulativeProbability((1 + level) / 2);
  }

  /** Two-sided p of a t statistic, {@code 2·pt(−|t|, df)}. */
  static double tTwoSidedP(double t, double df) {
    return 2 * new TDistribution(df, ACCURACY).cumulativeProbability(-Math.abs(t));
  }

  /** The upper quantile of F, R's {@code qf(prob, df1, df2)}; the degrees of freedom need not be whole. */
  static double fQuantile(double prob, double df1, double df2) {
    return new FDistribution(df1, df2, ACCURACY).inverseCumulativeProbability(prob);
  }

  /** P(F ≥ f), computed as I_{df2/(df2 + df1·f)}(df2/2, df1/2) so that small tails keep their digits. */
  static double fUpperTail(double f, double df1, double df2) {
    return Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
  }
}

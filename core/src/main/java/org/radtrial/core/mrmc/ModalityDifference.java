package org.radtrial.core.mrmc;

import org.radtrial.core.stat.Interval;

/**
 * The difference of two modalities' reader-averaged figures of merit, first − second, with its
 * two-sided test of H0: difference = 0 and its confidence interval estimate ± t(df)·SE.
 *
 * @param first the first modality
 * @param second the second modality
 * @param estimate mean over readers of the first minus mean of the second
 * @param standardError its standard error
 * @param df degrees of freedom of the t reference distribution; +∞ for a normal (z) reference
 * @param statistic estimate / standardError (t, or z when df is infinite)
 * @param p two-sided p-value
 * @param ci the confidence interval
 */
public record ModalityDifference(
    String first, String second, double estimate, double standardError, double df, double statistic, double p,
    Interval ci) {

  /** The difference with the given variance (negative variances, from ANOVA estimates, count as 0). */
  static ModalityDifference of(String first, String second, double estimate, double variance, double df, double level) {
    double se = Math.sqrt(Math.max(0, variance));
    double statistic;
    double p;
    if (se == 0) {
      statistic = estimate == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, estimate);
      p = estimate == 0 ? 1 : 0;
    } else {
      statistic = estimate / se;
      p = Distributions.twoSidedT(statistic, df);
    }
    double half = Distributions.tCritical(level, df) * se;
    return new ModalityDifference(first, second, estimate, se, df, statistic, p, new Interval(estimate - half, estimate + half, level));
  }
}

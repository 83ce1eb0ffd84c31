package org.radtrial.core.mrmc;

/**
 * The test of H0: every modality has the same mean figure of merit.
 *
 * @param distribution "F" or "chi-square"
 * @param statistic the F or X² value
 * @param ndf numerator degrees of freedom (modalities − 1); the chi-square's df
 * @param ddf denominator degrees of freedom; +∞ for a chi-square test
 * @param p P(statistic at least as large) under H0
 */
public record GlobalTest(String distribution, double statistic, double ndf, double ddf, double p) {
  /**
   * F = numerator / denominator on ndf and ddf. A zero denominator (no variability at all) gives F =
   * 0 and p = 1 when the numerator is 0 too, else F = +∞ and p = 0, as {@link ModalityDifference} does.
   */
  static GlobalTest f(double numerator, double denominator, double ndf, double ddf) {
    double statistic = ratio(numerator, denominator);
    return new GlobalTest("F", statistic, ndf, ddf, Distributions.upperTailF(statistic, ndf, ddf));
  }

  /** X² = numerator / denominator on df; a zero denominator as for {@link #f}. */
  static GlobalTest chiSquare(double numerator, double denominator, double df) {
    double statistic = ratio(numerator, denominator);
    return new GlobalTest("chi-square", statistic, df, Double.POSITIVE_INFINITY, Distributions.upperTailChiSquare(statistic, df));
  }

  private static double ratio(double numerator, double denominator) {
    if (denominator == 0) {
      return numerator == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return numerator / denominator;
  }
}

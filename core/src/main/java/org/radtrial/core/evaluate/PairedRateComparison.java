package org.radtrial.core.evaluate;

import org.jspecify.annotations.Nullable;
import org.radtrial.core.stat.Interval;

/**
 * Two decision makers' paired rates (sensitivity on the same positives, or specificity on the same
 * negatives).
 *
 * @param cases cases both decided on
 * @param first the first's rate
 * @param second the second's rate
 * @param difference first − second
 * @param ci Tango score interval of the difference
 * @param onlyFirstCorrect cases the first got right and the second wrong
 * @param onlySecondCorrect cases the second got right and the first wrong
 * @param mcnemarP exact McNemar two-sided p
 * @param nonInferiority the first's non-inferiority to the second, null when no margin was given
 */
public record PairedRateComparison(
    int cases,
    double first,
    double second,
    double difference,
    @Nullable Interval ci,
    int onlyFirstCorrect,
    int onlySecondCorrect,
    double mcnemarP,
    @Nullable NonInferiority nonInferiority) {

  /**
   * Tango score test of H0: first − second ≤ −margin.
   *
   * @param margin the margin
   * @param p one-sided p
   * @param nonInferior p below (1 − level)/2, the one-sided α matching the two-sided interval: the
   *     interval's lower bound then lies above −margin
   */
  public record NonInferiority(double margin, double p, boolean nonInferior) {}
}

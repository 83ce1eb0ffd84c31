package org.radtrial.core.agreement;

/** Bland-Altman, ICC(A,1) and Lin's concordance of two measurements, on the same complete cases. */
public final class Agreement {
  private Agreement() {}

  /**
   * All three analyses of x against y (differences x − y).
   *
   * @param x the first method's value per case, NaN where missing
   * @param y the second method's value per case, NaN where missing
   * @param level confidence level of every interval (and coverage of the limits of agreement), in (0, 1)
   * @throws IllegalArgumentException on the edge cases any of the three refuses (see each class)
   */
  public static AgreementResult of(double[] x, double[] y, double level) {
    return new AgreementResult(BlandAltman.of(x, y, level), Icc.absoluteAgreement(x, y, level),
        Concordance.of(x, y, level));
  }
}

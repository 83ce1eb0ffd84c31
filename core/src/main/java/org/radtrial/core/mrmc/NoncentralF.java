package org.radtrial.core.mrmc;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The non-central F distribution F(ndf, ddf, λ), which Hipparchus lacks: the distribution of (X/ndf)
 * / (Y/ddf) with X ~ χ²(ndf, λ) non-central and Y ~ χ²(ddf) independent.
 *
 * <p>Its CDF is the Poisson mixture of regularized incomplete beta functions (Johnson, Kotz and
 * Balakrishnan 1995, eq. 30.7):
 *
 * <pre>P(F ≤ f) = Σ_{j≥0} e^{−λ/2} (λ/2)^j / j! · I_x(ndf/2 + j, ddf/2),  x = ndf·f / (ndf·f + ddf).</pre>
 *
 * The sum runs outward from the Poisson mode until the Poisson weights left out total less than
 * 1e-14; as every I_x lies in [0, 1], that bounds the truncation error. Checked against R's {@code
 * pf(q, df1, df2, ncp)} in the tests (src/test/reference/noncentral_f.R).
 */
final class NoncentralF {
  private static final double TAIL = 1e-14;
  private static final double BETA_EPSILON = 1e-15;
  private static final int BETA_ITERATIONS = 100_000;

  private NoncentralF() {}

  /** P(F ≤ f) for F ~ F(ndf, ddf, ncp); ncp = 0 gives the central F. */
  static double cdf(double f, double ndf, double ddf, double ncp) {
    if (!(ndf > 0 && ddf > 0 && ncp >= 0)) {
      throw new IllegalArgumentException("the non-central F needs ndf > 0, ddf > 0 and ncp >= 0; got "
          + ndf + ", " + ddf + ", " + ncp);
    }
    if (Double.isNaN(f)) {
      return Double.NaN;
    }
    if (f <= 0) {
      return 0;
    }
    if (f == Double.POSITIVE_INFINITY) {
      return 1;
    }
    double x = ndf * f / (ndf * f + ddf);
    double a = ndf / 2;
    double b = ddf / 2;
    double mu = ncp / 2;
    if (mu == 0) {
      return Beta.regularizedBeta(x, a, b, BETA_EPSILON, BETA_ITERATIONS);
    }
    long mode = (long) Math.floor(mu);
    double sum = 0;
    double mass = 0;
    for (long d = 0; ; d++) {
      long up = mode + d;
      long down = mode - d - 1;
      double wUp = poisson(up, mu);
      double wDown = down >= 0 ? poisson(down, mu) : 0;
      sum += wUp * Beta.regularizedBeta(x, a + up, b, BETA_EPSILON, BETA_ITERATIONS);
      if (down >= 0) {
        sum += wDown * Beta.regularizedBeta(x, a + down, b, BETA_EPSILON, BETA_ITERATIONS);
      }
      mass += wUp + wDown;
      if (1 - mass < TAIL || (wUp < Double.MIN_NORMAL && wDown < Double.MIN_NORMAL)) {
        break;
      }
    }
    return Math.min(1, Math.max(0, sum));
  }

  /** e^{−μ} μ^j / j!, computed in logs. */
  private static double poisson(long j, double mu) {
    return Math.exp(-mu + j * Math.log(mu) - Gamma.logGamma(j + 1.0));
  }

  /** P(F > f), the power of an F test whose critical value is f. */
  static double survival(double f, double ndf, double ddf, double ncp) {
    return 1 - cdf(f, ndf, ddf, ncp);
  }
}

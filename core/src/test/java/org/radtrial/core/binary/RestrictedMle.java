package org.radtrial.core.binary;

/**
 * Oracle for the restricted maximum-likelihood estimate behind Tango's score: maximises the
 * multinomial log-likelihood of a paired 2×2 table under H0: p₁₂ − p₂₁ = θ₀,
 *
 * <pre>ℓ(p₂₁) = b·log(p₂₁ + θ₀) + c·log(p₂₁) + (N − b − c)·log(1 − 2p₂₁ − θ₀)</pre>
 *
 * over max(0, −θ₀) ≤ p₂₁ ≤ (1 − θ₀)/2 by golden-section search (ℓ is concave, so the search finds
 * the maximum, on the boundary if that is where it is). Knows nothing of the closed-form root.
 */
final class RestrictedMle {
  private static final double INVERSE_GOLDEN_RATIO = (Math.sqrt(5) - 1) / 2;

  private RestrictedMle() {}

  static double p21(int b, int c, int total, double theta0) {
    if (!(theta0 > -1 && theta0 < 1)) {
      throw new IllegalArgumentException("the restricted likelihood is defined for θ0 in (−1, 1), was " + theta0);
    }
    double lo = Math.max(0, -theta0);
    double hi = (1 - theta0) / 2;
    double x1 = hi - INVERSE_GOLDEN_RATIO * (hi - lo);
    double x2 = lo + INVERSE_GOLDEN_RATIO * (hi - lo);
    double f1 = logLikelihood(b, c, total, theta0, x1);
    double f2 = logLikelihood(b, c, total, theta0, x2);
    for (int iteration = 0; iteration < 300 && hi - lo > 1e-15; iteration++) {
      if (f1 < f2) {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + INVERSE_GOLDEN_RATIO * (hi - lo);
        f2 = logLikelihood(b, c, total, theta0, x2);
      } else {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - INVERSE_GOLDEN_RATIO * (hi - lo);
        f1 = logLikelihood(b, c, total, theta0, x1);
      }
    }
    return (lo + hi) / 2;
  }

  static double logLikelihood(int b, int c, int total, double theta0, double p21) {
    return term(b, p21 + theta0) + term(c, p21) + term(total - b - c, 1 - 2 * p21 - theta0);
  }

  /** count·log(probability), with 0·log(0) = 0 and −∞ for an impossible observed cell. */
  private static double term(int count, double probability) {
    if (count == 0) {
      return 0;
    }
    return probability <= 0 ? Double.NEGATIVE_INFINITY : count * Math.log(probability);
  }
}

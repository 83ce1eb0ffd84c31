package org.radtrial.core.pool;

import org.radtrial.core.stat.Interval;

/**
 * Between-site heterogeneity of a random-effects fit, with metafor's definitions.
 *
 * @param q Cochran's Q, Σ wᵢ(yᵢ − μ̂_FE)² with wᵢ = 1/vᵢ
 * @param df its degrees of freedom, k − 1
 * @param qP upper-tail χ²(k − 1) probability of Q (test of no heterogeneity)
 * @param tauSquared the estimated between-site variance τ²
 * @param tauSquaredSe its standard error (REML: √(2/tr(P²)); DL: metafor's moment formula)
 * @param tauSquaredCi the Q-profile interval of τ² (Viechtbauer 2007; metafor's {@code confint})
 * @param iSquared I² in percent, 100 τ²/(τ² + s²), s² the typical within-site variance of Higgins
 *     and Thompson (2002): (k − 1) Σwᵢ / ((Σwᵢ)² − Σwᵢ²)
 * @param iSquaredCi I² at the bounds of {@code tauSquaredCi}
 * @param hSquared H² = (τ² + s²)/s²
 * @param hSquaredCi H² at the bounds of {@code tauSquaredCi}
 */
public record Heterogeneity(
    double q,
    int df,
    double qP,
    double tauSquared,
    double tauSquaredSe,
    Interval tauSquaredCi,
    double iSquared,
    Interval iSquaredCi,
    double hSquared,
    Interval hSquaredCi) {

  /** τ, the between-site standard deviation. */
  public double tau() {
    return Math.sqrt(tauSquared);
  }

  /** The interval of τ: the square roots of the bounds of τ². */
  public Interval tauCi() {
    return new Interval(Math.sqrt(tauSquaredCi.lower()), Math.sqrt(tauSquaredCi.upper()), tauSquaredCi.level());
  }
}

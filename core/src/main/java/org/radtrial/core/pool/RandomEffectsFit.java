package org.radtrial.core.pool;

import org.radtrial.core.stat.Interval;

/**
 * A univariate random-effects meta-analysis: the pooled mean of k site estimates, its interval and
 * test, the interval a new site's true value is expected in, and the heterogeneity.
 *
 * @param k number of sites
 * @param method how τ² was estimated
 * @param knappHartung whether the Knapp-Hartung (2003) variance and t(k − 1) quantiles were used
 * @param estimate the pooled mean μ̂ = Σ wᵢyᵢ / Σ wᵢ with wᵢ = 1/(vᵢ + τ̂²)
 * @param se its standard error: √(1/Σwᵢ), or under Knapp-Hartung √(q/Σwᵢ) with q = Σwᵢ(yᵢ − μ̂)²/(k − 1)
 *     (not truncated at 1, as metafor's {@code test = "knha"})
 * @param ci the Wald interval μ̂ ± c·se, c the normal or t(k − 1) quantile
 * @param statistic z or t = μ̂/se
 * @param p its two-sided p-value
 * @param prediction the prediction interval μ̂ ± c·√(se² + τ̂²) with the same c (metafor 3.8 {@code predict})
 * @param heterogeneity Q, τ², I², H² and their intervals
 */
public record RandomEffectsFit(
    int k,
    TauSquaredMethod method,
    boolean knappHartung,
    double estimate,
    double se,
    Interval ci,
    double statistic,
    double p,
    Interval prediction,
    Heterogeneity heterogeneity) {

  /** Degrees of freedom of the t quantiles under Knapp-Hartung, k − 1. */
  public int tDegreesOfFreedom() {
    return k - 1;
  }
}

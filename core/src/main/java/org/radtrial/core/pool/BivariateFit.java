package org.radtrial.core.pool;

import org.radtrial.core.stat.Interval;

/**
 * The bivariate random-effects model of sensitivity and false positive rate (Reitsma et al. 2005)
 * fitted by REML, with mada's parametrisation: logit sensitivity and logit false positive rate.
 *
 * @param k number of sites
 * @param continuityCorrected whether 0.5 was added to every cell of every site (as mada's default
 *     {@code correction.control = "all"}: done when any site has a zero cell)
 * @param logitSensitivity μ₁, the mean logit sensitivity
 * @param logitSensitivitySe its standard error
 * @param logitFalsePositiveRate μ₂, the mean logit false positive rate
 * @param logitFalsePositiveRateSe its standard error
 * @param logitCovariance the covariance of μ̂₁ and μ̂₂ (for the confidence region)
 * @param tauSensitivity between-site SD of logit sensitivity
 * @param tauFalsePositiveRate between-site SD of logit false positive rate
 * @param rho between-site correlation of the two
 * @param logLikelihood the restricted log-likelihood as mada reports it (with the Jacobian of the
 *     logit transformation)
 * @param sensitivity the summary sensitivity, logit⁻¹(μ₁), with the back-transformed Wald interval
 * @param falsePositiveRate the summary false positive rate, logit⁻¹(μ₂), with its interval
 */
public record BivariateFit(
    int k,
    boolean continuityCorrected,
    double logitSensitivity,
    double logitSensitivitySe,
    double logitFalsePositiveRate,
    double logitFalsePositiveRateSe,
    double logitCovariance,
    double tauSensitivity,
    double tauFalsePositiveRate,
    double rho,
    double logLikelihood,
    Estimate sensitivity,
    Estimate falsePositiveRate) {

  /** A proportion and its interval. */
  public record Estimate(double value, Interval ci) {}

  /** The summary specificity, 1 − the false positive rate, with its interval. */
  public Estimate specificity() {
    Interval ci = falsePositiveRate.ci();
    return new Estimate(1 - falsePositiveRate.value(), new Interval(1 - ci.upper(), 1 - ci.lower(), ci.level()));
  }
}

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
 * @param lowestFalsePositiveRate the lowest observed false positive rate FP/(FP + TN) of a site (uncorrected)
 * @param highestFalsePositiveRate the highest
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
    Estimate falsePositiveRate,
    double lowestFalsePositiveRate,
    double highestFalsePositiveRate) {

  /** A proportion and its interval. */
  public record Estimate(double value, Interval ci) {}

  /** The summary specificity, 1 − the false positive rate, with its interval. */
  public Estimate specificity() {
    Interval ci = falsePositiveRate.ci();
    return new Estimate(1 - falsePositiveRate.value(), new Interval(1 - ci.upper(), 1 - ci.lower(), ci.level()));
  }

  /**
   * The Rutter-Gatsonis SROC curve implied by the fit (Harbord et al. 2007; mada's {@code sroc},
   * type "ruttergatsonis"): sensitivity = logit⁻¹(Λ e^(−β/2) + e^(−β) logit(fpr)) with β = log(τ₂/τ₁)
   * and Λ = √(τ₂/τ₁) μ₁ − √(τ₁/τ₂) μ₂.
   */
  public double sroc(double falsePositiveRate) {
    double beta = Math.log(tauFalsePositiveRate / tauSensitivity);
    double lambda = Math.sqrt(tauFalsePositiveRate / tauSensitivity) * logitSensitivity
        - Math.sqrt(tauSensitivity / tauFalsePositiveRate) * logitFalsePositiveRate;
    double logitFpr = Math.log(falsePositiveRate / (1 - falsePositiveRate));
    return Bivariate.expit(lambda * Math.exp(-beta / 2) + Math.exp(-beta) * logitFpr);
  }

  /** The area under {@link #sroc} as mada's {@code AUC}: the trapezoid sum over 99 equally spaced false positive rates from 0.01 to 0.99, divided by 99. */
  public double srocAuc() {
    return srocArea(0.01, 0.99);
  }

  /** mada's partial AUC: the same rule over 99 points spanning the observed false positive rates (clipped to [0.01, 0.99]), which makes it an average sensitivity. */
  public double partialSrocAuc() {
    return srocArea(Math.max(0.01, lowestFalsePositiveRate), Math.min(0.99, highestFalsePositiveRate));
  }

  private double srocArea(double from, double to) {
    int n = 99;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double s = sroc(from + (to - from) * i / (n - 1));
      sum += (i == 0 || i == n - 1) ? s / 2 : s;
    }
    return sum / n;
  }

  /**
   * The confidence region of the summary point (covariance of μ̂), or with {@code prediction} the
   * prediction region of a new site's true point (covariance of μ̂ plus Ψ), as {@code points}
   * (false positive rate, sensitivity) pairs: the ellipse on the logit scale with radius
   * √χ²₂(level), drawn as R's {@code ellipse} package draws it (mada's {@code ROCellipse}),
   * back-transformed. Not checked against a published reference.
   */
  public java.util.List<double[]> region(double level, boolean prediction, int points) {
    if (!(level > 0 && level < 1) || points < 3) {
      throw new IllegalArgumentException("a region needs a level in (0, 1) and at least 3 points, got " + level + ", " + points);
    }
    double v1 = logitSensitivitySe * logitSensitivitySe;
    double v2 = logitFalsePositiveRateSe * logitFalsePositiveRateSe;
    double c = logitCovariance;
    if (prediction) {
      v1 += tauSensitivity * tauSensitivity;
      v2 += tauFalsePositiveRate * tauFalsePositiveRate;
      c += rho * tauSensitivity * tauFalsePositiveRate;
    }
    double r = c / Math.sqrt(v1 * v2);
    double d = Math.acos(r);
    double t = Math.sqrt(-2 * Math.log(1 - level));
    java.util.List<double[]> out = new java.util.ArrayList<>();
    for (int i = 0; i < points; i++) {
      double a = 2 * Math.PI * i / (points - 1);
      double x = logitSensitivity + t * Math.sqrt(v1) * Math.cos(a + d / 2);
      double y = logitFalsePositiveRate + t * Math.sqrt(v2) * Math.cos(a - d / 2);
      out.add(new double[] {Bivariate.expit(y), Bivariate.expit(x)});
    }
    return out;
  }
}

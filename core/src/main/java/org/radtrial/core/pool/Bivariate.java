package org.radtrial.core.pool;

import java.util.List;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.StandardNormal;

/**
 * The bivariate random-effects model of sensitivity and false positive rate (Reitsma et al. 2005),
 * fitted by restricted maximum likelihood as R's mada {@code reitsma} (default settings): site i
 * gives yᵢ = (logit TPᵢ/(TPᵢ+FNᵢ), logit FPᵢ/(FPᵢ+TNᵢ)) with known within-site variances
 * 1/TP + 1/FN and 1/FP + 1/TN, and yᵢ ~ N(μ, Sᵢ + Ψ), Ψ the between-site covariance. When any
 * site has a zero cell, 0.5 is added to every cell of every site (mada's {@code correction.control =
 * "all"}). The REML criterion is maximised over (log τ₁, log τ₂, atanh ρ) by Nelder-Mead, from
 * moment estimates. Checked against mada's published AuditC example (BivariateReferenceTest).
 */
public final class Bivariate {
  private static final double CORRECTION = 0.5;

  private Bivariate() {}

  /** Fits the model to k ≥ 3 sites; {@code level} is the confidence level of the intervals. */
  public static BivariateFit reitsma(List<DiagnosticCounts> sites, double level) {
    int k = sites.size();
    if (k < 3) {
      throw new IllegalArgumentException(
          "the bivariate model estimates 5 parameters and needs at least 3 sites, got " + k);
    }
    boolean corrected = sites.stream().anyMatch(DiagnosticCounts::hasZeroCell);
    double c = corrected ? CORRECTION : 0;
    double[][] y = new double[k][2];
    double[][] s = new double[k][2];
    double jacobian = 0;
    double lowestFpr = 1;
    double highestFpr = 0;
    for (int i = 0; i < k; i++) {
      DiagnosticCounts site = sites.get(i);
      double observedFpr = site.fp() / (double) (site.fp() + site.tn());
      lowestFpr = Math.min(lowestFpr, observedFpr);
      highestFpr = Math.max(highestFpr, observedFpr);
      double tp = site.tp() + c;
      double fn = site.fn() + c;
      double fp = site.fp() + c;
      double tn = site.tn() + c;
      y[i][0] = Math.log(tp / fn);
      y[i][1] = Math.log(fp / tn);
      s[i][0] = 1 / tp + 1 / fn;
      s[i][1] = 1 / fp + 1 / tn;
      double sens = tp / (tp + fn);
      double fpr = fp / (fp + tn);
      jacobian += -Math.log(sens * (1 - sens)) - Math.log(fpr * (1 - fpr));
    }
    double[] start = start(y, s);
    double[] theta = NelderMead.minimise(t -> -new Reml(y, s, t).logLikelihood, start, 0.5, 20_000);
    Reml fit = new Reml(y, s, theta);
    double z = StandardNormal.criticalValue(level);
    double se1 = Math.sqrt(fit.cov[0][0]);
    double se2 = Math.sqrt(fit.cov[1][1]);
    return new BivariateFit(
        k,
        corrected,
        fit.mu[0],
        se1,
        fit.mu[1],
        se2,
        fit.cov[0][1],
        Math.exp(theta[0]),
        Math.exp(theta[1]),
        Math.tanh(theta[2]),
        fit.logLikelihood + jacobian,
        proportion(fit.mu[0], se1, z, level),
        proportion(fit.mu[1], se2, z, level),
        lowestFpr,
        highestFpr);
  }

  private static BivariateFit.Estimate proportion(double logit, double se, double z, double level) {
    return new BivariateFit.Estimate(
        expit(logit), new Interval(expit(logit - z * se), expit(logit + z * se), level));
  }

  static double expit(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** Moment starting values: τ² = max(0.01, var(y) − mean(s)), ρ = the correlation of the y (shrunk). */
  private static double[] start(double[][] y, double[][] s) {
    int k = y.length;
    double[] mean = new double[2];
    double[] meanS = new double[2];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < 2; j++) {
        mean[j] += y[i][j] / k;
        meanS[j] += s[i][j] / k;
      }
    }
    double v0 = 0;
    double v1 = 0;
    double c01 = 0;
    for (double[] yi : y) {
      v0 += (yi[0] - mean[0]) * (yi[0] - mean[0]) / (k - 1);
      v1 += (yi[1] - mean[1]) * (yi[1] - mean[1]) / (k - 1);
      c01 += (yi[0] - mean[0]) * (yi[1] - mean[1]) / (k - 1);
    }
    double r = c01 / Math.sqrt(v0 * v1);
    return new double[] {
      0.5 * Math.log(Math.max(0.01, v0 - meanS[0])),
      0.5 * Math.log(Math.max(0.01, v1 - meanS[1])),
      atanh(0.9 * (Double.isFinite(r) ? r : 0))
    };
  }

  private static double atanh(double x) {
    return 0.5 * Math.log((1 + x) / (1 - x));
  }

  /** The restricted log-likelihood at θ = (log τ₁, log τ₂, atanh ρ), with μ̂ and its covariance. */
  private static final class Reml {
    final double[] mu = new double[2];
    final double[][] cov = new double[2][2];
    final double logLikelihood;

    Reml(double[][] y, double[][] s, double[] theta) {
      double t1 = Math.exp(2 * theta[0]);
      double t2 = Math.exp(2 * theta[1]);
      double t12 = Math.tanh(theta[2]) * Math.exp(theta[0] + theta[1]);
      int k = y.length;
      double[][] inv = new double[k][];
      double logDetSum = 0;
      double a00 = 0;
      double a01 = 0;
      double a11 = 0;
      double b0 = 0;
      double b1 = 0;
      for (int i = 0; i < k; i++) {
        double m00 = s[i][0] + t1;
        double m11 = s[i][1] + t2;
        double det = m00 * m11 - t12 * t12;
        logDetSum += Math.log(det);
        inv[i] = new double[] {m11 / det, -t12 / det, m00 / det};
        a00 += inv[i][0];
        a01 += inv[i][1];
        a11 += inv[i][2];
        b0 += inv[i][0] * y[i][0] + inv[i][1] * y[i][1];
        b1 += inv[i][1] * y[i][0] + inv[i][2] * y[i][1];
      }
      double detA = a00 * a11 - a01 * a01;
      cov[0][0] = a11 / detA;
      cov[1][1] = a00 / detA;
      cov[0][1] = -a01 / detA;
      cov[1][0] = cov[0][1];
      mu[0] = cov[0][0] * b0 + cov[0][1] * b1;
      mu[1] = cov[1][0] * b0 + cov[1][1] * b1;
      double rss = 0;
      for (int i = 0; i < k; i++) {
        double r0 = y[i][0] - mu[0];
        double r1 = y[i][1] - mu[1];
        rss += inv[i][0] * r0 * r0 + 2 * inv[i][1] * r0 * r1 + inv[i][2] * r1 * r1;
      }
      double value = -0.5 * ((2.0 * k - 2) * Math.log(2 * Math.PI) + logDetSum + Math.log(detA) + rss);
      logLikelihood = Double.isFinite(value) ? value : Double.NEGATIVE_INFINITY;
    }
  }
}

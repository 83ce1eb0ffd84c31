package org.radtrial.core.pool;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Gamma;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.StandardNormal;

/**
 * Univariate random-effects meta-analysis of k site estimates yᵢ with known sampling variances vᵢ:
 * yᵢ = μ + uᵢ + eᵢ, uᵢ ~ N(0, τ²), eᵢ ~ N(0, vᵢ). Reproduces R's metafor 3.8 {@code rma(yi, vi,
 * method = "REML" | "DL", test = "z" | "knha")}, its {@code predict} and {@code confint} (see
 * RandomEffectsReferenceTest and the live cross-check); the definitions are in docs/pooling.md.
 *
 * <p>Needs k ≥ 2 sites, finite estimates and positive finite variances.
 */
public final class RandomEffects {
  private static final double REML_TOLERANCE = 1e-10;
  private static final int REML_MAX_ITERATIONS = 1000;

  private RandomEffects() {}

  /** Fits the model; {@code level} is the confidence level of every interval, e.g. 0.95. */
  public static RandomEffectsFit fit(double[] y, double[] v, TauSquaredMethod method, boolean knappHartung, double level) {
    check(y, v, level);
    int k = y.length;
    double[] w0 = weights(v, 0);
    double q = qStatistic(y, w0);
    double sw0 = sum(w0);
    double sw0sq = sumOfSquares(w0);
    double trP0 = sw0 - sw0sq / sw0;
    double tau2;
    double tau2Se;
    if (method == TauSquaredMethod.DERSIMONIAN_LAIRD) {
      tau2 = Math.max(0, (q - (k - 1)) / trP0);
      double trPP0 = sw0sq - 2 * sumOfCubes(w0) / sw0 + sw0sq * sw0sq / (sw0 * sw0);
      tau2Se = Math.sqrt((2.0 * (k - 1) + 4 * tau2 * trP0 + 2 * tau2 * tau2 * trPP0) / (trP0 * trP0));
    } else {
      tau2 = reml(y, v, Math.max(0, (q - (k - 1)) / trP0));
      tau2Se = Math.sqrt(2 / traceOfPSquared(weights(v, tau2)));
    }
    double[] w = weights(v, tau2);
    double sw = sum(w);
    double mu = weightedMean(y, w);
    double se = Math.sqrt(1 / sw);
    double critical;
    double p;
    if (knappHartung) {
      double s2 = 0;
      for (int i = 0; i < k; i++) {
        s2 += w[i] * (y[i] - mu) * (y[i] - mu);
      }
      se = Math.sqrt(s2 / (k - 1) / sw);
      TDistribution t = new TDistribution(k - 1);
      critical = t.inverseCumulativeProbability(1 - (1 - level) / 2);
      p = 2 * t.cumulativeProbability(-Math.abs(mu / se));
    } else {
      critical = StandardNormal.criticalValue(level);
      p = StandardNormal.twoSidedP(mu / se);
    }
    double predictionHalf = critical * Math.sqrt(se * se + tau2);
    double s2Typical = (k - 1) * sw0 / (sw0 * sw0 - sw0sq);
    Interval tau2Ci = qProfile(y, v, q, level);
    Heterogeneity heterogeneity =
        new Heterogeneity(
            q,
            k - 1,
            Gamma.regularizedGammaQ((k - 1) / 2.0, q / 2),
            tau2,
            tau2Se,
            tau2Ci,
            iSquared(tau2, s2Typical),
            new Interval(iSquared(tau2Ci.lower(), s2Typical), iSquared(tau2Ci.upper(), s2Typical), level),
            hSquared(tau2, s2Typical),
            new Interval(hSquared(tau2Ci.lower(), s2Typical), hSquared(tau2Ci.upper(), s2Typical), level));
    return new RandomEffectsFit(
        k,
        method,
        knappHartung,
        mu,
        se,
        new Interval(mu - critical * se, mu + critical * se, level),
        mu / se,
        p,
        new Interval(mu - predictionHalf, mu + predictionHalf, level),
        heterogeneity);
  }

  /**
   * Leave-one-site-out influence (metafor's {@code leave1out}): fit i is the fit without site i.
   * Needs k ≥ 3, so that every fit has 2 sites.
   */
  public static java.util.List<RandomEffectsFit> leaveOneOut(double[] y, double[] v, TauSquaredMethod method,
      boolean knappHartung, double level) {
    check(y, v, level);
    if (y.length < 3) {
      throw new IllegalArgumentException("leaving one site out needs at least 3 sites, got " + y.length);
    }
    java.util.List<RandomEffectsFit> fits = new java.util.ArrayList<>();
    for (int left = 0; left < y.length; left++) {
      double[] ys = new double[y.length - 1];
      double[] vs = new double[y.length - 1];
      for (int i = 0, j = 0; i < y.length; i++) {
        if (i != left) {
          ys[j] = y[i];
          vs[j++] = v[i];
        }
      }
      fits.add(fit(ys, vs, method, knappHartung, level));
    }
    return java.util.List.copyOf(fits);
  }

  /**
   * REML τ² by Fisher scoring, τ² ← τ² + (y'P²y − tr P)/tr(P²), halving a step that would leave
   * [0, ∞) and stopping at 0 when the score there is not positive (metafor's algorithm).
   */
  static double reml(double[] y, double[] v, double start) {
    double tau2 = start;
    for (int iteration = 0; iteration < REML_MAX_ITERATIONS; iteration++) {
      double[] w = weights(v, tau2);
      double sw = sum(w);
      double mu = weightedMean(y, w);
      double yPPy = 0;
      for (int i = 0; i < y.length; i++) {
        double r = w[i] * (y[i] - mu);
        yPPy += r * r;
      }
      double trP = sw - sumOfSquares(w) / sw;
      double step = (yPPy - trP) / traceOfPSquared(w);
      if (tau2 == 0 && step <= 0) {
        return 0;
      }
      double next = tau2 + step;
      while (next < 0) {
        step /= 2;
        next = tau2 + step;
        if (Math.abs(step) < REML_TOLERANCE) {
          next = 0;
        }
      }
      if (Math.abs(next - tau2) < REML_TOLERANCE) {
        return next;
      }
      tau2 = next;
    }
    throw new IllegalArgumentException(
        "REML estimation of tau^2 did not converge in " + REML_MAX_ITERATIONS + " iterations; use DerSimonian-Laird");
  }

  /**
   * The Q-profile interval of τ² (Viechtbauer 2007): the τ² at which the generalised Q,
   * Σ wᵢ(τ²)(yᵢ − μ̂(τ²))², equals the χ²(k − 1) quantiles 1 − α/2 (lower bound) and α/2 (upper
   * bound); a bound is 0 where Q at τ² = 0 is already below its quantile.
   */
  static Interval qProfile(double[] y, double[] v, double qAtZero, double level) {
    ChiSquaredDistribution chi = new ChiSquaredDistribution(y.length - 1);
    double alpha = 1 - level;
    double lower = profileRoot(y, v, qAtZero, chi.inverseCumulativeProbability(1 - alpha / 2));
    double upper = profileRoot(y, v, qAtZero, chi.inverseCumulativeProbability(alpha / 2));
    return new Interval(lower, upper, level);
  }

  private static double profileRoot(double[] y, double[] v, double qAtZero, double target) {
    if (qAtZero <= target) {
      return 0;
    }
    double hi = 1;
    while (generalisedQ(y, v, hi) > target) {
      hi *= 2;
      if (hi > 1e12) {
        throw new IllegalArgumentException("the Q-profile bound of tau^2 exceeds 1e12: are the variances on the scale of the estimates?");
      }
    }
    return new BrentSolver(1e-14, 1e-14, 1e-15).solve(10_000, t -> generalisedQ(y, v, t) - target, 0, hi);
  }

  static double generalisedQ(double[] y, double[] v, double tau2) {
    return qStatistic(y, weights(v, tau2));
  }

  private static double qStatistic(double[] y, double[] w) {
    double mu = weightedMean(y, w);
    double q = 0;
    for (int i = 0; i < y.length; i++) {
      q += w[i] * (y[i] - mu) * (y[i] - mu);
    }
    return q;
  }

  private static double iSquared(double tau2, double s2) {
    return 100 * tau2 / (tau2 + s2);
  }

  private static double hSquared(double tau2, double s2) {
    return (tau2 + s2) / s2;
  }

  /** tr(P²) for P = W − w w'/Σw: Σw² − 2Σw³/Σw + (Σw²)²/(Σw)². */
  private static double traceOfPSquared(double[] w) {
    double sw = sum(w);
    double sw2 = sumOfSquares(w);
    return sw2 - 2 * sumOfCubes(w) / sw + sw2 * sw2 / (sw * sw);
  }

  private static double[] weights(double[] v, double tau2) {
    double[] w = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      w[i] = 1 / (v[i] + tau2);
    }
    return w;
  }

  private static double weightedMean(double[] y, double[] w) {
    double num = 0;
    for (int i = 0; i < y.length; i++) {
      num += w[i] * y[i];
    }
    return num / sum(w);
  }

  private static double sum(double[] x) {
    double s = 0;
    for (double value : x) {
      s += value;
    }
    return s;
  }

  private static double sumOfSquares(double[] x) {
    double s = 0;
    for (double value : x) {
      s += value * value;
    }
    return s;
  }

  private static double sumOfCubes(double[] x) {
    double s = 0;
    for (double value : x) {
      s += value * value * value;
    }
    return s;
  }

  private static void check(double[] y, double[] v, double level) {
    if (y.length != v.length) {
      throw new IllegalArgumentException(y.length + " estimates but " + v.length + " variances: give one variance per site");
    }
    if (y.length < 2) {
      throw new IllegalArgumentException("pooling needs at least 2 sites, got " + y.length);
    }
    for (int i = 0; i < y.length; i++) {
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("site " + (i + 1) + ": estimate " + y[i] + " is not finite");
      }
      if (!(v[i] > 0) || !Double.isFinite(v[i])) {
        throw new IllegalArgumentException("site " + (i + 1) + ": variance " + v[i] + " must be positive and finite");
      }
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must lie in (0, 1), was " + level);
    }
  }
}

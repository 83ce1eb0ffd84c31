package org.radtrial.core.audit;

import org.jspecify.annotations.Nullable;
import org.radtrial.core.roc.DeLong;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.StandardNormal;

/**
 * Calibration of predicted probabilities against outcomes (Van Calster et al. 2016, "A calibration
 * hierarchy"): calibration-in-the-large as the intercept of logit P(y) = a + logit(p̂) (slope fixed
 * at 1; 0 is ideal), the weak-calibration intercept and slope of logit P(y) = a + b·logit(p̂) (0 and
 * 1 are ideal), and the Brier score. Fitted by Newton-Raphson; intervals are Wald intervals from the
 * observed information, as R's {@code glm(family = binomial)} and {@code confint.default} give.
 *
 * <p>Predictions of exactly 0 or 1 have no logit: they are moved to 1e-6 and 1 − 1e-6 and counted.
 *
 * @param cases cases used
 * @param events positive cases
 * @param meanPredicted mean predicted probability
 * @param observedRate events / cases
 * @param calibrationInTheLarge intercept with the slope fixed at 1 (NaN if it did not converge)
 * @param calibrationInTheLargeCi its interval (null if not estimable)
 * @param intercept recalibration intercept
 * @param slope recalibration slope
 * @param slopeCi its interval (null if not estimable)
 * @param brier mean squared difference between prediction and outcome
 * @param clipped predictions moved off 0 or 1
 * @param note why a fit is missing, or empty
 */
public record Calibration(
    int cases,
    int events,
    double meanPredicted,
    double observedRate,
    double calibrationInTheLarge,
    @Nullable Interval calibrationInTheLargeCi,
    double intercept,
    double slope,
    @Nullable Interval slopeCi,
    double brier,
    int clipped,
    String note) {

  static final double EPSILON = 1e-6;
  private static final int MAX_ITERATIONS = 100;

  /** Calibration of {@code predicted} probabilities (all in [0, 1]) against {@code outcome}. */
  public static Calibration of(double[] predicted, boolean[] outcome, double level) {
    int[] ones = new int[predicted.length];
    int[] events = new int[predicted.length];
    for (int i = 0; i < ones.length; i++) {
      ones[i] = 1;
      events[i] = outcome[i] ? 1 : 0;
    }
    return ofGroups(predicted, ones, events, predicted.length, level);
  }

  /**
   * The same from grouped cases: {@code cases[g]} cases with prediction {@code predicted[g]}, of
   * which {@code events[g]} are positive, for the first {@code groups} entries. Every likelihood sum
   * is a sum over cases, so grouping cases with equal predictions gives the same fit in fewer steps.
   */
  static Calibration ofGroups(double[] predicted, int[] cases, int[] events, int groups, double level) {
    double[] x = new double[groups];
    long n = 0;
    long positives = 0;
    int clipped = 0;
    double sumP = 0;
    double brier = 0;
    for (int g = 0; g < groups; g++) {
      double p = predicted[g];
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("calibration needs probabilities in [0, 1], got " + p);
      }
      n += cases[g];
      positives += events[g];
      sumP += cases[g] * p;
      // Σ (p − y)² over the group: events at y = 1, the others at y = 0
      brier += events[g] * (1 - p) * (1 - p) + (cases[g] - events[g]) * p * p;
      double c = Math.min(1 - EPSILON, Math.max(EPSILON, p));
      clipped += c != p ? cases[g] : 0;
      x[g] = Math.log(c / (1 - c));
    }
    if (n == 0) {
      throw new IllegalArgumentException("calibration of no cases");
    }
    Data data = new Data(x, cases, events);
    double z = StandardNormal.criticalValue(level);
    String note = "";
    double citl = Double.NaN;
    Interval citlCi = null;
    double intercept = Double.NaN;
    double slope = Double.NaN;
    Interval slopeCi = null;
    if (positives == 0 || positives == n) {
      note = "only one outcome class: the logistic fits are not estimable";
    } else {
      double[] offsetFit = fitOffset(data);
      if (offsetFit != null) {
        citl = offsetFit[0];
        citlCi = new Interval(citl - z * offsetFit[1], citl + z * offsetFit[1], level);
      }
      double[] fit = fitLine(data);
      if (fit != null) {
        intercept = fit[0];
        slope = fit[1];
        slopeCi = new Interval(slope - z * fit[2], slope + z * fit[2], level);
      }
      if (offsetFit == null || fit == null) {
        note = "a logistic fit did not converge (separation?)";
      }
    }
    return new Calibration((int) n, (int) positives, sumP / n, positives / (double) n, citl, citlCi, intercept, slope, slopeCi,
        brier / n, clipped, note);
  }

  /** Logits x[g] of groups of cases[g] cases with events[g] events. */
  private record Data(double[] x, int[] cases, int[] events) {}

  /** {a, se(a)} of logit P(y) = a + x, or null without convergence. */
  private static double @Nullable [] fitOffset(Data d) {
    double[] x = d.x;
    double a = 0;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double gradient = 0;
      double information = 0;
      for (int i = 0; i < x.length; i++) {
        double mu = expit(a + x[i]);
        gradient += d.events[i] - d.cases[i] * mu;
        information += d.cases[i] * mu * (1 - mu);
      }
      double step = gradient / information;
      a += step;
      if (Math.abs(step) < 1e-10) {
        return new double[] {a, 1 / Math.sqrt(offsetInformation(d, a))};
      }
      if (!Double.isFinite(a)) {
        return null;
      }
    }
    return null;
  }

  /** {a, b, se(b)} of logit P(y) = a + b·x, or null without convergence. */
  private static double @Nullable [] fitLine(Data d) {
    double[] x = d.x;
    double a = 0;
    double b = 1;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = 0;
      double hab = 0;
      double hbb = 0;
      for (int i = 0; i < x.length; i++) {
        double mu = expit(a + b * x[i]);
        double r = d.events[i] - d.cases[i] * mu;
        double w = d.cases[i] * mu * (1 - mu);
        ga += r;
        gb += r * x[i];
        haa += w;
        hab += w * x[i];
        hbb += w * x[i] * x[i];
      }
      double det = haa * hbb - hab * hab;
      if (!(det > 0)) {
        return null;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a += da;
      b += db;
      if (!Double.isFinite(a) || !Double.isFinite(b)) {
        return null;
      }
      if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
        return new double[] {a, b, slopeStandardError(d, a, b)};
      }
    }
    return null;
  }

  /** Fisher information of the intercept at the fitted value, as glm's vcov uses. */
  private static double offsetInformation(Data d, double a) {
    double information = 0;
    for (int i = 0; i < d.x.length; i++) {
      double mu = expit(a + d.x[i]);
      information += d.cases[i] * mu * (1 - mu);
    }
    return information;
  }

  /** sqrt of the slope's entry of the inverse Fisher information at the fitted values. */
  private static double slopeStandardError(Data d, double a, double b) {
    double haa = 0;
    double hab = 0;
    double hbb = 0;
    for (int i = 0; i < d.x.length; i++) {
      double xi = d.x[i];
      double mu = expit(a + b * xi);
      double w = d.cases[i] * mu * (1 - mu);
      haa += w;
      hab += w * xi;
      hbb += w * xi * xi;
    }
    return Math.sqrt(haa / (haa * hbb - hab * hab));
  }

  private static double expit(double t) {
    return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
  }
}

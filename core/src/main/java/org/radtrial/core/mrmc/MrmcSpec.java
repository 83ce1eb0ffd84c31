package org.radtrial.core.mrmc;

import org.jspecify.annotations.Nullable;

/**
 * What an MRMC analysis computes.
 *
 * @param ciLevel confidence level of every interval
 * @param covariance how the Obuchowski-Rockette analysis of the AUC estimates error covariances
 *     (sensitivity and specificity always use the jackknife)
 * @param cut rating cut for sensitivity and specificity, in the ratings' own units; NaN for none
 * @param plan sample-size planning, or null for none
 * @param rocPoints at most about this many points of each reader's ROC curve are kept for plotting
 */
public record MrmcSpec(double ciLevel, CovarianceMethod covariance, double cut, @Nullable StudyPlan plan, int rocPoints) {
  public MrmcSpec {
    if (!(ciLevel > 0 && ciLevel < 1)) {
      throw new IllegalArgumentException("the confidence level must lie in (0, 1), was " + ciLevel);
    }
    if (covariance == null) {
      throw new IllegalArgumentException("name a covariance method");
    }
    if (Double.isInfinite(cut)) {
      throw new IllegalArgumentException("the rating cut must be a finite number");
    }
    if (rocPoints < 2) {
      throw new IllegalArgumentException("keep at least 2 ROC points, was " + rocPoints);
    }
  }

  /** 95% intervals, jackknife covariances, no cut, no planning, 500 ROC points. */
  public static MrmcSpec defaults() {
    return new MrmcSpec(0.95, CovarianceMethod.JACKKNIFE, Double.NaN, null, 500);
  }

  public MrmcSpec withCiLevel(double level) {
    return new MrmcSpec(level, covariance, cut, plan, rocPoints);
  }

  public MrmcSpec withCovariance(CovarianceMethod method) {
    return new MrmcSpec(ciLevel, method, cut, plan, rocPoints);
  }

  public MrmcSpec withCut(double value) {
    return new MrmcSpec(ciLevel, covariance, value, plan, rocPoints);
  }

  public MrmcSpec withPlan(StudyPlan value) {
    return new MrmcSpec(ciLevel, covariance, cut, value, rocPoints);
  }

  public boolean hasCut() {
    return !Double.isNaN(cut);
  }
}

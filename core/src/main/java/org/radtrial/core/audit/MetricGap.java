package org.radtrial.core.audit;

import org.jspecify.annotations.Nullable;
import org.radtrial.core.stat.Interval;

/**
 * How far a subgroup's metric lies from a reference: the whole cohort, or the best adequately
 * powered group of the same columns.
 *
 * @param metric "sensitivity", "specificity", "recall_rate", "ppv" or "auc"
 * @param versus "overall", or the best group's rule
 * @param value the subgroup's value
 * @param reference the reference value
 * @param difference value − reference
 * @param differenceCi its interval (Newcombe for proportions, DeLong for AUC); null if undefined
 * @param ratio value / reference (NaN if the reference is 0)
 * @param ratioCi its interval (delta method on the log scale, Katz for two groups); null if undefined
 * @param p two-sided p of "no gap" (subgroup vs the rest of the cohort); NaN when not tested (gaps to
 *     the best group are shown, not tested: picking the best first would bias the test)
 * @param q Benjamini-Hochberg q-value across every test of the audit; NaN when not tested
 */
public record MetricGap(
    String metric,
    String versus,
    double value,
    double reference,
    double difference,
    @Nullable Interval differenceCi,
    double ratio,
    @Nullable Interval ratioCi,
    double p,
    double q) {

  MetricGap withQ(double newQ) {
    return new MetricGap(metric, versus, value, reference, difference, differenceCi, ratio, ratioCi, p, newQ);
  }

  public boolean tested() {
    return !Double.isNaN(p);
  }
}

package org.radtrial.core.audit;

import java.util.List;
import org.radtrial.core.binary.Proportion;
import org.radtrial.core.evaluate.DecisionMetrics;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.roc.AucEstimate;

/**
 * One model's performance in one subgroup, at the model's single deployed threshold.
 *
 * @param model the model
 * @param subgroup the subgroup
 * @param cases scored cases in it
 * @param positives scored positive cases
 * @param negatives scored negative cases
 * @param auc AUC with DeLong interval; null unless both classes are present (the interval needs at
 *     least two of each)
 * @param metrics sensitivity, specificity, PPV, NPV and recall rate with intervals and counts
 * @param falsePositiveRate FP / negatives with its interval
 * @param underpowered too few positives to estimate sensitivity within ±10 points: shown, never
 *     ranked, not tested, never called fair or unfair
 * @param largeGapFewCases underpowered, yet with at least 5 positives and a sensitivity whose own
 *     interval excludes the rest of the cohort's: "large gap, few cases", shown, still not tested
 * @param minimumDetectableDifference the smallest sensitivity gap to the rest of the cohort this
 *     group could detect with 80% power at two-sided α = 1 − level
 * @param gaps gaps to the overall value (tested) and to the best group (shown)
 */
public record SubgroupRow(
    String model,
    Subgroup subgroup,
    int cases,
    int positives,
    int negatives,
    @Nullable AucEstimate auc,
    DecisionMetrics metrics,
    Proportion falsePositiveRate,
    boolean underpowered,
    boolean largeGapFewCases,
    double minimumDetectableDifference,
    List<MetricGap> gaps) {

  public SubgroupRow {
    gaps = List.copyOf(gaps);
  }

  SubgroupRow withGaps(List<MetricGap> newGaps) {
    return new SubgroupRow(model, subgroup, cases, positives, negatives, auc, metrics, falsePositiveRate, underpowered,
        largeGapFewCases, minimumDetectableDifference, newGaps);
  }
}

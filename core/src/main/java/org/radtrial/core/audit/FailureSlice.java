package org.radtrial.core.audit;

import java.util.Locale;
import org.radtrial.core.stat.Interval;

/**
 * A slice of the cohort where a model errs significantly more often than in the rest.
 *
 * @param model the model
 * @param subgroup the slice's rule
 * @param error "false_negative" (missed cancers, judged on positives) or "false_positive" (judged on
 *     negatives)
 * @param cases scored cases in the slice
 * @param positives scored positives in the slice
 * @param errors errors of that kind in the slice
 * @param trials positives (false negatives) or negatives (false positives) in the slice
 * @param sliceRate error rate in the slice
 * @param restErrors errors in the rest of the cohort
 * @param restTrials judged cases in the rest of the cohort
 * @param restRate error rate in the rest of the cohort
 * @param effect sliceRate − restRate
 * @param effectCi Newcombe interval of the effect
 * @param p one-sided p (Fisher exact test that the slice is worse)
 * @param q Benjamini-Hochberg q across all slices tested, for every model and both error kinds
 * @param rankingBound the effect's simultaneous lower confidence bound (Newcombe at level 1 − α/k
 *     over the k slices tested): the conservative effect size that orders the discoveries; NaN
 *     until ranked
 */
public record FailureSlice(
    String model,
    Subgroup subgroup,
    String error,
    int cases,
    int positives,
    int errors,
    int trials,
    double sliceRate,
    int restErrors,
    int restTrials,
    double restRate,
    double effect,
    Interval effectCi,
    double p,
    double q,
    double rankingBound) {

  /** The slice as a sentence, e.g. "vendor = B and density = D: sensitivity 0.61 vs 0.88, n = 412, 23 cancers, q = 0.003". */
  public String sentence() {
    boolean missed = error.equals("false_negative");
    String metric = missed ? "sensitivity" : "specificity";
    return String.format(Locale.ROOT, "%s: %s %.2f vs %.2f in the rest, n = %d, %d cancers, q %s",
        subgroup.label(), metric, 1 - sliceRate, 1 - restRate, cases, positives,
        q < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", q));
  }

  FailureSlice ranked(double newQ, double bound) {
    return new FailureSlice(model, subgroup, error, cases, positives, errors, trials, sliceRate, restErrors, restTrials,
        restRate, effect, effectCi, p, newQ, bound);
  }

  /** True when every condition of {@code general} is one of this slice's: this slice refines it. */
  boolean refines(FailureSlice general) {
    return subgroup.conditions().size() > general.subgroup.conditions().size()
        && subgroup.conditions().containsAll(general.subgroup.conditions());
  }
}

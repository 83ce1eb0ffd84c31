package org.radtrial.core.audit;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.stat.Interval;

/**
 * A slice of the cohort where a model errs more often than in the rest: a discovery of the search,
 * or a slice listed as "too few cases to judge".
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
 * @param excess errors in excess of the rest's rate: errors − trials · restRate (missed cancers, or
 *     women falsely recalled, that the slice would not have had at the rest's rate)
 * @param excessCi trials × the Newcombe interval of the effect
 * @param ratio sliceRate / restRate (NaN when the rest has no error)
 * @param ratioCi Katz log interval of the ratio; null when either count of errors is 0
 * @param p one-sided p (Fisher exact test that the slice is worse); NaN when not tested
 * @param smallestP the smallest p the test could give with these margins (every judged case an
 *     error): a slice whose smallest p cannot pass the screen is not tested (Tarone 1990)
 * @param q Benjamini-Hochberg q within the tested family; NaN when not tested
 * @param effectBound the effect's simultaneous lower bound (Newcombe at level 1 − α/k over the k
 *     slices tested)
 * @param rankingBound the simultaneous lower bound of the excess (trials × effectBound), which
 *     orders the discoveries: the fewest excess errors the slice can be said to have
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
    @Nullable Interval effectCi,
    double excess,
    @Nullable Interval excessCi,
    double ratio,
    @Nullable Interval ratioCi,
    double p,
    double smallestP,
    double q,
    double effectBound,
    double rankingBound) {

  /** True for a missed-cancer slice, false for a false-alarm slice. */
  public boolean missedCancers() {
    return error.equals("false_negative");
  }

  /**
   * The slice as a sentence, e.g. "vendor = B and density = D: 21 of 35 cancers missed, 14.0 more
   * than at the rest's rate (95% CI 8.1 to 18.9); miss rate 0.60 vs 0.20 (x3.0); n = 1800; q = 0.003".
   */
  public String sentence() {
    boolean missed = missedCancers();
    String what = missed ? "cancers missed" : "normals recalled";
    String rate = missed ? "miss rate" : "false-alarm rate";
    String ci = excessCi == null ? "" : String.format(Locale.ROOT, " (%d%% CI %.1f to %.1f)",
        Math.round(100 * excessCi.level()), excessCi.lower(), excessCi.upper());
    String test = Double.isNaN(q) ? "too few cases to judge"
        : "q " + (q < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", q));
    return String.format(Locale.ROOT, "%s: %d of %d %s, %.1f more than at the rest's rate%s; %s %.2f vs %.2f (x%s);"
        + " n = %d; %s", subgroup.label(), errors, trials, what, excess, ci, rate, sliceRate, restRate,
        Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.1f", ratio) : "-", cases, test);
  }

  FailureSlice ranked(double newQ, double newEffectBound) {
    return new FailureSlice(model, subgroup, error, cases, positives, errors, trials, sliceRate, restErrors, restTrials,
        restRate, effect, effectCi, excess, excessCi, ratio, ratioCi, p, smallestP, newQ, newEffectBound,
        trials * newEffectBound);
  }

  /** The same slice, untested: p and q NaN (listed as "too few cases to judge"). */
  FailureSlice untested() {
    return new FailureSlice(model, subgroup, error, cases, positives, errors, trials, sliceRate, restErrors, restTrials,
        restRate, effect, effectCi, excess, excessCi, ratio, ratioCi, Double.NaN, smallestP, Double.NaN, Double.NaN,
        Double.NaN);
  }

  /** True when every condition of {@code general} is one of this slice's: this slice refines it. */
  boolean refines(FailureSlice general) {
    return subgroup.conditions().size() > general.subgroup.conditions().size()
        && subgroup.conditions().containsAll(general.subgroup.conditions());
  }

  /** Same model and kind of error. */
  boolean sameSearch(FailureSlice other) {
    return model.equals(other.model) && error.equals(other.error);
  }
}

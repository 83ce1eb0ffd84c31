package org.radtrial.core.evaluate;

import org.jspecify.annotations.Nullable;
import org.radtrial.core.binary.ExactMcNemar;
import org.radtrial.core.binary.PairedDifference;
import org.radtrial.core.cohort.ReaderDecisions;

/** Paired sensitivity or specificity of two decision makers on the cases both decided. */
final class PairedRates {
  private PairedRates() {}

  /**
   * Sensitivity and specificity compared in one pass over the cases (a screening cohort has
   * millions, and every rule compares every pair).
   *
   * @param truth every case's truth (not changed)
   * @return {sensitivity comparison, specificity comparison}; an entry is null when no case of that
   *     class was decided by both
   */
  static @Nullable PairedRateComparison[] compare(byte[] first, byte[] second, boolean[] truth, EvaluationSpec spec) {
    // index 0: diseased cases (sensitivity), 1: healthy cases (specificity)
    int[] cases = new int[2];
    int[] firstCorrect = new int[2];
    int[] secondCorrect = new int[2];
    int[] onlyFirst = new int[2];
    int[] onlySecond = new int[2];
    for (int i = 0; i < truth.length; i++) {
      byte f = first[i];
      byte s = second[i];
      if (f == ReaderDecisions.MISSING || s == ReaderDecisions.MISSING) {
        continue;
      }
      int c = truth[i] ? 0 : 1;
      byte correct = truth[i] ? ReaderDecisions.POSITIVE : ReaderDecisions.NEGATIVE;
      boolean a = f == correct;
      boolean b = s == correct;
      cases[c]++;
      firstCorrect[c] += a ? 1 : 0;
      secondCorrect[c] += b ? 1 : 0;
      onlyFirst[c] += a && !b ? 1 : 0;
      onlySecond[c] += b && !a ? 1 : 0;
    }
    @Nullable PairedRateComparison[] both = new PairedRateComparison[2];
    for (int c = 0; c < 2; c++) {
      both[c] = comparison(cases[c], firstCorrect[c], secondCorrect[c], onlyFirst[c], onlySecond[c], spec);
    }
    return both;
  }

  private static @Nullable PairedRateComparison comparison(int cases, int firstCorrect, int secondCorrect, int onlyFirst,
      int onlySecond, EvaluationSpec spec) {
    if (cases == 0) {
      return null;
    }
    PairedRateComparison.@Nullable NonInferiority ni = null;
    if (spec.hasNonInferiorityMargin()) {
      double p = PairedDifference.nonInferiorityP(onlyFirst, onlySecond, cases, spec.nonInferiorityMargin());
      ni = new PairedRateComparison.NonInferiority(spec.nonInferiorityMargin(), p, p < (1 - spec.ciLevel()) / 2);
    }
    return new PairedRateComparison(
        cases,
        firstCorrect / (double) cases,
        secondCorrect / (double) cases,
        (onlyFirst - onlySecond) / (double) cases,
        PairedDifference.interval(onlyFirst, onlySecond, cases, spec.ciLevel()),
        onlyFirst,
        onlySecond,
        ExactMcNemar.pValue(onlyFirst, onlySecond),
        ni);
  }
}

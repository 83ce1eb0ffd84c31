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
    // diseased cases (sensitivity): correct = positive; healthy cases (specificity): correct = negative
    int diseased = 0;
    int firstFound = 0;
    int secondFound = 0;
    int onlyFirstFound = 0;
    int onlySecondFound = 0;
    int healthy = 0;
    int firstCleared = 0;
    int secondCleared = 0;
    int onlyFirstCleared = 0;
    int onlySecondCleared = 0;
    for (int i = 0; i < truth.length; i++) {
      byte f = first[i];
      byte s = second[i];
      if (f == ReaderDecisions.MISSING || s == ReaderDecisions.MISSING) {
        continue;
      }
      int a = f == ReaderDecisions.POSITIVE ? 1 : 0;
      int b = s == ReaderDecisions.POSITIVE ? 1 : 0;
      if (truth[i]) {
        diseased++;
        firstFound += a;
        secondFound += b;
        onlyFirstFound += a & ~b;
        onlySecondFound += b & ~a;
      } else {
        healthy++;
        firstCleared += 1 - a;
        secondCleared += 1 - b;
        onlyFirstCleared += b & ~a;
        onlySecondCleared += a & ~b;
      }
    }
    int[] cases = {diseased, healthy};
    int[] firstCorrect = {firstFound, firstCleared};
    int[] secondCorrect = {secondFound, secondCleared};
    int[] onlyFirst = {onlyFirstFound, onlyFirstCleared};
    int[] onlySecond = {onlySecondFound, onlySecondCleared};
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

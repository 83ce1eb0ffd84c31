package org.radtrial.core.evaluate;

import org.jspecify.annotations.Nullable;
import org.radtrial.core.binary.ExactMcNemar;
import org.radtrial.core.binary.PairedDifference;
import org.radtrial.core.cohort.ReaderDecisions;

/** Paired sensitivity or specificity of two decision makers on the cases both decided. */
final class PairedRates {
  private PairedRates() {}

  /**
   * @param onPositives true to compare sensitivity (on diseased cases), false for specificity
   * @return the comparison, or null when no case of that class was decided by both
   */
  static @Nullable PairedRateComparison compare(byte[] first, byte[] second, boolean[] truth, boolean onPositives, EvaluationSpec spec) {
    int cases = 0;
    int firstCorrect = 0;
    int secondCorrect = 0;
    int onlyFirst = 0;
    int onlySecond = 0;
    byte correct = onPositives ? ReaderDecisions.POSITIVE : ReaderDecisions.NEGATIVE;
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] != onPositives || first[i] == ReaderDecisions.MISSING || second[i] == ReaderDecisions.MISSING) {
        continue;
      }
      cases++;
      boolean a = first[i] == correct;
      boolean b = second[i] == correct;
      firstCorrect += a ? 1 : 0;
      secondCorrect += b ? 1 : 0;
      onlyFirst += a && !b ? 1 : 0;
      onlySecond += b && !a ? 1 : 0;
    }
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

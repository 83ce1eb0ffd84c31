package org.radtrial.core.lesions;

import java.util.List;
import org.radtrial.core.stat.Interval;

/**
 * One model's figures of merit on all cases with percentile bootstrap intervals over cases.
 *
 * @param model the model
 * @param primary the primary figure's value (wAFROC, or wAFROC1 without normal cases)
 * @param primaryCi its interval
 * @param cpm LUNA16's CPM
 * @param cpmCi its interval
 * @param sensitivity LLF at each of {@link FrocCurve#LUNA16_RATES}
 * @param sensitivityCi their intervals
 */
public record ModelEstimate(String model, double primary, Interval primaryCi, double cpm, Interval cpmCi,
    double[] sensitivity, List<Interval> sensitivityCi) {
  public ModelEstimate {
    sensitivity = sensitivity.clone();
    sensitivityCi = List.copyOf(sensitivityCi);
  }

  @Override
  public double[] sensitivity() {
    return sensitivity.clone();
  }
}

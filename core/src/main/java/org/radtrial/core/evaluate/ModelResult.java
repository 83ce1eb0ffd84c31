package org.radtrial.core.evaluate;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.roc.AucEstimate;
import org.radtrial.core.stat.Interval;

/**
 * Everything measured for one model.
 *
 * @param name the model
 * @param higherIsPositive orientation of its scores
 * @param excludedMissing cases excluded because this model had no score
 * @param auc AUC with DeLong interval
 * @param bootstrapAuc AUC with stratified bootstrap interval; null when the bootstrap was skipped
 * @param roc the ROC curve, thinned for plotting, thresholds in the model's own units
 * @param operatingPoints accuracy at each operating-point rule
 */
public record ModelResult(
    String name,
    boolean higherIsPositive,
    int excludedMissing,
    AucEstimate auc,
    AucEstimate bootstrapAuc,
    List<RocCurvePoint> roc,
    List<OperatingPoint> operatingPoints) {

  /**
   * One plotted ROC point in the model's own units, with a pointwise interval for its sensitivity
   * (the proportion interval of true positives among the positives at that threshold; pointwise,
   * not a simultaneous band).
   */
  public record RocCurvePoint(double threshold, double sensitivity, double specificity, @Nullable Interval sensitivityCi) {}

  /** The operating point this model got from a rule, if the rule gave it one. */
  public java.util.Optional<OperatingPoint> at(OperatingPointRule rule) {
    return operatingPoints.stream().filter(p -> p.rule().equals(rule)).findFirst();
  }
}

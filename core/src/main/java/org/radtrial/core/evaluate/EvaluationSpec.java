package org.radtrial.core.evaluate;

import java.util.List;
import org.radtrial.core.binary.CiMethod;

/**
 * What an evaluation computes.
 *
 * @param ciLevel confidence level of every interval, for example 0.95
 * @param bootstrapReplicates stratified bootstrap replicates per model; 0 skips the bootstrap
 * @param seed seed of the bootstrap streams
 * @param proportionCi interval method for sensitivity, specificity, PPV and NPV
 * @param operatingPoints rules that choose each model's threshold
 * @param nonInferiorityMargin margin of the non-inferiority tests of decisions; NaN for none
 * @param rocPoints ROC resolution kept per model for plotting: the kept curve is within
 *     1/rocPoints of the full one in both rates (at most 2·rocPoints + 2 points)
 */
public record EvaluationSpec(
    double ciLevel,
    int bootstrapReplicates,
    long seed,
    CiMethod proportionCi,
    List<OperatingPointRule> operatingPoints,
    double nonInferiorityMargin,
    int rocPoints) {

  public EvaluationSpec {
    if (!(ciLevel > 0 && ciLevel < 1)) {
      throw new IllegalArgumentException("confidence level must lie in (0, 1), was " + ciLevel);
    }
    if (bootstrapReplicates < 0) {
      throw new IllegalArgumentException("bootstrap replicates must be 0 or more, was " + bootstrapReplicates);
    }
    if (!Double.isNaN(nonInferiorityMargin) && !(nonInferiorityMargin >= 0 && nonInferiorityMargin < 1)) {
      throw new IllegalArgumentException("non-inferiority margin must lie in [0, 1), was " + nonInferiorityMargin);
    }
    if (rocPoints < 2) {
      throw new IllegalArgumentException("keep at least 2 ROC points, was " + rocPoints);
    }
    operatingPoints = List.copyOf(operatingPoints);
  }

  public static EvaluationSpec defaults() {
    return new EvaluationSpec(0.95, 2000, 1, CiMethod.WILSON, List.of(), Double.NaN, 500);
  }

  public EvaluationSpec withOperatingPoints(List<OperatingPointRule> rules) {
    return new EvaluationSpec(ciLevel, bootstrapReplicates, seed, proportionCi, rules, nonInferiorityMargin, rocPoints);
  }

  public EvaluationSpec withBootstrap(int replicates, long newSeed) {
    return new EvaluationSpec(ciLevel, replicates, newSeed, proportionCi, operatingPoints, nonInferiorityMargin, rocPoints);
  }

  public boolean hasNonInferiorityMargin() {
    return !Double.isNaN(nonInferiorityMargin);
  }
}

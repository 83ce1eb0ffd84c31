package org.radtrial.core.evaluate;

import java.util.List;

/**
 * The outcome of a head-to-head evaluation.
 *
 * @param cases cases in the cohort
 * @param positives cases with the disease
 * @param negatives cases without
 * @param models per-model results, in the order the models were given
 * @param comparisons paired DeLong comparisons of every pair of models
 * @param readers the human readers' recorded accuracy
 * @param decisionComparisons paired comparisons of binary decisions at each operating point
 * @param spec what was computed
 * @param notes what could not be estimated or needs care, in plain words
 */
public record EvaluationResult(
    int cases,
    int positives,
    int negatives,
    List<ModelResult> models,
    List<AucComparison> comparisons,
    List<ReaderResult> readers,
    List<DecisionComparison> decisionComparisons,
    EvaluationSpec spec,
    List<String> notes) {

  public EvaluationResult {
    notes = List.copyOf(notes);
  }

  /**
   * The rule a model would be deployed with: the first operating-point rule (a department's
   * thresholds, a target, or a reader's specificity), as the audit uses it.
   */
  public OperatingPointRule deployedRule() {
    return spec.operatingPoints().get(0);
  }

  /**
   * Each model's threshold under {@link #deployedRule()}, on the oriented scale (higher = more
   * suspicious), in the order of {@link #models()}.
   *
   * @throws IllegalArgumentException when the rule gives some model no threshold
   */
  public double[] deployedThresholds() {
    OperatingPointRule rule = deployedRule();
    double[] thresholds = new double[models.size()];
    for (int k = 0; k < thresholds.length; k++) {
      ModelResult model = models.get(k);
      thresholds[k] = model.at(rule).orElseThrow(() -> new IllegalArgumentException("the audit needs one deployed threshold"
          + " per model, but '" + rule.describe() + "' gives none to " + model.name() + "; give every model a threshold"))
          .orientedThreshold();
    }
    return thresholds;
  }
}

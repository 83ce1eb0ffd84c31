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
}

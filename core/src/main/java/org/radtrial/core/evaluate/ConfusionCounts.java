package org.radtrial.core.evaluate;

import org.radtrial.core.binary.CiMethod;
import org.radtrial.core.binary.Proportion;

/** Counts of a binary decision against the reference standard. */
public record ConfusionCounts(int truePositives, int falseNegatives, int trueNegatives, int falsePositives) {
  public ConfusionCounts {
    if (truePositives < 0 || falseNegatives < 0 || trueNegatives < 0 || falsePositives < 0) {
      throw new IllegalArgumentException("confusion counts must be non-negative");
    }
  }

  public int cases() {
    return truePositives + falseNegatives + trueNegatives + falsePositives;
  }

  /** Sensitivity, specificity, PPV, NPV and recall rate, each with its interval. */
  public DecisionMetrics metrics(CiMethod method, double level) {
    int positives = truePositives + falseNegatives;
    int negatives = trueNegatives + falsePositives;
    int calledPositive = truePositives + falsePositives;
    int calledNegative = trueNegatives + falseNegatives;
    return new DecisionMetrics(
        this,
        Proportion.of(truePositives, positives, method, level),
        Proportion.of(trueNegatives, negatives, method, level),
        Proportion.of(truePositives, calledPositive, method, level),
        Proportion.of(trueNegatives, calledNegative, method, level),
        Proportion.of(calledPositive, cases(), method, level));
  }
}

package org.radtrial.core.audit;

import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.roc.Placements;

/**
 * One model's cases as the audit needs them: which are scored, the oriented scores, the decision
 * at the deployed threshold, and the overall placements with each case's index among them.
 */
final class ModelView {
  final ModelScores model;
  final boolean[] truth;
  final double[] oriented;
  final boolean[] present;
  final boolean[] calledPositive;
  final double orientedThreshold;
  final Placements overall;
  /** Index of each case among the scored positives (or negatives) of {@link #overall}; −1 if none. */
  final int[] classIndex;
  final int positives;
  final int negatives;
  final int truePositives;
  final int falsePositives;

  ModelView(Cohort cohort, ModelScores model, double orientedThreshold) {
    this.model = model;
    this.truth = cohort.truth();
    this.orientedThreshold = orientedThreshold;
    int n = cohort.size();
    oriented = new double[n];
    present = new boolean[n];
    calledPositive = new boolean[n];
    classIndex = new int[n];
    int m = 0;
    int q = 0;
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < n; i++) {
      present[i] = model.present(i);
      classIndex[i] = -1;
      if (!present[i]) {
        continue;
      }
      oriented[i] = model.oriented(i);
      calledPositive[i] = oriented[i] >= orientedThreshold;
      if (truth[i]) {
        classIndex[i] = m++;
        tp += calledPositive[i] ? 1 : 0;
      } else {
        classIndex[i] = q++;
        fp += calledPositive[i] ? 1 : 0;
      }
    }
    positives = m;
    negatives = q;
    truePositives = tp;
    falsePositives = fp;
    double[] pos = new double[m];
    double[] neg = new double[q];
    for (int i = 0; i < n; i++) {
      if (present[i]) {
        if (truth[i]) {
          pos[classIndex[i]] = oriented[i];
        } else {
          neg[classIndex[i]] = oriented[i];
        }
      }
    }
    overall = Placements.of(pos, neg);
  }

  private double squaredPositiveInfluence = Double.NaN;
  private double squaredNegativeInfluence = Double.NaN;

  String name() {
    return model.name();
  }

  /** Σ over all positives of ((v10 − AUC)/M)²: computed once, used by every subgroup's AUC gap. */
  double squaredPositiveInfluence() {
    if (Double.isNaN(squaredPositiveInfluence)) {
      double a = overall.auc();
      int m = overall.positives();
      double sum = 0;
      for (int k = 0; k < m; k++) {
        sum += AucGap.square((overall.positivePlacement(k) - a) / m);
      }
      squaredPositiveInfluence = sum;
    }
    return squaredPositiveInfluence;
  }

  /** Σ over all negatives of ((v01 − AUC)/N)². */
  double squaredNegativeInfluence() {
    if (Double.isNaN(squaredNegativeInfluence)) {
      double a = overall.auc();
      int n = overall.negatives();
      double sum = 0;
      for (int k = 0; k < n; k++) {
        sum += AucGap.square((overall.negativePlacement(k) - a) / n);
      }
      squaredNegativeInfluence = sum;
    }
    return squaredNegativeInfluence;
  }

  /** Placements of the scored cases among {@code cases}, or null if a class is absent. */
  Placements placements(int[] cases) {
    int m = 0;
    int q = 0;
    for (int i : cases) {
      if (present[i]) {
        if (truth[i]) {
          m++;
        } else {
          q++;
        }
      }
    }
    if (m == 0 || q == 0) {
      return null;
    }
    double[] pos = new double[m];
    double[] neg = new double[q];
    m = 0;
    q = 0;
    for (int i : cases) {
      if (present[i]) {
        if (truth[i]) {
          pos[m++] = oriented[i];
        } else {
          neg[q++] = oriented[i];
        }
      }
    }
    return Placements.of(pos, neg);
  }
}

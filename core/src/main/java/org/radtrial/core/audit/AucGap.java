package org.radtrial.core.audit;

import org.radtrial.core.roc.Placements;

/**
 * Variance of the gap between a subgroup's AUC and the whole cohort's AUC, which share cases.
 *
 * <p>Both AUCs are linearised by their DeLong influence terms: a positive case i contributes
 * [i ∈ S](v10_S(i) − AUC_S)/m_S to AUC_S and (v10(i) − AUC)/M to AUC, and likewise for negatives.
 * The gap's variance is M/(M − 1) times the sum over positives of the squared difference of the two
 * contributions, plus the same over negatives: the structural-components estimator of DeLong et al.
 * extended to overlapping samples. For S = all cases it is 0; for the subgroup alone it is close to
 * the subgroup's own DeLong variance.
 */
final class AucGap {
  private AucGap() {}

  /** {variance of AUC_S − AUC, variance of ln AUC_S − ln AUC}; NaN when a class has one case. */
  static double[] variances(ModelView view, int[] cases, Placements subset) {
    Placements all = view.overall;
    int bigM = all.positives();
    int bigN = all.negatives();
    if (bigM < 2 || bigN < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double a = all.auc();
    double aS = subset.auc();
    double allPos = view.squaredPositiveInfluence();
    double allNeg = view.squaredNegativeInfluence();
    double diffPos = allPos;
    double diffNeg = allNeg;
    double logPos = allPos / (a * a);
    double logNeg = allNeg / (a * a);
    int mS = subset.positives();
    int nS = subset.negatives();
    int p = 0;
    int q = 0;
    for (int i : cases) {
      if (!view.present[i]) {
        continue;
      }
      if (view.truth[i]) {
        double x = (subset.positivePlacement(p++) - aS) / mS;
        double y = (all.positivePlacement(view.classIndex[i]) - a) / bigM;
        diffPos += square(x - y) - y * y;
        logPos += square(x / aS - y / a) - square(y / a);
      } else {
        double x = (subset.negativePlacement(q++) - aS) / nS;
        double y = (all.negativePlacement(view.classIndex[i]) - a) / bigN;
        diffNeg += square(x - y) - y * y;
        logNeg += square(x / aS - y / a) - square(y / a);
      }
    }
    double pos = bigM / (bigM - 1.0);
    double neg = bigN / (bigN - 1.0);
    return new double[] {Math.max(0, pos * diffPos + neg * diffNeg), Math.max(0, pos * logPos + neg * logNeg)};
  }

  static double square(double x) {
    return x * x;
  }
}

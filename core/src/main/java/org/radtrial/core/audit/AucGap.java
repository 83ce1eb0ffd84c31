package org.radtrial.core.audit;

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

  /**
   * {variance of AUC_S − AUC, variance of ln AUC_S − ln AUC}; NaN when a class of the cohort has
   * one case. With x = (v_S − AUC_S)/m_S and y the cohort's influence term of the same case, the sum
   * over positives of (x − y)² is Σ y² + Σ x² − 2 Σ x·y over the cell (cases outside the cell have
   * x = 0), so the cell contributes only through its sums.
   *
   * @param aS the cell's AUC, from mS positives and nS negatives
   * @param positiveDeviation Σ (v10_S − AUC_S)² over the cell's positives
   * @param positiveCross Σ (v10_S − AUC_S)·y over the cell's positives
   * @param negativeDeviation Σ (v01_S − AUC_S)² over the cell's negatives
   * @param negativeCross Σ (v01_S − AUC_S)·y over the cell's negatives
   */
  static double[] variances(ModelView view, double aS, int mS, int nS, double positiveDeviation, double positiveCross,
      double negativeDeviation, double negativeCross) {
    int bigM = view.positives;
    int bigN = view.negatives;
    if (bigM < 2 || bigN < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double a = view.overallAuc;
    double allPos = view.squaredPositiveInfluence;
    double allNeg = view.squaredNegativeInfluence;
    double xxPos = positiveDeviation / ((double) mS * mS);
    double xyPos = positiveCross / mS;
    double xxNeg = negativeDeviation / ((double) nS * nS);
    double xyNeg = negativeCross / nS;
    double diffPos = allPos + xxPos - 2 * xyPos;
    double diffNeg = allNeg + xxNeg - 2 * xyNeg;
    double logPos = allPos / (a * a) + xxPos / (aS * aS) - 2 * xyPos / (aS * a);
    double logNeg = allNeg / (a * a) + xxNeg / (aS * aS) - 2 * xyNeg / (aS * a);
    double pos = bigM / (bigM - 1.0);
    double neg = bigN / (bigN - 1.0);
    return new double[] {Math.max(0, pos * diffPos + neg * diffNeg), Math.max(0, pos * logPos + neg * logNeg)};
  }
}

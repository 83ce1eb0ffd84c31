package org.radtrial.core.audit;

import org.jspecify.annotations.Nullable;
import org.radtrial.core.roc.AucEstimate;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.StandardNormal;

/**
 * Every cell of a partition measured in one walk over a model's sorted scores: counts at the
 * threshold, the cell's Mann-Whitney AUC with its DeLong variance, and the variance of the gap
 * between the cell's AUC and the whole cohort's ({@link AucGap}).
 *
 * <p>The cases are visited in the model's one global order ({@link ModelView#order}), tie block by
 * tie block. For each cell the walk keeps how many of its negatives (and positives) lie below the
 * current block, so a positive's placement within its cell is (negatives below + ½ tied negatives)
 * / n_S, exactly DeLong's v10 on the cell alone, and likewise v01 for a negative. The cell's sums
 * of v, v² and v times the whole-cohort influence term give the AUC, its DeLong variance and the
 * gap variance without storing a placement per case. O(n + cells) per partition, no sorting.
 */
final class CellStatistics {
  /** One cell's numbers. */
  record Cell(int positives, int negatives, int truePositives, int falsePositives, @Nullable AucEstimate auc, double gapVariance,
      double logGapVariance) {}

  private CellStatistics() {}

  /**
   * The cells of a partition for one model: index = combined level code; null for a cell without a
   * scored case.
   *
   * @param key the combined level code of order[t], for every position t of the model's order
   */
  static Cell[] of(ModelView view, int[] key, int cells, double level) {
    int[] order = view.order;
    boolean[] truth = view.truthInOrder;
    double[] influence = view.influenceInOrder;
    int[] pos = new int[cells];
    int[] neg = new int[cells];
    int[] tp = new int[cells];
    int[] fp = new int[cells];
    int called = firstCalled(view);
    for (int t = 0; t < key.length; t++) {
      if (truth[t]) {
        pos[key[t]]++;
        tp[key[t]] += t >= called ? 1 : 0;
      } else {
        neg[key[t]]++;
        fp[key[t]] += t >= called ? 1 : 0;
      }
    }
    long[] negBelow = new long[cells];
    long[] posBelow = new long[cells];
    int[] blockPos = new int[cells];
    int[] blockNeg = new int[cells];
    long[] twiceWins = new long[cells];
    double[] posSquares = new double[cells];
    double[] posCross = new double[cells];
    double[] posInfluence = new double[cells];
    double[] negSquares = new double[cells];
    double[] negCross = new double[cells];
    double[] negInfluence = new double[cells];
    int[] blockStart = view.blockStart;
    for (int b = 0; b + 1 < blockStart.length; b++) {
      int from = blockStart[b];
      int to = blockStart[b + 1];
      for (int t = from; t < to; t++) {
        if (truth[t]) {
          blockPos[key[t]]++;
        } else {
          blockNeg[key[t]]++;
        }
      }
      for (int t = from; t < to; t++) {
        int c = key[t];
        double y = influence[t];
        if (truth[t]) {
          if (neg[c] == 0) {
            continue;
          }
          long wins = 2 * negBelow[c] + blockNeg[c];
          twiceWins[c] += wins;
          double v = wins / (2.0 * neg[c]);
          posSquares[c] += v * v;
          posCross[c] += v * y;
          posInfluence[c] += y;
        } else {
          if (pos[c] == 0) {
            continue;
          }
          double v = (2.0 * (pos[c] - posBelow[c] - blockPos[c]) + blockPos[c]) / (2.0 * pos[c]);
          negSquares[c] += v * v;
          negCross[c] += v * y;
          negInfluence[c] += y;
        }
      }
      for (int t = from; t < to; t++) {
        int c = key[t];
        negBelow[c] += blockNeg[c];
        posBelow[c] += blockPos[c];
        blockNeg[c] = 0;
        blockPos[c] = 0;
      }
    }
    Cell[] result = new Cell[cells];
    double z = StandardNormal.criticalValue(level);
    for (int c = 0; c < cells; c++) {
      int m = pos[c];
      int n = neg[c];
      if (m + n == 0) {
        continue;
      }
      AucEstimate auc = null;
      double[] gap = {Double.NaN, Double.NaN};
      if (m > 0 && n > 0) {
        double a = twiceWins[c] / (2.0 * m * (double) n);
        // Σ (v − a)² over the cell's positives (Σ v = m·a) and negatives (Σ v = n·a)
        double posDeviation = Math.max(0, posSquares[c] - m * a * a);
        double negDeviation = Math.max(0, negSquares[c] - n * a * a);
        double se = m >= 2 && n >= 2 ? Math.sqrt(posDeviation / (m - 1.0) / m + negDeviation / (n - 1.0) / n) : Double.NaN;
        Interval ci = Double.isNaN(se) ? null : new Interval(Math.max(0, a - z * se), Math.min(1, a + z * se), level);
        auc = new AucEstimate(a, se, ci, "DeLong", m, n);
        gap = AucGap.variances(view, a, m, n, posDeviation, (posCross[c] - a * posInfluence[c]), negDeviation,
            (negCross[c] - a * negInfluence[c]));
      }
      result[c] = new Cell(m, n, tp[c], fp[c], auc, gap[0], gap[1]);
    }
    return result;
  }

  /** The first position in the order whose case is called positive (the order's length if none). */
  private static int firstCalled(ModelView view) {
    int lo = 0;
    int hi = view.order.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (view.oriented[view.order[mid]] >= view.orientedThreshold) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}

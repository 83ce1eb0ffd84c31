package org.radtrial.core.audit;

import java.util.Arrays;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;

/**
 * One model's cases as the audit needs them: which are scored, the oriented scores, the decision
 * at the deployed threshold, and the scored cases sorted once by score, with the whole cohort's
 * placement values. Every subgroup's placements are derived from that one order
 * ({@link CellStatistics}), so no subgroup sorts its scores again.
 */
final class ModelView {
  final ModelScores model;
  final boolean[] truth;
  final double[] oriented;
  final boolean[] present;
  final boolean[] calledPositive;
  final double orientedThreshold;
  final int positives;
  final int negatives;
  final int truePositives;
  final int falsePositives;

  /** The scored cases in ascending order of oriented score (ties in case order). */
  final int[] order;
  /** Tie blocks: the cases of block b are order[blockStart[b]] .. order[blockStart[b + 1] − 1]. */
  final int[] blockStart;
  /** truth of order[t]. */
  final boolean[] truthInOrder;
  /**
   * The whole cohort's DeLong influence term of order[t]: (v10 − AUC)/M for a positive, (v01 −
   * AUC)/N for a negative, with M positives and N negatives.
   */
  final double[] influenceInOrder;
  /** Mann-Whitney AUC of the whole cohort (ties ½). */
  final double overallAuc;
  /** Σ over all positives of their squared influence term. */
  final double squaredPositiveInfluence;
  /** Σ over all negatives of their squared influence term. */
  final double squaredNegativeInfluence;

  ModelView(Cohort cohort, ModelScores model, double orientedThreshold) {
    this.model = model;
    this.truth = cohort.truth();
    this.orientedThreshold = orientedThreshold;
    int n = cohort.size();
    oriented = new double[n];
    present = new boolean[n];
    calledPositive = new boolean[n];
    int m = 0;
    int q = 0;
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < n; i++) {
      present[i] = model.present(i);
      if (!present[i]) {
        continue;
      }
      oriented[i] = model.oriented(i);
      if (Double.isNaN(oriented[i])) {
        throw new IllegalArgumentException("model " + model.name() + " has a NaN score at case " + i);
      }
      calledPositive[i] = oriented[i] >= orientedThreshold;
      if (truth[i]) {
        m++;
        tp += calledPositive[i] ? 1 : 0;
      } else {
        q++;
        fp += calledPositive[i] ? 1 : 0;
      }
    }
    positives = m;
    negatives = q;
    truePositives = tp;
    falsePositives = fp;
    if (m == 0 || q == 0) {
      throw new IllegalArgumentException("the audit of " + model.name() + " needs both classes among its scored cases: got "
          + m + " positive and " + q + " negative cases");
    }
    double[] distinct = new double[m + q];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (present[i]) {
        distinct[k++] = oriented[i];
      }
    }
    Arrays.sort(distinct);
    int u = 0;
    for (int j = 0; j < distinct.length; j++) {
      if (j == 0 || Double.compare(distinct[j], distinct[u - 1]) != 0) {
        distinct[u++] = distinct[j];
      }
    }
    int[] rank = new int[n];
    blockStart = new int[u + 1];
    for (int i = 0; i < n; i++) {
      if (present[i]) {
        rank[i] = Arrays.binarySearch(distinct, 0, u, oriented[i]);
        blockStart[rank[i] + 1]++;
      }
    }
    for (int b = 0; b < u; b++) {
      blockStart[b + 1] += blockStart[b];
    }
    order = new int[m + q];
    int[] next = Arrays.copyOf(blockStart, u);
    for (int i = 0; i < n; i++) {
      if (present[i]) {
        order[next[rank[i]]++] = i;
      }
    }
    truthInOrder = new boolean[m + q];
    for (int t = 0; t < order.length; t++) {
      truthInOrder[t] = truth[order[t]];
    }
    influenceInOrder = new double[m + q];
    long twiceWins = 0;
    long negativesBelow = 0;
    long positivesBelow = 0;
    double[] v = influenceInOrder;
    for (int b = 0; b < u; b++) {
      int blockPositives = 0;
      int blockNegatives = 0;
      for (int t = blockStart[b]; t < blockStart[b + 1]; t++) {
        if (truthInOrder[t]) {
          blockPositives++;
        } else {
          blockNegatives++;
        }
      }
      for (int t = blockStart[b]; t < blockStart[b + 1]; t++) {
        if (truthInOrder[t]) {
          twiceWins += 2 * negativesBelow + blockNegatives;
          v[t] = (2 * negativesBelow + blockNegatives) / (2.0 * q);
        } else {
          v[t] = (2.0 * (m - positivesBelow - blockPositives) + blockPositives) / (2.0 * m);
        }
      }
      negativesBelow += blockNegatives;
      positivesBelow += blockPositives;
    }
    overallAuc = twiceWins / (2.0 * m * (double) q);
    double sumPositive = 0;
    double sumNegative = 0;
    for (int t = 0; t < v.length; t++) {
      if (truthInOrder[t]) {
        v[t] = (v[t] - overallAuc) / m;
        sumPositive += v[t] * v[t];
      } else {
        v[t] = (v[t] - overallAuc) / q;
        sumNegative += v[t] * v[t];
      }
    }
    squaredPositiveInfluence = sumPositive;
    squaredNegativeInfluence = sumNegative;
  }

  /** A column's level codes in this model's order: codes[order[t]] at t (levels fit a byte: at most 100). */
  byte[] inOrder(int[] codes) {
    byte[] result = new byte[order.length];
    for (int t = 0; t < order.length; t++) {
      result[t] = (byte) codes[order[t]];
    }
    return result;
  }

  /** Combined level codes of columns in this model's order, as {@link Partition#keys} combines them. */
  static int[] keysInOrder(java.util.List<byte[]> codes, int[] levelCounts) {
    int[] keys = new int[codes.get(0).length];
    int stride = 1;
    for (int c = 0; c < codes.size(); c++) {
      byte[] column = codes.get(c);
      for (int t = 0; t < keys.length; t++) {
        keys[t] += stride * column[t];
      }
      stride *= levelCounts[c];
    }
    return keys;
  }

  String name() {
    return model.name();
  }
}

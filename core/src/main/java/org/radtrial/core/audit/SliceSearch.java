package org.radtrial.core.audit;

import java.util.ArrayList;
import java.util.List;
import org.radtrial.core.binary.FisherExact;
import org.radtrial.core.binary.TwoProportions;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.stat.StandardNormal;

/**
 * Finds slices (conjunctions of up to {@code depth} metadata values) where a model's false-negative
 * or false-positive rate is worse than in the rest of the cohort.
 *
 * <p>Every slice with enough cases of the judged class is tested (one-sided Fisher exact test of
 * slice vs rest: the normal approximation is too optimistic for small slices, and with thousands of
 * slices its errors become false discoveries); all tests of all models and both error kinds form one Benjamini-Hochberg family.
 * Counting is one pass over the cases per combination of columns, O(n · Σ C(k, d)), with no
 * per-slice scan.
 */
final class SliceSearch {
  private SliceSearch() {}

  /**
   * All tested slices of one model, q not yet filled.
   *
   * @param minimumTrials a slice is tested for false negatives only with at least this many
   *     positives, for false positives with at least this many negatives
   */
  static List<FailureSlice> tested(ModelView view, List<GroupColumn> columns, int depth, int minimumTrials, double level) {
    List<FailureSlice> slices = new ArrayList<>();
    int totalPos = view.positives;
    int totalNeg = view.negatives;
    int totalFn = view.positives - view.truePositives;
    int totalFp = view.falsePositives;
    int minimumPositives = Math.max(minimumTrials, needed(totalFn / (double) totalPos, level));
    int minimumNegatives = Math.max(minimumTrials, needed(totalFp / (double) totalNeg, level));
    for (int d = 1; d <= Math.min(depth, columns.size()); d++) {
      for (List<GroupColumn> combination : Partition.combinations(columns, d)) {
        long[] size = new long[1];
        int[] keys = Partition.keys(combination, size);
        int cells = (int) size[0];
        int[] pos = new int[cells];
        int[] neg = new int[cells];
        int[] fn = new int[cells];
        int[] fp = new int[cells];
        for (int i = 0; i < keys.length; i++) {
          if (!view.present[i]) {
            continue;
          }
          if (view.truth[i]) {
            pos[keys[i]]++;
            fn[keys[i]] += view.calledPositive[i] ? 0 : 1;
          } else {
            neg[keys[i]]++;
            fp[keys[i]] += view.calledPositive[i] ? 1 : 0;
          }
        }
        for (int key = 0; key < cells; key++) {
          if (pos[key] >= minimumPositives && totalPos - pos[key] > 0) {
            slices.add(slice(view, combination, key, "false_negative", pos[key] + neg[key], pos[key], fn[key], pos[key],
                totalFn - fn[key], totalPos - pos[key], level));
          }
          if (neg[key] >= minimumNegatives && totalNeg - neg[key] > 0) {
            slices.add(slice(view, combination, key, "false_positive", pos[key] + neg[key], pos[key], fp[key], neg[key],
                totalFp - fp[key], totalNeg - neg[key], level));
          }
        }
      }
    }
    return slices;
  }

  /** Cases needed to estimate an error rate near {@code rate} (kept within [0.1, 0.9]) within ±10 points. */
  static int needed(double rate, double level) {
    double r = Math.min(0.9, Math.max(0.1, rate));
    double z = org.radtrial.core.stat.StandardNormal.criticalValue(level);
    return (int) Math.ceil(z * z * r * (1 - r) / (SubgroupAnalysis.PRECISION * SubgroupAnalysis.PRECISION));
  }

  private static FailureSlice slice(ModelView view, List<GroupColumn> combination, int key, String error, int cases,
      int positives, int errors, int trials, int restErrors, int restTrials, double level) {
    double sliceRate = errors / (double) trials;
    double restRate = restErrors / (double) restTrials;
    return new FailureSlice(view.name(), Partition.subgroup(combination, key), error, cases, positives, errors, trials,
        sliceRate, restErrors, restTrials, restRate, sliceRate - restRate,
        TwoProportions.newcombeDifference(errors, trials, restErrors, restTrials, level),
        FisherExact.upperTail(errors, trials, errors + restErrors, trials + restTrials), Double.NaN, Double.NaN);
  }
}

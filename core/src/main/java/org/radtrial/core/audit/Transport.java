package org.radtrial.core.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.roc.DeLong;
import org.radtrial.core.roc.SortedArrays;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.StandardNormal;

/**
 * Each model's expected accuracy in another population whose mix of strata (for example age band ×
 * density) is known: the local cases are reweighted by target share / local share of their stratum
 * (post-stratification, assuming accuracy within a stratum transports).
 *
 * <p>Weighted sensitivity and specificity are ratio estimators Σwy / Σw with linearisation
 * variance Σw²(y − R)² / (Σw)², and logit-scale Wald intervals. The weighted AUC is
 * ΣᵢΣⱼ wᵢwⱼ ψ(xᵢ, yⱼ) / (ΣᵢwᵢΣⱼwⱼ) with ψ the Mann-Whitney kernel (ties ½), computed in
 * O(n log n) from weighted placements; its variance linearises the same way, and with equal weights
 * it is DeLong's variance times (m − 1)/m and (n − 1)/n.
 */
public final class Transport {
  private Transport() {}

  /**
   * One stratum's weight.
   *
   * @param stratum the stratum's rule
   * @param targetShare its share of the target population (after renormalising over the strata
   *     present locally)
   * @param localShare its share of the local cohort
   * @param weight targetShare / localShare
   */
  public record StratumWeight(String stratum, double targetShare, double localShare, double weight) {}

  /** A transported metric: the local (unweighted) value and the reweighted estimate. */
  public record Estimate(String metric, double local, double estimate, @Nullable Interval ci) {}

  /** The reweighting and what it could not cover. */
  public record Weights(List<GroupColumn> columns, List<StratumWeight> strata, double[] caseWeights, List<String> warnings) {}

  /**
   * Case weights for the target shares.
   *
   * @param targetShares share per stratum, keyed by the levels of {@code columns} in order
   */
  public static Weights weights(List<GroupColumn> columns, Map<List<String>, Double> targetShares) {
    long[] size = new long[1];
    int[] keys = Partition.keys(columns, size);
    int n = keys.length;
    int[] counts = new int[(int) size[0]];
    for (int key : keys) {
      counts[key]++;
    }
    Map<Integer, Double> target = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    double absentShare = 0;
    List<String> absent = new ArrayList<>();
    for (Map.Entry<List<String>, Double> e : targetShares.entrySet()) {
      requireBandLabels(columns, e.getKey());
      int key = key(columns, e.getKey());
      if (key < 0 || counts[key] == 0) {
        absent.add(String.join(" and ", e.getKey()));
        absentShare += e.getValue();
      } else {
        target.merge(key, e.getValue(), Double::sum);
      }
    }
    double presentShare = target.values().stream().mapToDouble(Double::doubleValue).sum();
    if (!absent.isEmpty()) {
      warnings.add(String.format(java.util.Locale.ROOT,
          "%d target strata (%.1f%% of the target population) have no local cases and are left out; the estimates describe"
              + " the rest of the target population: %s (local levels: %s)", absent.size(),
          100 * absentShare / (absentShare + presentShare), absent,
          columns.stream().map(c -> c.name() + " " + c.levels()).toList()));
    }
    if (presentShare <= 0) {
      throw new IllegalArgumentException("no stratum of the target population occurs in the local cohort");
    }
    double[] weightOfKey = new double[counts.length];
    List<StratumWeight> strata = new ArrayList<>();
    List<String> untargeted = new ArrayList<>();
    for (int key = 0; key < counts.length; key++) {
      if (counts[key] == 0) {
        continue;
      }
      double local = counts[key] / (double) n;
      Double share = target.get(key);
      String label = Partition.subgroup(columns, key).label();
      if (share == null) {
        untargeted.add(label);
        strata.add(new StratumWeight(label, 0, local, 0));
      } else {
        double t = share / presentShare;
        weightOfKey[key] = t / local;
        strata.add(new StratumWeight(label, t, local, weightOfKey[key]));
      }
    }
    if (!untargeted.isEmpty()) {
      warnings.add("local strata without a target share get weight 0: " + untargeted);
    }
    double[] caseWeights = new double[n];
    for (int i = 0; i < n; i++) {
      caseWeights[i] = weightOfKey[keys[i]];
    }
    return new Weights(columns, strata, caseWeights, warnings);
  }

  /** A banded column's target value must be one of its band labels: "45" is an age, not a band. */
  private static void requireBandLabels(List<GroupColumn> columns, List<String> levels) {
    if (levels.size() != columns.size()) {
      throw new IllegalArgumentException("target stratum " + levels + " has " + levels.size() + " values for the "
          + columns.size() + " columns " + columns.stream().map(GroupColumn::name).toList());
    }
    for (int c = 0; c < columns.size(); c++) {
      GroupColumn column = columns.get(c);
      if (column.bands() != null && !column.levels().contains(levels.get(c))) {
        throw new IllegalArgumentException("target stratum " + levels + ": '" + levels.get(c) + "' is not a band of "
            + column.name() + "; use its band labels " + column.levels() + " (or set the bands with --bands)");
      }
    }
  }

  private static int key(List<GroupColumn> columns, List<String> levels) {
    if (levels.size() != columns.size()) {
      return -1;
    }
    int key = 0;
    int stride = 1;
    for (int c = 0; c < columns.size(); c++) {
      int code = columns.get(c).levels().indexOf(levels.get(c));
      if (code < 0) {
        return -1;
      }
      key += stride * code;
      stride *= columns.get(c).levelCount();
    }
    return key;
  }

  /** Reweighted sensitivity, specificity and AUC of one model. */
  static List<Estimate> estimates(ModelView view, double[] w, double level) {
    double sumPos = 0;
    double hitPos = 0;
    double sumNeg = 0;
    double hitNeg = 0;
    for (int i = 0; i < w.length; i++) {
      if (!view.present[i]) {
        continue;
      }
      if (view.truth[i]) {
        sumPos += w[i];
        hitPos += view.calledPositive[i] ? w[i] : 0;
      } else {
        sumNeg += w[i];
        hitNeg += view.calledPositive[i] ? 0 : w[i];
      }
    }
    double sensitivity = hitPos / sumPos;
    double specificity = hitNeg / sumNeg;
    double varSens = 0;
    double varSpec = 0;
    for (int i = 0; i < w.length; i++) {
      if (!view.present[i]) {
        continue;
      }
      if (view.truth[i]) {
        double r = (view.calledPositive[i] ? 1 : 0) - sensitivity;
        varSens += w[i] * w[i] * r * r;
      } else {
        double r = (view.calledPositive[i] ? 0 : 1) - specificity;
        varSpec += w[i] * w[i] * r * r;
      }
    }
    varSens /= sumPos * sumPos;
    varSpec /= sumNeg * sumNeg;
    double localSens = view.truePositives / (double) view.positives;
    double localSpec = 1 - view.falsePositives / (double) view.negatives;
    double[] auc = weightedAuc(view, w);
    double z = StandardNormal.criticalValue(level);
    List<Estimate> estimates = new ArrayList<>();
    estimates.add(new Estimate("sensitivity", localSens, sensitivity, logitInterval(sensitivity, Math.sqrt(varSens), level)));
    estimates.add(new Estimate("specificity", localSpec, specificity, logitInterval(specificity, Math.sqrt(varSpec), level)));
    double se = Math.sqrt(auc[1]);
    estimates.add(new Estimate("auc", view.overallAuc, auc[0],
        new Interval(Math.max(0, auc[0] - z * se), Math.min(1, auc[0] + z * se), level)));
    return estimates;
  }

  /** Logit-scale Wald interval, which stays inside (0, 1); null at 0 or 1. */
  private static @Nullable Interval logitInterval(double p, double se, double level) {
    if (!(p > 0 && p < 1) || Double.isNaN(se)) {
      return null;
    }
    double z = StandardNormal.criticalValue(level);
    double logit = Math.log(p / (1 - p));
    double half = z * se / (p * (1 - p));
    return new Interval(1 / (1 + Math.exp(-(logit - half))), 1 / (1 + Math.exp(-(logit + half))), level);
  }

  /** {weighted AUC, its linearisation variance}. */
  static double[] weightedAuc(ModelView view, double[] w) {
    int n = w.length;
    List<double[]> pos = new ArrayList<>();
    List<double[]> neg = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (view.present[i] && w[i] > 0) {
        (view.truth[i] ? pos : neg).add(new double[] {view.oriented[i], w[i]});
      }
    }
    double[][] p = pos.toArray(double[][]::new);
    double[][] q = neg.toArray(double[][]::new);
    double[] pv = weightedPlacements(p, q, true);
    double[] qv = weightedPlacements(q, p, false);
    double wp = Arrays.stream(p).mapToDouble(r -> r[1]).sum();
    double wq = Arrays.stream(q).mapToDouble(r -> r[1]).sum();
    double auc = 0;
    for (int k = 0; k < p.length; k++) {
      auc += p[k][1] * pv[k];
    }
    auc /= wp;
    double var = 0;
    for (int k = 0; k < p.length; k++) {
      var += p[k][1] * p[k][1] * (pv[k] - auc) * (pv[k] - auc);
    }
    double varQ = 0;
    for (int k = 0; k < q.length; k++) {
      varQ += q[k][1] * q[k][1] * (qv[k] - auc) * (qv[k] - auc);
    }
    return new double[] {auc, var / (wp * wp) + varQ / (wq * wq)};
  }

  /**
   * For each case of {@code of}: the weighted share of {@code against} below it (if {@code below})
   * or above it, ties counting half. {score, weight} rows; sorting once, then binary search.
   */
  private static double[] weightedPlacements(double[][] of, double[][] against, boolean below) {
    double[][] sorted = against.clone();
    Arrays.sort(sorted, (a, b) -> Double.compare(a[0], b[0]));
    double[] scores = new double[sorted.length];
    double[] cumulative = new double[sorted.length + 1];
    for (int k = 0; k < sorted.length; k++) {
      scores[k] = sorted[k][0];
      cumulative[k + 1] = cumulative[k] + sorted[k][1];
    }
    double total = cumulative[sorted.length];
    double[] result = new double[of.length];
    for (int k = 0; k < of.length; k++) {
      int lo = SortedArrays.lowerBound(scores, of[k][0]);
      int hi = SortedArrays.upperBound(scores, of[k][0]);
      double tied = cumulative[hi] - cumulative[lo];
      double share = below ? cumulative[lo] + tied / 2 : total - cumulative[hi] + tied / 2;
      result[k] = share / total;
    }
    return result;
  }
}

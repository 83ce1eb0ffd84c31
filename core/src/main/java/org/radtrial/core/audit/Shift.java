package org.radtrial.core.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.radtrial.core.roc.SortedArrays;

/**
 * How one variable (a metadata column or a model's score) differs between the local cohort and a
 * reference cohort (for example the vendor's validation set).
 *
 * <p>Continuous variables: standardized mean difference (mean difference over the root mean of the
 * two variances), two-sample Kolmogorov-Smirnov D with its asymptotic p (R's {@code ks.test(exact =
 * FALSE)}), and the population stability index over the reference's deciles. Categorical
 * variables: the largest per-level standardized difference of proportions and the PSI over the
 * levels. PSI = Σ (a − r)·ln(a / r) with shares floored at 1e-4.
 *
 * <p>Verdict: "large" when PSI ≥ 0.25 or |SMD| ≥ 0.25, "moderate" when PSI ≥ 0.1 or |SMD| ≥ 0.1,
 * else "small" (the PSI bands of credit scoring, Siddiqi 2006; SMD 0.1 as in Austin 2009). The
 * KS p-value is shown, not used: with thousands of cases it flags shifts too small to matter.
 *
 * @param variable the column or model
 * @param kind "metadata" or "score"
 * @param type "continuous" or "categorical"
 * @param localCases non-missing local values
 * @param referenceCases non-missing reference values
 * @param standardizedDifference SMD (categorical: the level with the largest |difference|)
 * @param psi population stability index
 * @param ksStatistic KS D (continuous only, else NaN)
 * @param ksP its asymptotic p (continuous only, else NaN)
 * @param verdict "small", "moderate" or "large"
 * @param levels categorical only: level → {local share, reference share}
 */
public record Shift(
    String variable,
    String kind,
    String type,
    int localCases,
    int referenceCases,
    double standardizedDifference,
    double psi,
    double ksStatistic,
    double ksP,
    String verdict,
    Map<String, double[]> levels) {

  static final double FLOOR = 1e-4;

  /** Shift of a continuous variable (NaN = missing, left out). */
  public static Shift continuous(String variable, String kind, double[] local, double[] reference) {
    double[] a = present(local);
    double[] r = present(reference);
    if (a.length == 0 || r.length == 0) {
      throw new IllegalArgumentException(variable + " has no values in one of the two cohorts");
    }
    Arrays.sort(a);
    Arrays.sort(r);
    double smd = (mean(a) - mean(r)) / Math.sqrt((variance(a) + variance(r)) / 2);
    if (Double.isNaN(smd)) {
      smd = mean(a) == mean(r) ? 0 : Double.POSITIVE_INFINITY;
    }
    double d = ksStatistic(a, r);
    double lambda = Math.sqrt(a.length * (double) r.length / (a.length + r.length)) * d;
    double psi = psi(a, r);
    return new Shift(variable, kind, "continuous", a.length, r.length, smd, psi, d, kolmogorovSurvival(lambda),
        verdict(psi, smd), Map.of());
  }

  /** Shift of a categorical variable. */
  public static Shift categorical(String variable, List<String> local, List<String> reference) {
    TreeSet<String> levels = new TreeSet<>(local);
    levels.addAll(reference);
    Map<String, double[]> shares = new LinkedHashMap<>();
    double psi = 0;
    double largest = 0;
    Map<String, Integer> localCounts = new java.util.HashMap<>();
    Map<String, Integer> referenceCounts = new java.util.HashMap<>();
    local.forEach(v -> localCounts.merge(v, 1, Integer::sum));
    reference.forEach(v -> referenceCounts.merge(v, 1, Integer::sum));
    for (String level : levels) {
      double pa = localCounts.getOrDefault(level, 0) / (double) local.size();
      double pr = referenceCounts.getOrDefault(level, 0) / (double) reference.size();
      shares.put(level, new double[] {pa, pr});
      double fa = Math.max(FLOOR, pa);
      double fr = Math.max(FLOOR, pr);
      psi += (fa - fr) * Math.log(fa / fr);
      double sd = Math.sqrt((pa * (1 - pa) + pr * (1 - pr)) / 2);
      double smd = sd == 0 ? 0 : (pa - pr) / sd;
      if (Math.abs(smd) > Math.abs(largest)) {
        largest = smd;
      }
    }
    return new Shift(variable, "metadata", "categorical", local.size(), reference.size(), largest, psi, Double.NaN, Double.NaN,
        verdict(psi, largest), shares);
  }

  private static String verdict(double psi, double smd) {
    if (psi >= 0.25 || Math.abs(smd) >= 0.25) {
      return "large";
    }
    if (psi >= 0.1 || Math.abs(smd) >= 0.1) {
      return "moderate";
    }
    return "small";
  }

  /** sup |F_a − F_r| over the pooled values, both arrays sorted. */
  static double ksStatistic(double[] a, double[] r) {
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < a.length && j < r.length) {
      double v = Math.min(a[i], r[j]);
      while (i < a.length && a[i] == v) {
        i++;
      }
      while (j < r.length && r[j] == v) {
        j++;
      }
      d = Math.max(d, Math.abs(i / (double) a.length - j / (double) r.length));
    }
    return d;
  }

  /** P(K > λ) for the Kolmogorov distribution (R's {@code pkstwo}, two series for accuracy). */
  static double kolmogorovSurvival(double lambda) {
    if (lambda <= 0) {
      return 1;
    }
    if (lambda < 1) {
      double sum = 0;
      double w = Math.PI * Math.PI / (8 * lambda * lambda);
      for (int k = 1; k < 100; k += 2) {
        sum += Math.exp(-k * k * w);
      }
      return 1 - Math.sqrt(2 * Math.PI) / lambda * sum;
    }
    double sum = 0;
    for (int k = 1; k < 100; k++) {
      sum += (k % 2 == 1 ? 1 : -1) * Math.exp(-2.0 * k * k * lambda * lambda);
    }
    return Math.min(1, Math.max(0, 2 * sum));
  }

  /** PSI over the reference's deciles (distinct cut points only). */
  static double psi(double[] sortedLocal, double[] sortedReference) {
    List<Double> cuts = new ArrayList<>();
    for (int q = 1; q < 10; q++) {
      double cut = sortedReference[(int) Math.floor(q * (sortedReference.length - 1) / 10.0)];
      if (cuts.isEmpty() || cut > cuts.get(cuts.size() - 1)) {
        cuts.add(cut);
      }
    }
    double psi = 0;
    int previousA = 0;
    int previousR = 0;
    for (int k = 0; k <= cuts.size(); k++) {
      int ua = k == cuts.size() ? sortedLocal.length : SortedArrays.upperBound(sortedLocal, cuts.get(k));
      int ur = k == cuts.size() ? sortedReference.length : SortedArrays.upperBound(sortedReference, cuts.get(k));
      double fa = Math.max(FLOOR, (ua - previousA) / (double) sortedLocal.length);
      double fr = Math.max(FLOOR, (ur - previousR) / (double) sortedReference.length);
      psi += (fa - fr) * Math.log(fa / fr);
      previousA = ua;
      previousR = ur;
    }
    return psi;
  }

  private static double[] present(double[] values) {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double variance(double[] x) {
    if (x.length < 2) {
      return 0;
    }
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }
}

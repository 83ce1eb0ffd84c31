package org.radtrial.core.roc;

import java.util.Arrays;

/**
 * DeLong's placement values of one model on one set of cases: the building block of the AUC, its
 * variance, the paired covariance, the ROC curve and the bootstrap.
 *
 * <p>For a positive case with score x, {@code v10 = (#negatives < x + ½ #negatives == x) / n}; for a
 * negative case with score y, {@code v01 = (#positives > y + ½ #positives == y) / m}. The
 * Mann-Whitney AUC (ties count ½) is the mean of either. Computed by sorting the positives, placing
 * every negative among them (a bucketed search), and counting the negatives that fall between and
 * on consecutive positives: O(m log m + n), never O(m·n) (the "fast DeLong" idea of Sun and Xu
 * 2014, without a joint argsort). The negatives, sorted only for the ROC curve, are sorted by a
 * radix sort.
 *
 * <p>Scores are oriented: higher means more suspicious. Arrays are kept in case order, so the
 * placements of two models on the same cases line up for the paired covariance.
 */
public final class Placements {
  private final double[] sortedPositives;
  private final double[] sortedNegatives;
  /** For each positive (case order): #negatives strictly below, and #negatives at or below. */
  private final int[] negativesBelow;
  private final int[] negativesAtOrBelow;
  private final double[] v10;
  private final double[] v01;
  private final double auc;
  /** The means of v10 and v01, computed once: every variance and covariance of this model uses them. */
  private final double meanV10;
  private final double meanV01;

  private Placements(double[] positives, double[] negatives) {
    int m = positives.length;
    int n = negatives.length;
    if (m == 0 || n == 0) {
      throw new IllegalArgumentException(
          "the AUC needs both classes: got " + m + " positive and " + n + " negative cases");
    }
    sortedPositives = sortedFiniteCopy(positives, "positive");
    // Each negative y falls in group g = #positives < y, so that sortedPositives[g - 1] < y <=
    // sortedPositives[g]: "tied" if y equals sortedPositives[g], else "between". The groups are in
    // ascending order of y, so their counts give every positive's #negatives below: O(n), and exact.
    // The sorted negatives, for the ROC curve, come from a radix sort, O(n) too.
    BucketedSearch amongPositives = new BucketedSearch(sortedPositives);
    v01 = new double[n];
    int[] between = new int[m + 1];
    int[] tied = new int[m + 1];
    for (int j = 0; j < n; j++) {
      double y = negatives[j];
      if (Double.isNaN(y)) {
        throw new IllegalArgumentException("a negative case has a missing (NaN) score");
      }
      int lo = amongPositives.lowerBound(y);
      int hi = amongPositives.upperBound(y, lo);
      // positives above y: m - hi; tied: hi - lo
      v01[j] = (2.0 * (m - hi) + (hi - lo)) / (2.0 * m);
      if (hi > lo) {
        tied[lo]++;
      } else {
        between[lo]++;
      }
    }
    // start[g]: negatives in groups before g; the negatives below sortedPositives[g]: start[g] + between[g]
    int[] start = new int[m + 2];
    for (int g = 0; g <= m; g++) {
      start[g + 1] = start[g] + between[g] + tied[g];
    }
    negativesBelow = new int[m];
    negativesAtOrBelow = new int[m];
    v10 = new double[m];
    long twiceWins = 0;
    for (int i = 0; i < m; i++) {
      int g = amongPositives.lowerBound(positives[i]);
      int lo = start[g] + between[g];
      int hi = lo + tied[g];
      negativesBelow[i] = lo;
      negativesAtOrBelow[i] = hi;
      twiceWins += (long) lo + hi;
      v10[i] = (lo + hi) / (2.0 * n);
    }
    sortedNegatives = negatives.clone();
    RadixSort.sort(sortedNegatives);
    auc = twiceWins / (2.0 * m * (double) n);
    meanV10 = mean(v10);
    meanV01 = mean(v01);
  }

  /** Placements of the given oriented scores of positive and negative cases (arrays not kept). */
  public static Placements of(double[] positives, double[] negatives) {
    return new Placements(positives, negatives);
  }

  /** Mann-Whitney AUC: P(score of a positive > score of a negative) + ½ P(tie). */
  public double auc() {
    return auc;
  }

  public int positives() {
    return v10.length;
  }

  /** DeLong's v10 of the k-th positive case (in the order the positives were given). */
  public double positivePlacement(int k) {
    return v10[k];
  }

  /** DeLong's v01 of the k-th negative case (in the order the negatives were given). */
  public double negativePlacement(int k) {
    return v01[k];
  }

  public int negatives() {
    return v01.length;
  }

  /**
   * DeLong variance of the AUC: var(v10)/m + var(v01)/n, sample variances with m−1 and n−1. NaN
   * with a single positive or a single negative case, where no spread can be estimated (pROC: NA).
   */
  public double delongVariance() {
    if (!varianceEstimable()) {
      return Double.NaN;
    }
    return covariance(v10, meanV10, v10, meanV10) / v10.length + covariance(v01, meanV01, v01, meanV01) / v01.length;
  }

  /**
   * DeLong covariance of this AUC with another model's AUC on the same cases in the same order.
   *
   * @throws IllegalArgumentException if the two were not computed on the same numbers of cases
   */
  public double delongCovariance(Placements other) {
    if (other.v10.length != v10.length || other.v01.length != v01.length) {
      throw new IllegalArgumentException("paired DeLong needs the same cases for both models");
    }
    if (!varianceEstimable()) {
      return Double.NaN;
    }
    return covariance(v10, meanV10, other.v10, other.meanV10) / v10.length
        + covariance(v01, meanV01, other.v01, other.meanV01) / v01.length;
  }

  /** True with at least two cases of each class: the DeLong variance needs a spread in both. */
  public boolean varianceEstimable() {
    return v10.length >= 2 && v01.length >= 2;
  }

  /**
   * The sample covariance with denominator k−1 (0 when k = 1);
   * two-pass for accuracy on large, nearly constant inputs.
   */
  static double covariance(double[] a, double[] b) {
    return a.length < 2 ? 0 : covariance(a, mean(a), b, mean(b));
  }

  /** The second pass of {@link #covariance(double[], double[])}, given the means. */
  private static double covariance(double[] a, double meanA, double[] b, double meanB) {
    int k = a.length;
    if (k < 2) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += (a[i] - meanA) * (b[i] - meanB);
    }
    return sum / (k - 1);
  }

  private static double mean(double[] a) {
    double sum = 0;
    for (double x : a) {
      sum += x;
    }
    return sum / a.length;
  }

  double[] sortedPositives() {
    return sortedPositives;
  }

  double[] sortedNegatives() {
    return sortedNegatives;
  }

  int[] negativesBelow() {
    return negativesBelow;
  }

  int[] negativesAtOrBelow() {
    return negativesAtOrBelow;
  }

  private static double[] sortedFiniteCopy(double[] scores, String label) {
    double[] copy = scores.clone();
    for (double s : copy) {
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("a " + label + " case has a missing (NaN) score");
      }
    }
    Arrays.sort(copy);
    return copy;
  }
}

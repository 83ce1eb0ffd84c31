package org.radtrial.core.roc;

import java.util.SplittableRandom;

/**
 * Test oracles for the AUC and DeLong's variance written the slow, obvious way: every positive is
 * compared with every negative (O(m·n)), no sorting, no binary search. Also the seeded score
 * generators the property tests share.
 */
final class NaiveDeLong {
  private NaiveDeLong() {}

  /** The Mann-Whitney kernel: 1 if the positive scores higher, ½ on a tie, 0 otherwise. */
  static double kernel(double positive, double negative) {
    if (positive > negative) {
      return 1;
    }
    return positive == negative ? 0.5 : 0;
  }

  /** Mann-Whitney AUC: the mean kernel over all m·n pairs. */
  static double auc(double[] positives, double[] negatives) {
    double sum = 0;
    for (double x : positives) {
      for (double y : negatives) {
        sum += kernel(x, y);
      }
    }
    return sum / ((double) positives.length * negatives.length);
  }

  /** V10(x_i) = mean over negatives of the kernel, one per positive in case order. */
  static double[] v10(double[] positives, double[] negatives) {
    double[] v = new double[positives.length];
    for (int i = 0; i < positives.length; i++) {
      double sum = 0;
      for (double y : negatives) {
        sum += kernel(positives[i], y);
      }
      v[i] = sum / negatives.length;
    }
    return v;
  }

  /** V01(y_j) = mean over positives of the kernel, one per negative in case order. */
  static double[] v01(double[] positives, double[] negatives) {
    double[] v = new double[negatives.length];
    for (int j = 0; j < negatives.length; j++) {
      double sum = 0;
      for (double x : positives) {
        sum += kernel(x, negatives[j]);
      }
      v[j] = sum / positives.length;
    }
    return v;
  }

  /** DeLong variance S10/m + S01/n with sample variances over m−1 and n−1 (needs m, n ≥ 2). */
  static double variance(double[] positives, double[] negatives) {
    return covariance(positives, negatives, positives, negatives);
  }

  /** DeLong covariance of two models' AUCs on the same cases (needs m, n ≥ 2). */
  static double covariance(double[] positivesA, double[] negativesA, double[] positivesB, double[] negativesB) {
    double[] a10 = v10(positivesA, negativesA);
    double[] b10 = v10(positivesB, negativesB);
    double[] a01 = v01(positivesA, negativesA);
    double[] b01 = v01(positivesB, negativesB);
    return sampleCovariance(a10, b10) / a10.length + sampleCovariance(a01, b01) / a01.length;
  }

  private static double sampleCovariance(double[] a, double[] b) {
    double meanA = 0;
    double meanB = 0;
    for (int i = 0; i < a.length; i++) {
      meanA += a[i];
      meanB += b[i];
    }
    meanA /= a.length;
    meanB /= b.length;
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - meanA) * (b[i] - meanB);
    }
    return sum / (a.length - 1);
  }

  /** k draws from N(mean, 1). */
  static double[] normal(SplittableRandom random, int k, double mean) {
    double[] scores = new double[k];
    for (int i = 0; i < k; i++) {
      scores[i] = mean + random.nextGaussian();
    }
    return scores;
  }

  /** k draws from N(mean, 1) rounded to one decimal: many ties, as from a 0–1 score printed to 0.1. */
  static double[] tiedNormal(SplittableRandom random, int k, double mean) {
    double[] scores = normal(random, k, mean);
    for (int i = 0; i < k; i++) {
      scores[i] = Math.round(scores[i] * 10) / 10.0;
    }
    return scores;
  }

  /** Either continuous or heavily tied scores, chosen by the stream. */
  static double[] scores(SplittableRandom random, int k, double mean, boolean tied) {
    return tied ? tiedNormal(random, k, mean) : normal(random, k, mean);
  }
}

package org.radtrial.core.mrmc;

/**
 * Test oracles written the slow, obvious way: every positive case compared with every negative case
 * (O(m·n)) and every figure of merit recomputed from scratch with each case deleted (O(K·m·n)). No
 * sorting, no placement-value shortcuts, nothing shared with the code under test.
 */
final class NaiveMrmc {
  private NaiveMrmc() {}

  static double kernel(double positive, double negative) {
    return positive > negative ? 1 : positive == negative ? 0.5 : 0;
  }

  /** The AUC of the cases not deleted ({@code deleted} may be −1 for none). */
  static double auc(double[] ratings, boolean[] truth, int deleted) {
    double sum = 0;
    long pairs = 0;
    for (int a = 0; a < ratings.length; a++) {
      if (a == deleted || !truth[a]) {
        continue;
      }
      for (int b = 0; b < ratings.length; b++) {
        if (b == deleted || truth[b]) {
          continue;
        }
        sum += kernel(ratings[a], ratings[b]);
        pairs++;
      }
    }
    return sum / pairs;
  }

  /** Fraction of the (not deleted) cases of class {@code cls} whose rating is ≥ cut (cls true) or < cut. */
  static double proportion(double[] ratings, boolean[] truth, boolean cls, double cut, int deleted) {
    int hits = 0;
    int total = 0;
    for (int a = 0; a < ratings.length; a++) {
      if (a == deleted || truth[a] != cls) {
        continue;
      }
      total++;
      hits += (cls ? ratings[a] >= cut : ratings[a] < cut) ? 1 : 0;
    }
    return hits / (double) total;
  }

  /** V10 of each positive case in case order, then V01 of each negative case in case order. */
  static double[][] structuralComponents(double[] ratings, boolean[] truth) {
    int m = 0;
    for (boolean t : truth) {
      m += t ? 1 : 0;
    }
    int n = truth.length - m;
    double[] v10 = new double[m];
    double[] v01 = new double[n];
    int a = 0;
    for (int i = 0; i < truth.length; i++) {
      if (!truth[i]) {
        continue;
      }
      for (int j = 0; j < truth.length; j++) {
        if (!truth[j]) {
          v10[a] += kernel(ratings[i], ratings[j]) / n;
        }
      }
      a++;
    }
    int b = 0;
    for (int j = 0; j < truth.length; j++) {
      if (truth[j]) {
        continue;
      }
      for (int i = 0; i < truth.length; i++) {
        if (truth[i]) {
          v01[b] += kernel(ratings[i], ratings[j]) / m;
        }
      }
      b++;
    }
    return new double[][] {v10, v01};
  }

  /** DeLong's covariance of two AUCs on the same cases: s(V10_a, V10_b)/m + s(V01_a, V01_b)/n. */
  static double delongCovariance(double[] ratingsA, double[] ratingsB, boolean[] truth) {
    double[][] a = structuralComponents(ratingsA, truth);
    double[][] b = structuralComponents(ratingsB, truth);
    return sampleCovariance(a[0], b[0]) / a[0].length + sampleCovariance(a[1], b[1]) / a[1].length;
  }

  /** The jackknife covariance (K−1)/K Σ_k (x_k − x̄)(y_k − ȳ) of two leave-one-out series. */
  static double jackknifeCovariance(double[] x, double[] y) {
    int k = x.length;
    return sampleCovariance(x, y) * (k - 1) * (k - 1) / k;
  }

  static double sampleCovariance(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i] / x.length;
      my += y[i] / y.length;
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += (x[i] - mx) * (y[i] - my);
    }
    return s / (x.length - 1);
  }
}

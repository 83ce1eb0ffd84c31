package org.radtrial.core.mrmc;

import java.util.ArrayList;
import java.util.List;

/**
 * The balanced three-way ANOVA of jackknife pseudovalues Y_ijk = K·θ_ij − (K − 1)·θ_ij(−k) (Dorfman,
 * Berbaum and Metz 1992), with its per-modality and per-reader two-way ANOVAs. Their mean over cases
 * is θ_ij exactly for the AUC and for proportions.
 */
final class PseudovalueAnova {
  private PseudovalueAnova() {}

  static double[][][] pseudovalues(FomEstimates e) {
    int t = e.modalities();
    int r = e.readers();
    int k = e.cases();
    double[][][] y = new double[t][r][k];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        int cell = e.cell(i, j);
        for (int q = 0; q < k; q++) {
          y[i][j][q] = k * e.theta(cell) - (k - 1) * e.leaveOneOut(cell, q);
        }
      }
    }
    return y;
  }

  static DbmMeanSquares of(double[][][] y, List<String> modalities, List<String> readers) {
    int t = y.length;
    int r = y[0].length;
    int k = y[0][0].length;
    double[][] ij = new double[t][r];
    double[][] ik = new double[t][k];
    double[][] jk = new double[r][k];
    double[] mi = new double[t];
    double[] mj = new double[r];
    double[] mk = new double[k];
    double grand = 0;
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        for (int q = 0; q < k; q++) {
          double v = y[i][j][q];
          ij[i][j] += v;
          ik[i][q] += v;
          jk[j][q] += v;
          mi[i] += v;
          mj[j] += v;
          mk[q] += v;
          grand += v;
        }
      }
    }
    // Sums first, one division each: equal values then give exactly equal means and zero mean squares.
    divide(ij, k);
    divide(ik, r);
    divide(jk, t);
    divide(mi, (double) r * k);
    divide(mj, (double) t * k);
    divide(mk, (double) t * r);
    grand /= (double) t * r * k;
    double ssT = 0;
    double ssR = 0;
    double ssC = 0;
    double ssTR = 0;
    double ssTC = 0;
    double ssRC = 0;
    double ssTRC = 0;
    for (int i = 0; i < t; i++) {
      ssT += (double) r * k * sq(mi[i] - grand);
    }
    for (int j = 0; j < r; j++) {
      ssR += (double) t * k * sq(mj[j] - grand);
    }
    for (int q = 0; q < k; q++) {
      ssC += (double) t * r * sq(mk[q] - grand);
    }
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        ssTR += k * sq(ij[i][j] - mi[i] - mj[j] + grand);
      }
      for (int q = 0; q < k; q++) {
        ssTC += r * sq(ik[i][q] - mi[i] - mk[q] + grand);
      }
    }
    for (int j = 0; j < r; j++) {
      for (int q = 0; q < k; q++) {
        ssRC += t * sq(jk[j][q] - mj[j] - mk[q] + grand);
      }
    }
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        for (int q = 0; q < k; q++) {
          ssTRC += sq(y[i][j][q] - ij[i][j] - ik[i][q] - jk[j][q] + mi[i] + mj[j] + mk[q] - grand);
        }
      }
    }
    double nan = Double.NaN;
    boolean severalModalities = t > 1;
    return new DbmMeanSquares(
        severalModalities ? ssT / (t - 1) : nan,
        ssR / (r - 1),
        ssC / (k - 1),
        severalModalities ? ssTR / ((t - 1) * (r - 1)) : nan,
        severalModalities ? ssTC / ((t - 1) * (k - 1)) : nan,
        ssRC / ((r - 1) * (k - 1)),
        severalModalities ? ssTRC / ((t - 1) * (r - 1) * (double) (k - 1)) : nan,
        withinModality(y, ij, ik, mi, modalities),
        withinReader(y, ij, jk, mj, readers));
  }

  private static List<DbmMeanSquares.WithinModality> withinModality(double[][][] y, double[][] ij, double[][] ik,
      double[] mi, List<String> names) {
    int t = y.length;
    int r = y[0].length;
    int k = y[0][0].length;
    List<DbmMeanSquares.WithinModality> out = new ArrayList<>();
    for (int i = 0; i < t; i++) {
      double ssR = 0;
      double ssC = 0;
      double ssRC = 0;
      for (int j = 0; j < r; j++) {
        ssR += k * sq(ij[i][j] - mi[i]);
        for (int q = 0; q < k; q++) {
          ssRC += sq(y[i][j][q] - ij[i][j] - ik[i][q] + mi[i]);
        }
      }
      for (int q = 0; q < k; q++) {
        ssC += r * sq(ik[i][q] - mi[i]);
      }
      out.add(new DbmMeanSquares.WithinModality(names.get(i), ssR / (r - 1), ssC / (k - 1), ssRC / ((r - 1) * (k - 1.0))));
    }
    return out;
  }

  private static List<DbmMeanSquares.WithinReader> withinReader(double[][][] y, double[][] ij, double[][] jk,
      double[] mj, List<String> names) {
    int t = y.length;
    int r = y[0].length;
    int k = y[0][0].length;
    List<DbmMeanSquares.WithinReader> out = new ArrayList<>();
    for (int j = 0; j < r; j++) {
      double ssT = 0;
      double ssC = 0;
      double ssTC = 0;
      for (int i = 0; i < t; i++) {
        ssT += k * sq(ij[i][j] - mj[j]);
        for (int q = 0; q < k; q++) {
          ssTC += sq(y[i][j][q] - ij[i][j] - jk[j][q] + mj[j]);
        }
      }
      for (int q = 0; q < k; q++) {
        ssC += t * sq(jk[j][q] - mj[j]);
      }
      double nan = Double.NaN;
      out.add(new DbmMeanSquares.WithinReader(names.get(j), t > 1 ? ssT / (t - 1) : nan, ssC / (k - 1),
          t > 1 ? ssTC / ((t - 1) * (k - 1.0)) : nan));
    }
    return out;
  }

  private static void divide(double[][] sums, double n) {
    for (double[] row : sums) {
      divide(row, n);
    }
  }

  private static void divide(double[] sums, double n) {
    for (int a = 0; a < sums.length; a++) {
      sums[a] /= n;
    }
  }

  private static double sq(double x) {
    return x * x;
  }
}

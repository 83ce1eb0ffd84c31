package org.radtrial.core.mrmc;

import org.radtrial.core.roc.Placements;

/** Estimated covariances between the figures of merit of every pair of cells, as a dense matrix. */
final class CovarianceMatrix {
  private final double[][] c;

  private CovarianceMatrix(double[][] c) {
    this.c = c;
  }

  static CovarianceMatrix of(FomEstimates estimates, CovarianceMethod method) {
    return switch (method) {
      case DELONG -> delong(estimates);
      case UNBIASED -> unbiased(estimates);
      case JACKKNIFE -> jackknife(estimates);
    };
  }

  /**
   * (K−1)/K · Σ_k (θ_a(−k) − θ̄_a)(θ_b(−k) − θ̄_b) for every pair of cells, over the K defining cases
   * that both cells' readers read. In a split-plot study two cells of different blocks share no case, and
   * deleting a case of one block leaves the other block's θ unchanged, so their covariance is 0; within a
   * block K is the block's number of defining cases (as RJafroc's split-plot analysis, per reader).
   */
  static CovarianceMatrix jackknife(FomEstimates e) {
    int cells = e.cells();
    double[][] centred = new double[cells][];
    for (int a = 0; a < cells; a++) {
      int k = e.cases(a);
      centred[a] = new double[k];
      double mean = 0;
      for (int q = 0; q < k; q++) {
        mean += e.leaveOneOut(a, q);
      }
      mean /= k;
      for (int q = 0; q < k; q++) {
        centred[a][q] = e.leaveOneOut(a, q) - mean;
      }
    }
    double[][] c = new double[cells][cells];
    for (int a = 0; a < cells; a++) {
      for (int b = a; b < cells; b++) {
        if (e.block(a) != e.block(b)) {
          continue;
        }
        int k = centred[a].length;
        double sum = 0;
        for (int q = 0; q < k; q++) {
          sum += centred[a][q] * centred[b][q];
        }
        c[a][b] = c[b][a] = sum * (k - 1) / k;
      }
    }
    return new CovarianceMatrix(c);
  }

  /** DeLong's covariance of every pair of cells' AUCs; the cases are the same in every cell. */
  static CovarianceMatrix delong(FomEstimates e) {
    if (!e.isAuc()) {
      throw new IllegalArgumentException("the DeLong covariance exists only for the AUC; use the jackknife");
    }
    requireCrossed(e, "DeLong");
    int cells = e.cells();
    double[][] c = new double[cells][cells];
    for (int a = 0; a < cells; a++) {
      for (int b = a; b < cells; b++) {
        c[a][b] = c[b][a] = e.placements(a).delongCovariance(e.placements(b));
      }
    }
    return new CovarianceMatrix(c);
  }

  /**
   * Gallas's unbiased covariance of every pair of cells' AUCs ({@link CovarianceMethod#UNBIASED}): row and
   * column sums of the kernels are n·V10 and m·V01 (DeLong's placements); the sum of the products of two
   * cells' kernels takes one pass over the m·n pairs. In a split-plot study the cells of a block share its
   * m and n cases and cells of different blocks share none, so their covariance is 0 (MRMCaov's
   * {@code unbiased_default} gives the same: with no shared case its δ is 1 and every sum is empty).
   */
  static CovarianceMatrix unbiased(FomEstimates e) {
    if (!e.isAuc()) {
      throw new IllegalArgumentException("the unbiased (U-statistic) covariance exists only for the AUC; use the jackknife");
    }
    int cells = e.cells();
    double[][] c = new double[cells][cells];
    for (int a = 0; a < cells; a++) {
      for (int b = a; b < cells; b++) {
        if (e.block(a) != e.block(b)) {
          continue;
        }
        Placements pa = e.placements(a);
        Placements pb = e.placements(b);
        double m = pa.positives();
        double n = pa.negatives();
        double mn = m * n;
        double delta = mn / ((m - 1) * (n - 1));
        double rows = 0;
        for (int i = 0; i < m; i++) {
          rows += pa.positivePlacement(i) * pb.positivePlacement(i);
        }
        double columns = 0;
        for (int j = 0; j < n; j++) {
          columns += pa.negativePlacement(j) * pb.negativePlacement(j);
        }
        double products = kernelProducts(e.positiveRatings(a), e.negativeRatings(a), e.positiveRatings(b),
            e.negativeRatings(b));
        // R = n·V10, C = m·V01, S = mn·θ; everything divided by (mn)².
        double value = (1 - delta) * pa.auc() * pb.auc()
            + delta * (rows / (m * m) + columns / (n * n) - products / (mn * mn));
        c[a][b] = c[b][a] = value;
      }
    }
    return new CovarianceMatrix(c);
  }

  /** Σ_ij ψ(xa_i, ya_j)·ψ(xb_i, yb_j), ψ = 1, ½, 0 for greater, tied, smaller. */
  private static double kernelProducts(double[] xa, double[] ya, double[] xb, double[] yb) {
    double sum = 0;
    for (int i = 0; i < xa.length; i++) {
      for (int j = 0; j < ya.length; j++) {
        sum += psi(xa[i], ya[j]) * psi(xb[i], yb[j]);
      }
    }
    return sum;
  }

  private static double psi(double x, double y) {
    return x > y ? 1 : x == y ? 0.5 : 0;
  }

  private static void requireCrossed(FomEstimates e, String method) {
    for (int a = 0; a < e.cells(); a++) {
      if (e.block(a) != 0) {
        throw new IllegalArgumentException("the " + method + " covariance is implemented for fully crossed studies only;"
            + " use --covariance jackknife or unbiased for a split-plot study");
      }
    }
  }

  double get(int a, int b) {
    return c[a][b];
  }
}

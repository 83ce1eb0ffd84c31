package org.radtrial.core.mrmc;

/** Estimated covariances between the figures of merit of every pair of cells, as a dense matrix. */
final class CovarianceMatrix {
  private final double[][] c;

  private CovarianceMatrix(double[][] c) {
    this.c = c;
  }

  static CovarianceMatrix of(FomEstimates estimates, CovarianceMethod method) {
    return method == CovarianceMethod.DELONG ? delong(estimates) : jackknife(estimates);
  }

  /** (K−1)/K · Σ_k (θ_a(−k) − θ̄_a)(θ_b(−k) − θ̄_b) for every pair of cells. */
  static CovarianceMatrix jackknife(FomEstimates e) {
    int cells = e.cells();
    int k = e.cases();
    double[][] centred = new double[cells][k];
    for (int a = 0; a < cells; a++) {
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
    int cells = e.cells();
    double[][] c = new double[cells][cells];
    for (int a = 0; a < cells; a++) {
      for (int b = a; b < cells; b++) {
        c[a][b] = c[b][a] = e.placements(a).delongCovariance(e.placements(b));
      }
    }
    return new CovarianceMatrix(c);
  }

  double get(int a, int b) {
    return c[a][b];
  }
}

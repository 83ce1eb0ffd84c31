package org.radtrial.core.mrmc;

/** How the covariances of the figures of merit over random case samples are estimated. */
public enum CovarianceMethod {
  /**
   * Jackknife over cases (Efron 1982; as OR-DBM MRMC and RJafroc): cov(θ_a, θ_b) = (K−1)/K ·
   * Σ_k (θ_a(−k) − θ̄_a)(θ_b(−k) − θ̄_b), where θ(−k) is θ with case k deleted and θ̄ their mean.
   */
  JACKKNIFE("jackknife"),
  /**
   * DeLong, DeLong and Clarke-Pearson (1988) structural components, AUC only: cov(θ_a, θ_b) =
   * s(V10_a, V10_b)/m + s(V01_a, V01_b)/n with sample covariances s over m−1 and n−1.
   */
  DELONG("DeLong"),
  /**
   * Gallas's unbiased U-statistic estimator (Gallas 2006; Gallas, Pennello and Myers 2007; the FDA's
   * iMRMC and MRMCaov's {@code cov = unbiased}), AUC only: with kernels s_a(i, j) = ψ(x_ai, y_aj) over
   * the m·n pairs, cov(θ_a, θ_b) = [(1 − δ)·S_a·S_b + δ·(Σ_i R_ai R_bi + Σ_j C_aj C_bj − Σ_ij s_a s_b)]
   * / (mn)², S the sum of all kernels, R and C the row and column sums, δ = mn/((m − 1)(n − 1)). It is
   * the unbiased estimate of the covariance of two Mann-Whitney statistics, and can be negative.
   */
  UNBIASED("unbiased");

  private final String label;

  CovarianceMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

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
  DELONG("DeLong");

  private final String label;

  CovarianceMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

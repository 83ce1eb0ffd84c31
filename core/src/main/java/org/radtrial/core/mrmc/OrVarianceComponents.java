package org.radtrial.core.mrmc;

/**
 * The Obuchowski-Rockette (1995) model θ_ij = μ + τ_i + R_j + (τR)_ij + ε_ij: its reader variance
 * components and the covariances of the errors ε over random case samples (Hillis et al. 2005).
 * ANOVA estimates, which can be negative.
 *
 * @param varR σ²_R = [MS(R) − σ²_TR − Var − (t−1)Cov1 + Cov2 + (t−1)Cov3] / t; with one modality σ²_R
 *     + σ²_TR together, MS(R) − Var + Cov2
 * @param varTR σ²_TR = MS(T×R) − Var + Cov1 + Cov2 − Cov3; NaN with one modality
 * @param cov1 mean covariance of two modalities of the same reader; NaN with one modality
 * @param cov2 mean covariance of two readers in the same modality
 * @param cov3 mean covariance of two readers in two different modalities; NaN with one modality
 * @param varError Var, the mean error variance of one reader in one modality
 */
public record OrVarianceComponents(double varR, double varTR, double cov1, double cov2, double cov3, double varError) {
  /** Cov1 / Var. */
  public double correlation1() {
    return cov1 / varError;
  }

  /** Cov2 / Var. */
  public double correlation2() {
    return cov2 / varError;
  }

  /** Cov3 / Var. */
  public double correlation3() {
    return cov3 / varError;
  }
}

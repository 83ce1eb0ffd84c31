package org.radtrial.core.mrmc;

/**
 * The human readers of one modality against the stand-alone reader: ψ_j = θ_j − θ_AI per reader, and
 * the mean difference ψ̄ = (mean of the readers) − (stand-alone) with its inference for each
 * generalization.
 *
 * @param modality the human readers' modality
 * @param readersMean mean figure of merit of the human readers in that modality
 * @param standalone the stand-alone reader's figure of merit
 * @param meanSquare MS(R) of the differences, Σ_j (ψ_j − ψ̄)² / (r − 1)
 * @param varError mean error variance of one ψ_j over random cases
 * @param cov2 mean error covariance of two readers' ψ
 * @param randomReadersRandomCases RRRC: t test with Hillis's single-modality df
 * @param fixedReadersRandomCases FRRC: z test
 * @param randomReadersFixedCases RRFC: paired t test of the differences, r − 1 df
 */
public record StandaloneDifference(
    String modality,
    double readersMean,
    double standalone,
    double meanSquare,
    double varError,
    double cov2,
    ModalityDifference randomReadersRandomCases,
    ModalityDifference fixedReadersRandomCases,
    ModalityDifference randomReadersFixedCases) {

  /** The result for one generalization. */
  public ModalityDifference result(Generalization g) {
    return switch (g) {
      case RANDOM_READERS_RANDOM_CASES -> randomReadersRandomCases;
      case FIXED_READERS_RANDOM_CASES -> fixedReadersRandomCases;
      case RANDOM_READERS_FIXED_CASES -> randomReadersFixedCases;
    };
  }
}

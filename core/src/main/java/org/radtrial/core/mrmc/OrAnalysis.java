package org.radtrial.core.mrmc;

import java.util.List;

/**
 * An Obuchowski-Rockette analysis with Hillis's improvements, for the three generalizations.
 *
 * @param figureOfMerit what was measured
 * @param covarianceMethod how the error covariances were estimated
 * @param meanSquares the modality × reader ANOVA of the figures of merit
 * @param components variance components and error covariances
 * @param modalityCovariances per modality, its error variance and Cov2 (single-modality analyses)
 * @param readerCovariances per reader, its error variance and Cov1 (single-reader analyses)
 * @param randomReadersRandomCases RRRC
 * @param fixedReadersRandomCases FRRC
 * @param randomReadersFixedCases RRFC
 */
public record OrAnalysis(
    FigureOfMerit figureOfMerit,
    CovarianceMethod covarianceMethod,
    OrMeanSquares meanSquares,
    OrVarianceComponents components,
    List<ModalityCovariances> modalityCovariances,
    List<ReaderCovariances> readerCovariances,
    GeneralizationResult randomReadersRandomCases,
    GeneralizationResult fixedReadersRandomCases,
    GeneralizationResult randomReadersFixedCases) {
  public OrAnalysis {
    modalityCovariances = List.copyOf(modalityCovariances);
    readerCovariances = List.copyOf(readerCovariances);
  }

  /** The result for one generalization. */
  public GeneralizationResult result(Generalization g) {
    return switch (g) {
      case RANDOM_READERS_RANDOM_CASES -> randomReadersRandomCases;
      case FIXED_READERS_RANDOM_CASES -> fixedReadersRandomCases;
      case RANDOM_READERS_FIXED_CASES -> randomReadersFixedCases;
    };
  }

  /**
   * One modality's error variance (mean over readers) and Cov2 (mean over pairs of its readers).
   *
   * @param modality the modality
   * @param varError Var_i
   * @param cov2 Cov2_i
   */
  public record ModalityCovariances(String modality, double varError, double cov2) {}

  /**
   * One reader's error variance (mean over modalities) and Cov1 (mean over pairs of modalities).
   *
   * @param reader the reader
   * @param varError Var_j
   * @param cov1 Cov1_j; NaN with one modality
   */
  public record ReaderCovariances(String reader, double varError, double cov1) {}
}

package org.radtrial.core.mrmc;

/**
 * A Dorfman-Berbaum-Metz analysis of jackknife pseudovalues with Hillis's improvements, for the three
 * generalizations.
 *
 * @param figureOfMerit what was measured
 * @param meanSquares the pseudovalue ANOVAs
 * @param components variance components
 * @param randomReadersRandomCases RRRC
 * @param fixedReadersRandomCases FRRC
 * @param randomReadersFixedCases RRFC
 */
public record DbmAnalysis(
    FigureOfMerit figureOfMerit,
    DbmMeanSquares meanSquares,
    DbmVarianceComponents components,
    GeneralizationResult randomReadersRandomCases,
    GeneralizationResult fixedReadersRandomCases,
    GeneralizationResult randomReadersFixedCases) {

  /** The result for one generalization. */
  public GeneralizationResult result(Generalization g) {
    return switch (g) {
      case RANDOM_READERS_RANDOM_CASES -> randomReadersRandomCases;
      case FIXED_READERS_RANDOM_CASES -> fixedReadersRandomCases;
      case RANDOM_READERS_FIXED_CASES -> randomReadersFixedCases;
    };
  }
}

package org.radtrial.core.mrmc;

import java.util.List;

/**
 * Mean squares of the modality × reader × case ANOVA of the jackknife pseudovalues, and of the
 * reader × case ANOVA within each modality and the modality × case ANOVA within each reader, as
 * JAFROC prints them. With t modalities, r readers and K cases the degrees of freedom are t − 1, r −
 * 1, K − 1, (t − 1)(r − 1), (t − 1)(K − 1), (r − 1)(K − 1) and (t − 1)(r − 1)(K − 1).
 *
 * @param modality MS(T)
 * @param reader MS(R)
 * @param cases MS(C)
 * @param modalityByReader MS(TR)
 * @param modalityByCase MS(TC)
 * @param readerByCase MS(RC)
 * @param modalityByReaderByCase MS(TRC)
 * @param withinModality per modality: MS(R), MS(C), MS(RC) of its own reader × case ANOVA
 * @param withinReader per reader: MS(T), MS(C), MS(TC) of its own modality × case ANOVA
 */
public record DbmMeanSquares(
    double modality,
    double reader,
    double cases,
    double modalityByReader,
    double modalityByCase,
    double readerByCase,
    double modalityByReaderByCase,
    List<WithinModality> withinModality,
    List<WithinReader> withinReader) {
  public DbmMeanSquares {
    withinModality = List.copyOf(withinModality);
    withinReader = List.copyOf(withinReader);
  }

  /**
   * The reader × case ANOVA of one modality's pseudovalues.
   *
   * @param modality the modality
   * @param reader MS(R), r − 1 df
   * @param cases MS(C), K − 1 df
   * @param readerByCase MS(RC), (r − 1)(K − 1) df
   */
  public record WithinModality(String modality, double reader, double cases, double readerByCase) {}

  /**
   * The modality × case ANOVA of one reader's pseudovalues.
   *
   * @param reader the reader
   * @param modality MS(T), t − 1 df
   * @param cases MS(C), K − 1 df
   * @param modalityByCase MS(TC), (t − 1)(K − 1) df
   */
  public record WithinReader(String reader, double modality, double cases, double modalityByCase) {}
}

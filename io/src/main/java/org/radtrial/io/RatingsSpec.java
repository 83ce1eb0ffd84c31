package org.radtrial.io;

import org.jspecify.annotations.Nullable;

/**
 * How to read a ratings file. The column names and truth values apply to tables only; the iMRMC and
 * LRC formats fix their own layout.
 *
 * @param format the file format, or null to choose by extension ({@link RatingsFormat#of})
 * @param readerColumn column of reader names
 * @param modalityColumn column of modality (condition) names
 * @param caseColumn column of case ids
 * @param truthColumn column of the reference standard
 * @param ratingColumn column of the ratings (numbers, ordinal or continuous)
 * @param positiveValue truth value that means disease
 * @param negativeValue truth value that means no disease; null to accept the single other value
 * @param lowerIsPositive whether lower ratings are the more suspicious (tables and iMRMC)
 * @param standaloneReader the reader who is the AI alone, or null
 * @param delimiter field separator of a text table, or 0 to choose by extension (tab for .tsv/.tab)
 */
public record RatingsSpec(
    @Nullable RatingsFormat format,
    String readerColumn,
    String modalityColumn,
    String caseColumn,
    String truthColumn,
    String ratingColumn,
    String positiveValue,
    @Nullable String negativeValue,
    boolean lowerIsPositive,
    @Nullable String standaloneReader,
    char delimiter) {

  /**
   * Columns reader, modality, case, truth, rating; truth 1 = disease; higher ratings more
   * suspicious; no stand-alone reader; format and delimiter by extension.
   */
  public static RatingsSpec defaults() {
    return new RatingsSpec(null, "reader", "modality", "case", "truth", "rating", "1", null, false, null, (char) 0);
  }

  public RatingsSpec withFormat(RatingsFormat value) {
    return new RatingsSpec(value, readerColumn, modalityColumn, caseColumn, truthColumn, ratingColumn, positiveValue,
        negativeValue, lowerIsPositive, standaloneReader, delimiter);
  }

  /** The five column names, in the order reader, modality, case, truth, rating. */
  public RatingsSpec withColumns(String reader, String modality, String caseId, String truth, String rating) {
    return new RatingsSpec(format, reader, modality, caseId, truth, rating, positiveValue, negativeValue,
        lowerIsPositive, standaloneReader, delimiter);
  }

  public RatingsSpec withTruthValues(String positive, String negative) {
    return new RatingsSpec(format, readerColumn, modalityColumn, caseColumn, truthColumn, ratingColumn, positive,
        negative, lowerIsPositive, standaloneReader, delimiter);
  }

  public RatingsSpec withLowerIsPositive(boolean value) {
    return new RatingsSpec(format, readerColumn, modalityColumn, caseColumn, truthColumn, ratingColumn, positiveValue,
        negativeValue, value, standaloneReader, delimiter);
  }

  public RatingsSpec withStandaloneReader(String reader) {
    return new RatingsSpec(format, readerColumn, modalityColumn, caseColumn, truthColumn, ratingColumn, positiveValue,
        negativeValue, lowerIsPositive, reader, delimiter);
  }

  public RatingsSpec withDelimiter(char separator) {
    return new RatingsSpec(format, readerColumn, modalityColumn, caseColumn, truthColumn, ratingColumn, positiveValue,
        negativeValue, lowerIsPositive, standaloneReader, separator);
  }
}

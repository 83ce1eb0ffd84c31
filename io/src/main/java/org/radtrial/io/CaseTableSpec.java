package org.radtrial.io;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which columns of a case table mean what.
 *
 * @param idColumn column of unique case ids; null to use the data row number
 * @param truthColumn the reference standard
 * @param positiveValue the truth value that means disease
 * @param negativeValue the truth value that means no disease; null to accept the single other value
 * @param models score columns, one per model
 * @param lowerIsPositive models whose lower scores are more suspicious
 * @param readers columns of human readers' binary decisions
 * @param metadata metadata columns carried along
 * @param missing what to do with missing scores and decisions
 * @param delimiter field separator, or 0 to choose by file extension (tab for .tsv/.tab, else comma)
 * @param optionalReaders decision columns where an empty cell means "not recorded" whatever the
 *     missing policy (an arbitration happens only for discordant exams)
 */
public record CaseTableSpec(
    @Nullable String idColumn,
    String truthColumn,
    String positiveValue,
    @Nullable String negativeValue,
    List<String> models,
    Set<String> lowerIsPositive,
    List<String> readers,
    List<String> metadata,
    MissingPolicy missing,
    char delimiter,
    Set<String> optionalReaders) {

  public CaseTableSpec {
    positiveValue = positiveValue == null ? null : positiveValue.trim();
    negativeValue = negativeValue == null ? null : negativeValue.trim();
    models = List.copyOf(models);
    lowerIsPositive = Set.copyOf(lowerIsPositive);
    readers = List.copyOf(readers);
    metadata = List.copyOf(metadata);
    optionalReaders = Set.copyOf(optionalReaders);
    if (models.isEmpty()) {
      throw new IllegalArgumentException("name at least one model score column");
    }
    for (String m : lowerIsPositive) {
      if (!models.contains(m)) {
        throw new IllegalArgumentException(
            "--lower-is-positive names '" + m + "', which is not one of the models " + models);
      }
    }
  }

  /** A spec with the given truth and models and defaults elsewhere. */
  public static CaseTableSpec of(String truthColumn, String positiveValue, List<String> models) {
    return new CaseTableSpec(null, truthColumn, positiveValue, null, models, Set.of(), List.of(), List.of(), MissingPolicy.ERROR, (char) 0, Set.of());
  }

  public CaseTableSpec withId(String column) {
    return new CaseTableSpec(column, truthColumn, positiveValue, negativeValue, models, lowerIsPositive, readers, metadata, missing, delimiter, optionalReaders);
  }

  public CaseTableSpec withReaders(List<String> columns) {
    return new CaseTableSpec(idColumn, truthColumn, positiveValue, negativeValue, models, lowerIsPositive, columns, metadata, missing, delimiter, optionalReaders);
  }

  public CaseTableSpec withMetadata(List<String> columns) {
    return new CaseTableSpec(idColumn, truthColumn, positiveValue, negativeValue, models, lowerIsPositive, readers, columns, missing, delimiter, optionalReaders);
  }

  public CaseTableSpec withMissing(MissingPolicy policy) {
    return new CaseTableSpec(idColumn, truthColumn, positiveValue, negativeValue, models, lowerIsPositive, readers, metadata, policy, delimiter, optionalReaders);
  }

  public CaseTableSpec withLowerIsPositive(Set<String> columns) {
    return new CaseTableSpec(idColumn, truthColumn, positiveValue, negativeValue, models, columns, readers, metadata, missing, delimiter, optionalReaders);
  }

  public CaseTableSpec withNegative(String value) {
    return new CaseTableSpec(idColumn, truthColumn, positiveValue, value, models, lowerIsPositive, readers, metadata, missing, delimiter, optionalReaders);
  }

  /** Decision columns that may be empty (not recorded) whatever the missing policy; also read as readers. */
  public CaseTableSpec withOptionalReaders(Set<String> columns) {
    return new CaseTableSpec(idColumn, truthColumn, positiveValue, negativeValue, models, lowerIsPositive, readers, metadata,
        missing, delimiter, columns);
  }

  public CaseTableSpec withDelimiter(char separator) {
    return new CaseTableSpec(idColumn, truthColumn, positiveValue, negativeValue, models, lowerIsPositive, readers, metadata, missing, separator, optionalReaders);
  }
}

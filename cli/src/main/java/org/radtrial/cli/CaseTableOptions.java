package org.radtrial.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.radtrial.io.CaseTableSpec;
import org.radtrial.io.MissingPolicy;
import picocli.CommandLine.Option;

/** The case table and the roles of its columns: shared by every command that reads one. */
final class CaseTableOptions {
  @Option(names = "--cases", required = true, paramLabel = "FILE",
      description = "Case table: CSV, TSV (.tsv) or Parquet (.parquet), one row per exam, with a header row.")
  Path cases;

  @Option(names = "--truth", required = true, paramLabel = "COL", description = "Column of the reference standard.")
  String truth;

  @Option(names = "--positive", required = true, paramLabel = "VALUE", description = "Truth value that means disease.")
  String positive;

  @Option(names = "--negative", paramLabel = "VALUE",
      description = "Truth value that means no disease (default: the one other value found).")
  String negative;

  @Option(names = "--models", required = true, split = ",", paramLabel = "COL",
      description = "Model score columns, comma-separated. Higher = more suspicious unless --lower-is-positive.")
  List<String> models;

  @Option(names = "--id", paramLabel = "COL", description = "Column of unique case ids (default: the row number).")
  String id;

  @Option(names = "--readers", split = ",", paramLabel = "COL",
      description = "Columns of human readers' binary decisions (1/0, yes/no, true/false, recall/no_recall).")
  List<String> readers = new ArrayList<>();

  @Option(names = "--metadata", split = ",", paramLabel = "COL", description = "Metadata columns to summarise.")
  List<String> metadata = new ArrayList<>();

  @Option(names = "--lower-is-positive", split = ",", paramLabel = "MODEL",
      description = "Models whose lower scores are more suspicious.")
  List<String> lowerIsPositive = new ArrayList<>();

  @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "error",
      description = "Missing score or decision: 'error' (default) stops; 'exclude' leaves the case out of that"
          + " model's or reader's analysis and counts it.")
  MissingPolicy missing;

  @Option(names = "--delimiter", paramLabel = "CHAR", description = "Field separator (default: tab for .tsv, else comma).")
  Character delimiter;

  /** The column roles, for the case-table reader. */
  CaseTableSpec spec() {
    CaseTableSpec spec = CaseTableSpec.of(truth, positive, models)
        .withId(id)
        .withNegative(negative)
        .withReaders(readers)
        .withMetadata(metadata)
        .withLowerIsPositive(new LinkedHashSet<>(lowerIsPositive))
        .withMissing(missing);
    return delimiter == null ? spec : spec.withDelimiter(delimiter);
  }
}

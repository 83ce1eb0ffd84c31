package org.radtrial.io;

import com.fasterxml.jackson.core.io.NumberInput;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.cohort.ReaderDecisions;

/**
 * Reads a case table (CSV, TSV or Parquet; one row per exam) into a {@link Cohort}, checking every
 * cell. Nothing is dropped silently: a bad cell stops the read with a {@link CaseTableException}
 * that names file, row and column; a missing score or decision does too, unless the spec says
 * {@link MissingPolicy#EXCLUDE}, in which case it is kept as missing and counted by the model.
 *
 * <p>Missing values are empty cells, NULL, and the tokens NA, N/A, NaN, null and "." (any case).
 * Reader decisions accept 1/0, true/false, yes/no, y/n, positive/negative, recall/no_recall.
 *
 * <p>A plain CSV (ASCII, unquoted, every cell valid) is parsed on all cores by {@link PlainCsv}; any
 * other file, and any file with a problem, is read here row by row, so every message and row number
 * comes from this one reader.
 */
public final class CaseTableReader {
  static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", ".");
  static final Set<String> YES = Set.of("1", "true", "yes", "y", "positive", "pos", "recall", "recalled");
  static final Set<String> NO = Set.of("0", "false", "no", "n", "negative", "neg", "no_recall", "no recall", "not recalled");

  private final Path path;
  private final String file;
  private final CaseTableSpec spec;

  private CaseTableReader(Path path, CaseTableSpec spec) {
    this.path = path;
    this.file = path.toString();
    this.spec = spec;
  }

  /** Reads the whole table; the file is never modified. */
  public static Cohort read(Path path, CaseTableSpec spec) {
    return new CaseTableReader(path, spec).read(false).cohort();
  }

  /** A table as read, and the SHA-256 of its file for the run's provenance. */
  public record Checksummed(Cohort cohort, String sha256) {}

  /**
   * Reads the whole table, as {@link #read}, and checksums its file: a plain CSV is hashed from the
   * bytes parsed, while they are parsed; any other file after it has been read.
   */
  public static Checksummed readChecksummed(Path path, CaseTableSpec spec) {
    return new CaseTableReader(path, spec).read(true);
  }

  /** Reads the whole table row by row, never through the parallel fast path: its reference in tests. */
  static Cohort readRowByRow(Path path, CaseTableSpec spec) {
    CaseTableReader reader = new CaseTableReader(path, spec);
    try (RowSource source = reader.open()) {
      return reader.read(source);
    }
  }

  /**
   * The header row as the reader parses it (RFC 4180 quoting and the delimiter rule of
   * {@link #read}), so a caller that needs the column names does not split the line by hand.
   */
  public static List<String> header(Path path, CaseTableSpec spec) {
    try (RowSource source = new CaseTableReader(path, spec).open()) {
      return source.header();
    }
  }

  private Checksummed read(boolean checksum) {
    if (!Files.isRegularFile(path)) {
      throw new CaseTableException(file, 0, null, Files.exists(path)
          ? "is not a regular file; give the path of a CSV, TSV or Parquet case table"
          : "no such file; check the path given to --cases");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!isParquet(name)) {
      PlainCsv plain = PlainCsv.open(path, delimiter(name));
      if (plain != null) {
        Cohort cohort = plain.cohort(columns(plain.header()), spec, checksum);
        if (cohort != null) {
          return new Checksummed(cohort, checksum ? Objects.requireNonNull(plain.sha256()) : "");
        }
      }
    } else {
      Cohort cohort = parquetThroughPlainCsv();
      if (cohort != null) {
        return new Checksummed(cohort, checksum ? Checksums.sha256(path) : "");
      }
    }
    Cohort cohort;
    try (RowSource source = open()) {
      cohort = read(source);
    }
    return new Checksummed(cohort, checksum ? Checksums.sha256(path) : "");
  }

  /** A Parquet table through {@link ParquetAsCsv} and {@link PlainCsv}, or null for the checking reader. */
  private @Nullable Cohort parquetThroughPlainCsv() {
    List<String> texts = new ArrayList<>();
    if (spec.idColumn() != null) {
      texts.add(spec.idColumn());
    }
    texts.add(spec.truthColumn());
    texts.addAll(spec.readers());
    texts.addAll(spec.metadata());
    Path csv = ParquetAsCsv.export(path, spec.models(), texts);
    if (csv == null) {
      return null;
    }
    try {
      PlainCsv plain = PlainCsv.open(csv, ',');
      return plain == null ? null : plain.cohort(columns(plain.header()), spec, false);
    } finally {
      try {
        Files.deleteIfExists(csv);
      } catch (java.io.IOException e) {
        // a temporary file left behind is not worth failing the read for
      }
    }
  }

  /** Where each role's column is in the header; the header's problems stop the read here. */
  record Columns(int id, int truth, int[] models, int[] readers, int[] metadata) {}

  private Columns columns(List<String> header) {
    Map<String, Integer> index = columnIndex(header);
    checkEachColumnHasOneRole();
    return new Columns(
        spec.idColumn() == null ? -1 : require(index, header, spec.idColumn(), "--id"),
        require(index, header, spec.truthColumn(), "--truth"),
        spec.models().stream().mapToInt(c -> require(index, header, c, "--models")).toArray(),
        spec.readers().stream().mapToInt(c -> require(index, header, c, "--readers")).toArray(),
        spec.metadata().stream().mapToInt(c -> require(index, header, c, "--metadata")).toArray());
  }

  private static boolean isParquet(String name) {
    return name.endsWith(".parquet") || name.endsWith(".parq");
  }

  private char delimiter(String name) {
    return spec.delimiter() != 0 ? spec.delimiter() : name.endsWith(".tsv") || name.endsWith(".tab") ? '\t' : ',';
  }

  private RowSource open() {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (isParquet(name)) {
      return new ParquetRowSource(path);
    }
    return new CsvRowSource(path, delimiter(name));
  }

  private Cohort read(RowSource source) {
    List<String> header = source.header();
    Columns columns = columns(header);
    int idColumn = columns.id();
    int truthColumn = columns.truth();
    int[] modelColumns = columns.models();
    int[] readerColumns = columns.readers();
    int[] metadataColumns = columns.metadata();

    List<String> ids = new ArrayList<>();
    Map<String, Long> firstRowOfId = new HashMap<>();
    BooleanList truth = new BooleanList();
    DoubleList[] scores = new DoubleList[modelColumns.length];
    ByteList[] decisions = new ByteList[readerColumns.length];
    List<List<String>> metadata = new ArrayList<>();
    for (int k = 0; k < scores.length; k++) {
      scores[k] = new DoubleList();
    }
    for (int k = 0; k < decisions.length; k++) {
      decisions[k] = new ByteList();
    }
    for (int k = 0; k < metadataColumns.length; k++) {
      metadata.add(new ArrayList<>());
    }
    String negative = spec.negativeValue();
    long thirdValueRow = 0;
    String thirdValue = null;
    long row = 0;
    long blankRow = 0;
    for (String[] cells = source.next(); cells != null; cells = source.next()) {
      row++;
      if (cells.length == 1 && (cells[0] == null || cells[0].isBlank()) && header.size() > 1) {
        blankRow = blankRow == 0 ? row : blankRow;
        continue;
      }
      if (blankRow > 0) {
        throw new CaseTableException(file, blankRow, null, "the row is empty; remove blank lines inside the table"
            + " (blank lines at the end are ignored)");
      }
      if (cells.length != header.size()) {
        throw new CaseTableException(file, row, null, "the row has " + cells.length + " cells but the header has "
            + header.size() + " columns" + at(source) + "; check for a missing or extra separator or an unclosed quote");
      }
      String id = idColumn < 0 ? Long.toString(row) : cell(cells, idColumn);
      if (id.isEmpty()) {
        throw new CaseTableException(file, row, header.get(idColumn), "the case id is empty; every case needs a unique id");
      }
      Long earlier = firstRowOfId.putIfAbsent(id, row);
      if (earlier != null) {
        throw new CaseTableException(file, row, header.get(idColumn), "case id '" + id + "' already appears in row "
            + earlier + "; case ids must be unique (one row per exam): remove or merge the duplicate");
      }
      ids.add(id);

      String t = cell(cells, truthColumn);
      if (isMissing(t)) {
        throw new CaseTableException(file, row, spec.truthColumn(), "the reference standard is missing; every case needs"
            + " a truth value (" + classes(negative) + "); remove the case or fill in its outcome");
      }
      if (t.equals(spec.positiveValue())) {
        truth.add(true);
      } else if (negative == null || t.equals(negative)) {
        negative = negative == null ? t : negative;
        truth.add(false);
      } else if (truth.countTrue() == 0) {
        // Whether this is a third value or --positive names no value at all is known only at the
        // first positive case, or at the end of the table.
        if (thirdValueRow == 0) {
          thirdValueRow = row;
          thirdValue = t;
        }
        truth.add(false);
      } else {
        throw thirdValue(row, t, negative);
      }
      if (thirdValueRow > 0 && truth.countTrue() > 0) {
        throw thirdValue(thirdValueRow, java.util.Objects.requireNonNull(thirdValue), negative);
      }
      for (int k = 0; k < modelColumns.length; k++) {
        scores[k].add(score(cells, modelColumns[k], header, row));
      }
      for (int k = 0; k < readerColumns.length; k++) {
        decisions[k].add(decision(cells, readerColumns[k], header, row));
      }
      for (int k = 0; k < metadataColumns.length; k++) {
        metadata.get(k).add(cell(cells, metadataColumns[k]));
      }
    }
    if (thirdValueRow > 0) {
      throw new CaseTableException(file, thirdValueRow, spec.truthColumn(), "found truth values '" + negative + "' and '"
          + thirdValue + "' but no case with the positive class '" + spec.positiveValue()
          + "' given by --positive; check --positive (values are compared exactly, as text)");
    }
    long cases = blankRow > 0 ? blankRow - 1 : row;
    checkBothClasses(truth, negative, cases);
    return assemble(ids, truth, scores, decisions, metadata);
  }

  private CaseTableException thirdValue(long row, String value, @Nullable String negative) {
    return new CaseTableException(file, row, spec.truthColumn(), "truth value '" + value + "' is neither the positive class '"
        + spec.positiveValue() + "' (--positive) nor the negative class '" + negative + "'"
        + (spec.negativeValue() == null ? " (the first other value found)" : " (--negative)")
        + "; the reference standard must have exactly two values: recode it, or fix --positive");
  }

  private Cohort assemble(List<String> ids, BooleanList truth, DoubleList[] scores, ByteList[] decisions, List<List<String>> metadata) {
    List<ModelScores> models = new ArrayList<>();
    for (int k = 0; k < scores.length; k++) {
      String name = spec.models().get(k);
      models.add(new ModelScores(name, scores[k].toArray(), !spec.lowerIsPositive().contains(name)));
    }
    List<ReaderDecisions> readers = new ArrayList<>();
    for (int k = 0; k < decisions.length; k++) {
      readers.add(new ReaderDecisions(spec.readers().get(k), decisions[k].toArray()));
    }
    Map<String, List<String>> meta = new LinkedHashMap<>();
    for (int k = 0; k < metadata.size(); k++) {
      meta.put(spec.metadata().get(k), metadata.get(k));
    }
    return new Cohort(ids, truth.toArray(), models, readers, meta);
  }

  private void checkBothClasses(BooleanList truth, @Nullable String negative, long rows) {
    if (rows == 0) {
      throw new CaseTableException(file, 0, null, "the table has a header but no cases");
    }
    int positives = truth.countTrue();
    if (positives == 0) {
      throw new CaseTableException(file, 0, spec.truthColumn(), "no case has the positive class '" + spec.positiveValue()
          + "' given by --positive (all " + rows + " cases are '" + negative + "'); an AUC needs both classes:"
          + " check --positive and the column");
    }
    if (positives == rows) {
      throw new CaseTableException(file, 0, spec.truthColumn(), "every one of the " + rows + " cases has the positive class '"
          + spec.positiveValue() + "'; an AUC needs cases without disease too");
    }
  }

  private double score(String[] cells, int column, List<String> header, long row) {
    String raw = cell(cells, column);
    String name = header.get(column);
    if (isMissing(raw)) {
      if (spec.missing() == MissingPolicy.EXCLUDE) {
        return Double.NaN;
      }
      throw new CaseTableException(file, row, name, "the score is missing; fill it in, or pass --missing exclude to leave"
          + " such cases out of this model's analysis (they are counted and reported)");
    }
    double value;
    try {
      value = NumberInput.parseDouble(raw, true);
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (Double.isInfinite(value)) {
      throw new CaseTableException(file, row, name, "'" + raw + "' is not a finite number; scores must be finite");
    }
    if (Double.isNaN(value) || !isPlainDecimal(raw)) {
      throw new CaseTableException(file, row, name, "'" + raw + "' is not a number; model scores must be decimal numbers"
          + " such as 0.42 or 3e-2 (with '.' as the decimal point)");
    }
    return value;
  }

  private byte decision(String[] cells, int column, List<String> header, long row) {
    String raw = cell(cells, column);
    String value = raw.toLowerCase(Locale.ROOT);
    if (YES.contains(value)) {
      return ReaderDecisions.POSITIVE;
    }
    if (NO.contains(value)) {
      return ReaderDecisions.NEGATIVE;
    }
    if (isMissing(raw)) {
      if (spec.missing() == MissingPolicy.EXCLUDE || spec.optionalReaders().contains(header.get(column))) {
        return ReaderDecisions.MISSING;
      }
      throw new CaseTableException(file, row, header.get(column), "the reader's decision is missing; fill it in, or pass"
          + " --missing exclude to leave such cases out of this reader's analysis (they are counted and reported)");
    }
    throw new CaseTableException(file, row, header.get(column), "'" + raw + "' is not a binary decision; use 1/0,"
        + " true/false, yes/no or recall/no_recall");
  }

  /** Digits, sign, point and exponent only: Java's 1d, 0.7f and 0x1p-1 are not scores. */
  private static boolean isPlainDecimal(String raw) {
    for (int k = 0; k < raw.length(); k++) {
      char c = raw.charAt(k);
      if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
        return false;
      }
    }
    return true;
  }

  /** The id, truth, model and reader columns must all differ: one column cannot play two roles. */
  private void checkEachColumnHasOneRole() {
    Map<String, String> role = new LinkedHashMap<>();
    if (spec.idColumn() != null) {
      role.put(spec.idColumn(), "--id");
    }
    claim(role, spec.truthColumn(), "--truth");
    spec.models().forEach(c -> claim(role, c, "--models"));
    spec.readers().forEach(c -> claim(role, c, "--readers"));
  }

  private void claim(Map<String, String> role, String column, String option) {
    String earlier = role.putIfAbsent(column, option);
    if (earlier != null) {
      throw new CaseTableException(file, 0, column, "the column is named by " + earlier
          + (earlier.equals(option) ? " twice" : " and by " + option) + "; each column can play one role only");
    }
  }

  private static String cell(String[] cells, int column) {
    String value = cells[column];
    return value == null ? "" : value.trim();
  }

  static boolean isMissing(String value) {
    return MISSING.contains(value.toLowerCase(Locale.ROOT));
  }

  private String classes(@Nullable String negative) {
    return "'" + spec.positiveValue() + "'" + (negative == null ? " or the negative class" : " or '" + negative + "'");
  }

  private static String at(RowSource source) {
    String position = source.position();
    return position.isEmpty() ? "" : " (" + position + ")";
  }

  private Map<String, Integer> columnIndex(List<String> header) {
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      Integer earlier = index.putIfAbsent(header.get(c), c);
      if (earlier != null) {
        throw new CaseTableException(file, 0, header.get(c), "the header names this column twice (columns "
            + (earlier + 1) + " and " + (c + 1) + "); column names must be unique");
      }
    }
    return index;
  }

  /** A hint when the whole header was read as one column: the file is separated by something else. */
  private String separatorHint(List<String> header) {
    if (header.size() != 1) {
      return "";
    }
    for (char separator : new char[] {';', '\t', '|', ','}) {
      if (header.get(0).indexOf(separator) >= 0) {
        String shown = separator == '\t' ? "'\\t'" : "'" + separator + "'";
        return " The header was read as one column, so the file looks separated by " + shown + ": give --delimiter "
            + shown + ".";
      }
    }
    return "";
  }

  private int require(Map<String, Integer> index, List<String> header, String column, String option) {
    Integer c = index.get(column);
    if (c == null) {
      String suggestion = ColumnNames.closest(column, header).map(s -> " Did you mean '" + s + "'?").orElse("")
          + separatorHint(header);
      throw new CaseTableException(file, 0, column, "no such column (named by " + option + "). The header has: "
          + String.join(", ", header) + "." + suggestion);
    }
    return c;
  }
}

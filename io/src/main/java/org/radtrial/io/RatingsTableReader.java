package org.radtrial.io;

import com.fasterxml.jackson.core.io.NumberInput;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.radtrial.core.mrmc.ReaderStudy;

/**
 * Reads a table of readings (CSV, TSV or Parquet), one row per reading: reader, modality, case,
 * truth, rating, in columns named by the {@link RatingsSpec}. Other columns are ignored. Rows are
 * counted from 1 after the header, as in {@link CaseTableException}.
 */
final class RatingsTableReader {
  private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", ".");

  private final Path path;
  private final RatingsSpec spec;
  private final FilePositions where;

  private RatingsTableReader(Path path, RatingsSpec spec) {
    this.path = path;
    this.spec = spec;
    this.where = FilePositions.rows(path.toString());
  }

  static ReaderStudy read(Path path, RatingsSpec spec) {
    return new RatingsTableReader(path, spec).read();
  }

  private ReaderStudy read() {
    try (RowSource source = open()) {
      List<String> header = source.header();
      Map<String, Integer> index = columnIndex(header);
      int reader = require(index, header, spec.readerColumn(), "--reader-column");
      int modality = require(index, header, spec.modalityColumn(), "--modality-column");
      int caseId = require(index, header, spec.caseColumn(), "--case-column");
      int truth = require(index, header, spec.truthColumn(), "--truth-column");
      int rating = require(index, header, spec.ratingColumn(), "--rating-column");
      StudyAssembler study = new StudyAssembler(where, spec.standaloneReader(), !spec.lowerIsPositive());
      String negative = spec.negativeValue();
      long row = 0;
      for (String[] cells = source.next(); cells != null; cells = source.next()) {
        row++;
        if (cells.length != header.size()) {
          throw where.error(row, null, "the row has " + cells.length + " cells but the header has " + header.size()
              + " columns (" + source.position() + "); check for a missing or extra separator or an unclosed quote");
        }
        String r = required(cells, reader, row, spec.readerColumn(), "reader");
        String m = required(cells, modality, row, spec.modalityColumn(), "modality");
        String c = required(cells, caseId, row, spec.caseColumn(), "case id");
        String t = required(cells, truth, row, spec.truthColumn(), "truth value");
        boolean positive;
        if (t.equals(spec.positiveValue())) {
          positive = true;
        } else if (negative == null || t.equals(negative)) {
          negative = t;
          positive = false;
        } else {
          throw where.error(row, spec.truthColumn(), "truth value '" + t + "' is neither the positive class '"
              + spec.positiveValue() + "' (--positive) nor the negative class '" + negative + "'"
              + (spec.negativeValue() == null ? " (the first other value found)" : " (--negative)")
              + "; the truth must have exactly two values");
        }
        study.truth(c, positive, t, row);
        study.reading(r, m, c, rating(cells, rating, row), row);
      }
      if (row == 0) {
        throw where.error(0, null, "the table has a header but no readings");
      }
      return study.build();
    }
  }

  private RowSource open() {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet") || name.endsWith(".parq")) {
      return new ParquetRowSource(path);
    }
    char delimiter = spec.delimiter() != 0 ? spec.delimiter() : name.endsWith(".tsv") || name.endsWith(".tab") ? '\t' : ',';
    return new CsvRowSource(path, delimiter);
  }

  private String required(String[] cells, int column, long row, String name, String what) {
    String value = cells[column] == null ? "" : cells[column].trim();
    if (MISSING.contains(value.toLowerCase(Locale.ROOT))) {
      throw where.error(row, name, "the " + what + " is missing; every reading needs reader, modality, case, truth and"
          + " rating");
    }
    return value;
  }

  private double rating(String[] cells, int column, long row) {
    String raw = required(cells, column, row, spec.ratingColumn(), "rating");
    double value;
    try {
      value = NumberInput.parseDouble(raw, true);
    } catch (NumberFormatException e) {
      throw where.error(row, spec.ratingColumn(), "'" + raw + "' is not a number; ratings must be numbers such as 3"
          + " or 0.82 (with '.' as the decimal point)");
    }
    if (!Double.isFinite(value)) {
      throw where.error(row, spec.ratingColumn(), "'" + raw + "' is not a finite number; ratings must be finite");
    }
    return value;
  }

  private Map<String, Integer> columnIndex(List<String> header) {
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      Integer earlier = index.putIfAbsent(header.get(c), c);
      if (earlier != null) {
        throw where.error(0, header.get(c), "the header names this column twice (columns " + (earlier + 1) + " and "
            + (c + 1) + "); column names must be unique");
      }
    }
    return index;
  }

  private int require(Map<String, Integer> index, List<String> header, String column, String option) {
    Integer c = index.get(column);
    if (c == null) {
      String suggestion = ColumnNames.closest(column, header).map(s -> " Did you mean '" + s + "'?").orElse("");
      throw where.error(0, column, "no such column (named by " + option + "). The header has: "
          + String.join(", ", header) + "." + suggestion);
    }
    return c;
  }
}

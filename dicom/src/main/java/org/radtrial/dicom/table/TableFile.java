package org.radtrial.dicom.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Writes a table as CSV (RFC 4180, empty cell = missing) or, for a name ending in .parquet, as
 * Parquet through DuckDB with the columns' types. Atomic: readers see the old file or the whole new
 * one. Cells are given as text; a null or empty cell is missing.
 */
public final class TableFile {
  private TableFile() {}

  /** True for a .parquet name, false for .csv; anything else is refused with the fix. */
  public static boolean isParquet(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return true;
    }
    if (name.endsWith(".csv")) {
      return false;
    }
    throw new IllegalArgumentException(file + ": write a .csv or a .parquet file (the extension chooses the format)");
  }

  public static void write(Path target, List<Column> columns, Iterable<List<String>> rows) {
    boolean parquet = isParquet(target);
    Path directory = target.toAbsolutePath().getParent();
    Path csv = null;
    Path staged = null;
    try {
      Files.createDirectories(directory);
      csv = Files.createTempFile(directory, "." + target.getFileName(), ".csv.tmp");
      writeCsv(csv, columns, rows);
      staged = csv;
      if (parquet) {
        staged = Files.createTempFile(directory, "." + target.getFileName(), ".parquet.tmp");
        toParquet(csv, staged, columns);
      }
      try {
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } finally {
      deleteQuietly(csv);
      deleteQuietly(staged);
    }
  }

  private static void writeCsv(Path file, List<Column> columns, Iterable<List<String>> rows) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringJoiner header = new StringJoiner(",");
      columns.forEach(c -> header.add(c.name()));
      out.write(header.toString());
      out.write('\n');
      for (List<String> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalStateException("row has " + row.size() + " cells for " + columns.size() + " columns: " + row);
        }
        StringBuilder line = new StringBuilder();
        for (int k = 0; k < row.size(); k++) {
          if (k > 0) {
            line.append(',');
          }
          line.append(quote(row.get(k)));
        }
        out.write(line.append('\n').toString());
      }
    }
  }

  static String quote(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    boolean plain = true;
    for (int i = 0; i < value.length() && plain; i++) {
      char c = value.charAt(i);
      plain = c != ',' && c != '"' && c != '\n' && c != '\r';
    }
    return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
  }

  private static void toParquet(Path csv, Path parquet, List<Column> columns) throws IOException {
    StringJoiner types = new StringJoiner(", ", "{", "}");
    StringJoiner select = new StringJoiner(", ");
    for (Column c : columns) {
      types.add("'" + c.name() + "': 'VARCHAR'");
      select.add(c.type() == ColumnType.TEXT ? c.name() : "CAST(" + c.name() + " AS " + c.type().sql() + ") AS " + c.name());
    }
    String sql = "COPY (SELECT " + select + " FROM read_csv(" + literal(csv) + ", header = true, columns = " + types
        + ", quote = '\"', escape = '\"', nullstr = '')) TO " + literal(parquet) + " (FORMAT parquet)";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IOException("DuckDB could not write Parquet: " + e.getMessage(), e);
    }
  }

  static String literal(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // already moved into place, or the directory is gone
      }
    }
  }
}

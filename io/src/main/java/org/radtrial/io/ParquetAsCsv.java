package org.radtrial.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link CaseTableReader} for a Parquet table: DuckDB (already the Parquet reader)
 * writes the columns a run needs to a temporary CSV on all its cores, and {@link PlainCsv} parses
 * that on all of ours. Row by row through JDBC, a million exams took about 2 s; this way about 0.7 s.
 *
 * <p>Why it never changes a result or a message: the checking reader sees each Parquet cell as its
 * JDBC text; DuckDB's CSV writes the same text for the types let through here (VARCHAR, BOOLEAN and
 * integers alike; DOUBLE and DECIMAL scores as decimal strings that read back as the same double),
 * and the file is left to the checking reader, with its messages and row numbers, whenever a needed
 * column is absent or of another type (FLOAT, dates, ...), whenever a cell is NULL, quoted or
 * otherwise not plain, and whenever {@link PlainCsv} would give up on the CSV.
 */
final class ParquetAsCsv {
  private static final Set<String> INTEGERS = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT",
      "USMALLINT", "UINTEGER", "UBIGINT");

  private ParquetAsCsv() {}

  /**
   * Writes the named columns of the Parquet file to a temporary CSV (the caller deletes it), or
   * returns null when the file must be read by the checking reader instead.
   *
   * @param scores the columns read as numbers (model scores)
   * @param texts the columns read as text (case id, truth, reader decisions, metadata)
   */
  static @Nullable Path export(Path parquet, List<String> scores, List<String> texts) {
    List<String> wanted = new ArrayList<>(texts);
    wanted.addAll(scores);
    if (new HashSet<>(wanted).size() != wanted.size()) {
      return null; // a column with two roles: the checking reader says so
    }
    Path csv;
    try {
      csv = Files.createTempFile("radtrial-parquet-", ".csv");
    } catch (IOException e) {
      return null; // no room for the temporary file: the row-by-row reader needs none
    }
    boolean written = false;
    try {
      // PlainCsv holds the whole CSV in memory: beyond a quarter of the heap, row by row is safer
      written = copy(parquet, csv, scores, wanted) && Files.size(csv) <= Runtime.getRuntime().maxMemory() / 4;
      return written ? csv : null;
    } catch (IOException e) {
      return null;
    } finally {
      if (!written) {
        try {
          Files.deleteIfExists(csv);
        } catch (IOException e) {
          // a temporary file left behind is not worth failing the read for
        }
      }
    }
  }

  /** DuckDB's COPY of the wanted columns to {@code csv}; false when the file must be read row by row. */
  private static boolean copy(Path parquet, Path csv, List<String> scores, List<String> wanted) {
    String source = "read_parquet('" + parquet.toString().replace("'", "''") + "')";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      Map<String, String> types = new LinkedHashMap<>();
      try (ResultSet columns = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
        while (columns.next()) {
          if (types.put(columns.getString("column_name"), columns.getString("column_type").toUpperCase(Locale.ROOT)) != null) {
            return false;
          }
        }
      }
      for (String column : wanted) {
        String type = types.get(column);
        boolean score = scores.contains(column);
        // trim(), as PlainCsv trims its header: a name with anything up to ' ' at an end is left to the checking reader
        if (type == null || !column.equals(column.trim())
            || !(INTEGERS.contains(type) || (score ? type.equals("DOUBLE") || type.startsWith("DECIMAL")
                : type.equals("VARCHAR") || type.equals("BOOLEAN")))) {
          return false;
        }
      }
      List<String> selected = new ArrayList<>();
      for (String column : types.keySet()) {
        if (wanted.contains(column)) {
          selected.add('"' + column.replace("\"", "\"\"") + '"');
        }
      }
      statement.execute("COPY (SELECT " + String.join(", ", selected) + " FROM " + source + ") TO '"
          + csv.toString().replace("'", "''") + "' (HEADER, DELIMITER ',')");
      return true;
    } catch (SQLException e) {
      return false; // not Parquet, unreadable, no room, ...: the checking reader's message names the problem
    }
  }
}

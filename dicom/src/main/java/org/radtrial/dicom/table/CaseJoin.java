package org.radtrial.dicom.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.radtrial.io.CaseTableException;

/**
 * Joins tables to a case table by one key column, through DuckDB (every cell read as text, so that
 * accession numbers keep their leading zeros). Every case row is kept (left join); each other table
 * must have at most one row per key. The result is written atomically, CSV or Parquet.
 */
public final class CaseJoin {
  private CaseJoin() {}

  /** A table to add and the name of its key column. */
  public record Side(Path file, String key) {}

  /**
   * What the join found: cases; per added table how many cases it matched and how many of its rows
   * matched none; and the columns not added because an earlier table already has one of that name
   * (FILE:COLUMN; the earlier one is kept).
   */
  public record Result(long cases, List<Long> matched, List<Long> unmatched, List<String> skipped) {}

  public static Result join(Side cases, List<Side> others, Path out) {
    boolean parquet = TableFile.isParquet(out);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      load(s, "t0", cases);
      Set<String> columns = new LinkedHashSet<>(columns(s, "t0"));
      StringBuilder select = new StringBuilder("SELECT t0.*");
      StringBuilder from = new StringBuilder(" FROM t0");
      List<Long> matched = new ArrayList<>();
      List<Long> unmatched = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      for (int k = 0; k < others.size(); k++) {
        String t = "t" + (k + 1);
        Side side = others.get(k);
        load(s, t, side);
        duplicates(s, t, side);
        for (String col : columns(s, t)) {
          if (col.equals(side.key())) {
            continue;
          }
          if (!columns.add(col)) {
            skipped.add(side.file().getFileName() + ":" + col);
            continue;
          }
          select.append(", ").append(t).append('.').append(quote(col));
        }
        from.append(" LEFT JOIN ").append(t).append(" ON t0.").append(quote(cases.key())).append(" = ").append(t).append('.')
            .append(quote(side.key()));
        matched.add(count(s, "SELECT count(*) FROM t0 WHERE " + quote(cases.key()) + " IN (SELECT " + quote(side.key()) + " FROM " + t + ")"));
        unmatched.add(count(s, "SELECT count(*) FROM " + t + " WHERE " + quote(side.key()) + " NOT IN (SELECT " + quote(cases.key())
            + " FROM t0 WHERE " + quote(cases.key()) + " IS NOT NULL)"));
      }
      Path directory = out.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      Path staged = Files.createTempFile(directory, "." + out.getFileName(), ".tmp");
      try {
        s.execute("COPY (" + select + from + " ORDER BY t0.rowid) TO " + TableFile.literal(staged)
            + (parquet ? " (FORMAT parquet)" : " (FORMAT csv, HEADER true)"));
        Files.move(staged, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(staged);
      }
      return new Result(count(s, "SELECT count(*) FROM t0"), matched, unmatched, skipped);
    } catch (SQLException e) {
      throw new IllegalArgumentException("cannot join: " + e.getMessage().lines().findFirst().orElse(""), e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + out, e);
    }
  }

  /**
   * The values of one column of a case table, in row order, read as text (leading zeros kept); a
   * missing cell is an empty string, so that row numbers stay right for messages.
   */
  public static List<String> column(Path table, String key) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      load(s, "t0", new Side(table, key));
      List<String> values = new ArrayList<>();
      try (ResultSet r = s.executeQuery("SELECT " + quote(key) + " FROM t0 ORDER BY rowid")) {
        while (r.next()) {
          String v = r.getString(1);
          values.add(v == null ? "" : v.strip());
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalArgumentException("cannot read " + table + ": " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private static void load(Statement s, String name, Side side) throws SQLException {
    if (!Files.isRegularFile(side.file())) {
      throw new CaseTableException(side.file().toString(), 0, null, "no such file");
    }
    String reader = TableFile.isParquet(side.file()) ? "read_parquet(" + TableFile.literal(side.file()) + ")"
        : "read_csv(" + TableFile.literal(side.file()) + ", header = true, all_varchar = true)";
    s.execute("CREATE TABLE " + name + " AS SELECT * FROM " + reader);
    if (!columns(s, name).contains(side.key())) {
      throw new CaseTableException(side.file().toString(), 0, side.key(), "no such column; the columns are " + columns(s, name));
    }
  }

  private static void duplicates(Statement s, String table, Side side) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT " + quote(side.key()) + ", count(*) FROM " + table + " WHERE " + quote(side.key())
        + " IS NOT NULL GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 1")) {
      if (r.next()) {
        throw new CaseTableException(side.file().toString(), 0, side.key(), "the key '" + r.getString(1) + "' is in " + r.getLong(2)
            + " rows; a table joined to the cases needs one row per key");
      }
    }
  }

  private static List<String> columns(Statement s, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet r = s.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
      for (int k = 1; k <= r.getMetaData().getColumnCount(); k++) {
        names.add(r.getMetaData().getColumnName(k));
      }
    }
    return names;
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}

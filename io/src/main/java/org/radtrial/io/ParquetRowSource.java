package org.radtrial.io;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A Parquet file through DuckDB's reader, in an in-memory database that lives as long as the read. */
final class ParquetRowSource implements RowSource {
  private final Connection connection;
  private final Statement statement;
  private final ResultSet rows;
  private final List<String> header = new ArrayList<>();
  private final String[] current;
  private long row;

  ParquetRowSource(Path path) {
    String file = path.toString();
    Connection c = null;
    Statement s = null;
    try {
      c = DriverManager.getConnection("jdbc:duckdb:");
      s = c.createStatement();
      ResultSet r = s.executeQuery("SELECT * FROM read_parquet('" + file.replace("'", "''") + "')");
      ResultSetMetaData meta = r.getMetaData();
      for (int k = 1; k <= meta.getColumnCount(); k++) {
        header.add(meta.getColumnName(k));
      }
      connection = c;
      statement = s;
      rows = r;
      current = new String[header.size()];
    } catch (SQLException e) {
      closeQuietly(s, c);
      String text = TextStart.of(path);
      if (text != null && text.matches(".*[,;\t|].*")) {
        throw new CaseTableException(file, 0, null, "is named like a Parquet file but is text (it starts '" + text
            + "'), which looks like CSV; rename it to .csv (or .tsv if tab-separated), or write it as Parquet");
      }
      if (text != null) {
        throw new CaseTableException(file, 0, null, "cannot be read as Parquet: it holds text (it starts '" + text
            + "'); give a Parquet file, or a CSV or TSV table named .csv or .tsv");
      }
      String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new CaseTableException(file, 0, null, "cannot be read as Parquet (" + reason + ")");
    }
  }

  private static void closeQuietly(@Nullable AutoCloseable... resources) {
    for (AutoCloseable resource : resources) {
      try {
        if (resource != null) {
          resource.close();
        }
      } catch (Exception ignored) {
        // already failing; the original error is the one to report
      }
    }
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public String @Nullable [] next() {
    try {
      if (!rows.next()) {
        return null;
      }
      row++;
      for (int c = 0; c < current.length; c++) {
        current[c] = rows.getString(c + 1);
      }
      return current.clone();
    } catch (SQLException e) {
      throw new IllegalStateException("reading Parquet row " + (row + 1) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String position() {
    return "";
  }

  @Override
  public void close() {
    closeQuietly(rows, statement, connection);
  }
}

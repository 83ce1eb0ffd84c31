package org.radtrial.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/** One local[2] session for every test class of the module (starting Spark takes seconds), and helpers. */
final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = Sessions.start("local[2]", "tests");
    }
    return session;
  }

  /** Copies a folder tree (the pydicom samples) into a test's archive. */
  static void copyTree(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (Files.isRegularFile(p)) {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of a query, each as "a | b | c" with NULL for null, in the query's order; first the column names and types. */
  static List<String> rows(String sql) {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      StringBuilder header = new StringBuilder();
      for (int k = 1; k <= n; k++) {
        header.append(k > 1 ? " | " : "").append(r.getMetaData().getColumnName(k)).append(' ').append(r.getMetaData().getColumnTypeName(k));
      }
      rows.add(header.toString());
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int k = 1; k <= n; k++) {
          Object v = r.getObject(k);
          row.append(k > 1 ? " | " : "").append(v == null ? "NULL" : v.toString());
        }
        rows.add(row.toString());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
    return rows;
  }
}

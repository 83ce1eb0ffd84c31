package org.radtrial.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database file ({@code DATA/radtrial.mv.db}). Every commit is written to the file
 * before it returns ({@code WRITE_DELAY=0}), so a killed server loses no committed row.
 */
final class Database implements AutoCloseable {
  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS users(id BIGINT AUTO_INCREMENT PRIMARY KEY, username VARCHAR(64) NOT NULL UNIQUE,"
        + " display_name VARCHAR(200) NOT NULL, role VARCHAR(40) NOT NULL, is_admin BOOLEAN NOT NULL,"
        + " password_hash VARCHAR(400) NOT NULL, must_change_password BOOLEAN NOT NULL, created_at TIMESTAMP NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sessions(token_hash VARCHAR(64) PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id),"
        + " csrf_token VARCHAR(64) NOT NULL, created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP NOT NULL)",
    "CREATE TABLE IF NOT EXISTS studies(id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200) NOT NULL,"
        + " created_by BIGINT NOT NULL REFERENCES users(id), created_at TIMESTAMP NOT NULL)",
    "CREATE TABLE IF NOT EXISTS memberships(study_id BIGINT NOT NULL REFERENCES studies(id),"
        + " user_id BIGINT NOT NULL REFERENCES users(id), PRIMARY KEY(study_id, user_id))",
    "CREATE TABLE IF NOT EXISTS datasets(id BIGINT AUTO_INCREMENT PRIMARY KEY, study_id BIGINT NOT NULL REFERENCES studies(id),"
        + " filename VARCHAR(200) NOT NULL, stored_as VARCHAR(200) NOT NULL, sha256 VARCHAR(64) NOT NULL, bytes BIGINT NOT NULL,"
        + " cases INT NOT NULL, positives INT NOT NULL, spec CLOB NOT NULL, uploaded_by BIGINT NOT NULL REFERENCES users(id),"
        + " uploaded_at TIMESTAMP NOT NULL)",
    "CREATE TABLE IF NOT EXISTS runs(id BIGINT AUTO_INCREMENT PRIMARY KEY, study_id BIGINT NOT NULL REFERENCES studies(id),"
        + " dataset_id BIGINT NOT NULL REFERENCES datasets(id), kind VARCHAR(20) NOT NULL, parameters CLOB NOT NULL,"
        + " input_sha256 VARCHAR(64) NOT NULL, status VARCHAR(20) NOT NULL, message CLOB, results CLOB, attempts INT NOT NULL,"
        + " created_by BIGINT NOT NULL REFERENCES users(id), created_at TIMESTAMP NOT NULL, started_at TIMESTAMP,"
        + " finished_at TIMESTAMP)",
    "CREATE TABLE IF NOT EXISTS comments(id BIGINT AUTO_INCREMENT PRIMARY KEY, run_id BIGINT NOT NULL REFERENCES runs(id),"
        + " target_type VARCHAR(20) NOT NULL, target VARCHAR(300) NOT NULL, body CLOB NOT NULL, is_decision BOOLEAN NOT NULL,"
        + " author_id BIGINT NOT NULL REFERENCES users(id), author_role VARCHAR(40) NOT NULL, created_at TIMESTAMP NOT NULL)",
    "CREATE TABLE IF NOT EXISTS audit_log(id BIGINT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP NOT NULL, user_id BIGINT,"
        + " action VARCHAR(60) NOT NULL, study_id BIGINT, detail CLOB NOT NULL)",
  };

  private final JdbcConnectionPool pool;

  Database(Path dataDir) {
    String url = "jdbc:h2:file:" + dataDir.resolve("radtrial").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    pool = JdbcConnectionPool.create(url, "radtrial", "");
    pool.setMaxConnections(64);
    transaction(c -> {
      try (Statement s = c.createStatement()) {
        for (String ddl : SCHEMA) {
          s.execute(ddl);
        }
      }
      return null;
    });
  }

  /** Work on one connection inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs the work in one transaction: all of it is committed, or none of it. */
  <T> T transaction(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("database error: " + e.getMessage(), e);
    }
  }

  /** A row mapper. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  <T> List<T> query(String sql, Row<T> row, Object... args) {
    return transaction(c -> query(c, sql, row, args));
  }

  static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
    }
  }

  long count(String sql, Object... args) {
    return query(sql, rs -> rs.getLong(1), args).get(0);
  }

  int update(String sql, Object... args) {
    return transaction(c -> update(c, sql, args));
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args)) {
      return s.executeUpdate();
    }
  }

  /** Inserts a row and returns its generated id. */
  static long insert(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(s, args);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Appends to the audit log inside the caller's transaction, so the write and its record commit together. */
  static void audit(Connection c, Long userId, String action, Long studyId, String detail) throws SQLException {
    insert(c, "INSERT INTO audit_log(at, user_id, action, study_id, detail) VALUES (?, ?, ?, ?, ?)", now(), userId, action,
        studyId, detail);
  }

  static Timestamp now() {
    return Timestamp.from(Instant.now());
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    bind(s, args);
    return s;
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  @Override
  public void close() {
    pool.dispose();
  }
}

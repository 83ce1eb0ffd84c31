package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract, on both engines: durable settings, migrations, atomic transactions, ids never reused. */
class DatabaseTest {
  abstract static class Contract {
    abstract Database open(Path dir) throws Exception;

    @TempDir Path dir;

    @Test
    void migrationsCreateTheSchemaOnceAndReopeningKeepsTheData() throws Exception {
      try (Database db = open(dir)) {
        db.transaction(c -> Database.insert(c, "INSERT INTO audit_log(at, user_id, action, study_id, detail)"
            + " VALUES (?, NULL, 'test', NULL, 'kept')", Database.now()));
      }
      try (Database db = open(dir)) {
        assertThat(db.count("SELECT COUNT(*) FROM audit_log WHERE detail = 'kept'")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM flyway_schema_history WHERE success = " + truth(db))).isEqualTo(1);
      }
    }

    @Test
    void aFailedTransactionLeavesNothing() throws Exception {
      try (Database db = open(dir)) {
        assertThatThrownBy(() -> db.transaction(c -> {
          Database.audit(c, null, "test", null, "half");
          throw new HttpError(400, "refused");
        })).isInstanceOf(HttpError.class);
        assertThat(db.count("SELECT COUNT(*) FROM audit_log WHERE detail = 'half'")).isZero();
      }
    }

    @Test
    void idsOfDeletedRowsAreNeverHandedOutAgain() throws Exception {
      try (Database db = open(dir)) {
        long first = db.transaction(c -> Database.insert(c, "INSERT INTO audit_log(at, action, detail) VALUES (?, 'a', 'x')",
            Database.now()));
        db.update("DELETE FROM audit_log WHERE id = ?", first);
        long second = db.transaction(c -> Database.insert(c, "INSERT INTO audit_log(at, action, detail) VALUES (?, 'a', 'y')",
            Database.now()));
        assertThat(second).isGreaterThan(first);
      }
    }

    @Test
    void concurrentWritersAllCommitWithoutBusyErrors() throws Exception {
      try (Database db = open(dir)) {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Long>> ids = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
          int n = i;
          ids.add(pool.submit(() -> db.transaction(c -> {
            long id = Database.insert(c, "INSERT INTO audit_log(at, action, detail) VALUES (?, 'w', ?)", Database.now(),
                "w" + n);
            Database.query(c, "SELECT COUNT(*) FROM audit_log", rs -> rs.getLong(1));
            return id;
          })));
        }
        List<Long> got = new ArrayList<>();
        for (Future<Long> f : ids) {
          got.add(f.get());
        }
        pool.shutdown();
        assertThat(got).doesNotHaveDuplicates().hasSize(400);
        assertThat(db.count("SELECT COUNT(*) FROM audit_log WHERE action = 'w'")).isEqualTo(400);
      }
    }

    String truth(Database db) {
      return db.engine() == Database.Engine.SQLITE ? "1" : "TRUE";
    }
  }

  @Nested
  class Sqlite extends Contract {
    @Override
    Database open(Path d) {
      return new Database(d, null);
    }

    @Test
    void commitsAreFsyncedToAWriteAheadLog() {
      try (Database db = open(dir)) {
        assertThat(db.query("PRAGMA journal_mode", rs -> rs.getString(1))).containsExactly("wal");
        assertThat(db.query("PRAGMA synchronous", rs -> rs.getInt(1))).as("2 = FULL").containsExactly(2);
        assertThat(db.query("PRAGMA foreign_keys", rs -> rs.getInt(1))).containsExactly(1);
      }
    }

    @Test
    void aSecondServerOnTheSameDirectoryIsRefused() {
      try (Database db = open(dir)) {
        assertThatThrownBy(() -> open(dir)).hasMessageContaining("another radtrial server is using");
      }
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Postgresql extends Contract {
    PgCluster pg;
    String url;

    @BeforeAll
    void startCluster() throws Exception {
      pg = PgCluster.start();
    }

    @AfterAll
    void stopCluster() throws Exception {
      if (pg != null) {
        pg.close();
      }
    }

    @Override
    Database open(Path d) throws Exception {
      if (url == null) {
        url = pg.newDatabase();
      }
      return new Database(d, url);
    }

    @org.junit.jupiter.api.AfterEach
    void freshDatabaseForTheNextTest() {
      url = null;
    }

    @Test
    void commitsWaitForTheWriteAheadLogFlush() throws Exception {
      try (Database db = open(dir)) {
        assertThat(db.query("SHOW synchronous_commit", rs -> rs.getString(1))).containsExactly("on");
        assertThat(db.query("SHOW fsync", rs -> rs.getString(1))).containsExactly("on");
      }
    }
  }
}

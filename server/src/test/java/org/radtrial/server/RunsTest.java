package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.server.Accounts.User;
import org.radtrial.server.Runs.Run;
import org.radtrial.server.Studies.Study;

/** Runs with a stand-in analysis: failure isolation, queue limits, conditional restart, orphan uploads. */
class RunsTest {
  static final long OUT_OF_MEMORY_ONCE = 13;
  static final long BLOCKS = 14;

  @TempDir Path dir;
  Database db;
  Studies studies;
  Uploads uploads;
  Runs runs;
  User alice;
  User bob;
  Study study;
  long dataset;
  final CountDownLatch release = new CountDownLatch(1);
  final Set<Long> failedOnce = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void setUp() {
    db = new Database(dir, null);
    Accounts accounts = new Accounts(db);
    studies = new Studies(db, accounts);
    uploads = new Uploads(db, studies, dir, 1 << 20);
    runs = new Runs(db, studies, uploads, dir, 1, (file, d, p, id, progress) -> {
      if (p.seed() == OUT_OF_MEMORY_ONCE && failedOnce.add(id)) {
        throw new OutOfMemoryError("Java heap space");
      }
      if (p.seed() == BLOCKS) {
        release.await();
      }
      return "{}";
    });
    alice = accounts.create(null, "alice", "Alice", "radiologist", false, "one time password 1");
    bob = accounts.create(null, "bob", "Bob", "physicist", false, "one time password 2");
    study = studies.create(alice, "Study");
    studies.addMember(alice, study, "bob");
    DatasetSpec spec = new DatasetSpec("case_id", "cancer", "1", List.of("model_a"), List.of(), null, List.of("site"));
    dataset = db.transaction(c -> Database.insert(c, "INSERT INTO datasets(study_id, filename, stored_as, sha256, bytes, cases,"
        + " positives, spec, uploaded_by, uploaded_at) VALUES (?, 'c.csv', 'x.csv', 'x', 1, 10, 2, ?, ?, ?)", study.id(),
        Json.write(spec), alice.id(), Database.now()));
  }

  @AfterEach
  void tearDown() {
    release.countDown();
    runs.close();
    db.close();
  }

  RunParameters seed(long seed) {
    return new RunParameters("evaluation", 0, seed, 0.95, List.of());
  }

  Run await(long id) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Run r = runs.require(study, id);
      if (!r.status().equals("queued") && !r.status().equals("running")) {
        return r;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("run " + id + " did not end");
  }

  @Test
  void aRunThatRunsOutOfMemoryFailsAloneAndTheNextOneRuns() throws Exception {
    Run oom = await(runs.start(alice, study, dataset, seed(OUT_OF_MEMORY_ONCE)).id());
    assertThat(oom.status()).isEqualTo("failed");
    assertThat(oom.message()).contains("ran out of memory");
    assertThat(await(runs.start(alice, study, dataset, seed(1)).id()).status()).isEqualTo("finished");
  }

  @Test
  void ofConcurrentRestartsExactlyOneQueuesTheRunAgain() throws Exception {
    long id = await(runs.start(alice, study, dataset, seed(OUT_OF_MEMORY_ONCE)).id()).id();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> tries = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    for (int i = 0; i < 8; i++) {
      tries.add(pool.submit(() -> {
        go.await();
        try {
          runs.restart(alice, study, id);
          return true;
        } catch (HttpError e) {
          assertThat(e.status).isEqualTo(409);
          return false;
        }
      }));
    }
    go.countDown();
    int won = 0;
    for (Future<Boolean> f : tries) {
      won += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(won).isEqualTo(1);
    Run done = await(id);
    assertThat(done.status()).isEqualTo("finished");
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(db.count("SELECT COUNT(*) FROM audit_log WHERE action = 'run.restart'")).isEqualTo(1);
  }

  @Test
  void runsQueuedPerUserAndPerStudyAreBounded() {
    for (int i = 0; i < Limits.RUNS_PER_USER; i++) {
      runs.start(alice, study, dataset, seed(BLOCKS));
    }
    assertThatThrownBy(() -> runs.start(alice, study, dataset, seed(BLOCKS)))
        .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status).isEqualTo(429))
        .hasMessageContaining("you already have 3 runs queued or running (at most 3)");
    runs.start(bob, study, dataset, seed(BLOCKS));
    assertThatThrownBy(() -> runs.start(bob, study, dataset, seed(BLOCKS)))
        .hasMessageContaining("study " + study.id() + " already has 4 runs queued or running (at most 4)");
  }

  @Test
  void anUploadedFileThatNoDatasetNamesIsRemovedAtStart() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("uploads"));
    Files.writeString(folder.resolve("x.csv"), "named by the dataset row");
    Files.writeString(folder.resolve("orphan.csv"), "moved into place, then the server died before the row");
    assertThat(uploads.removeOrphans()).isEqualTo(1);
    assertThat(folder.resolve("x.csv")).exists();
    assertThat(folder.resolve("orphan.csv")).doesNotExist();
  }
}

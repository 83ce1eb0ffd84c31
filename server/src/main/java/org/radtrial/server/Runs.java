package org.radtrial.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.radtrial.core.stat.InvalidSetting;
import org.radtrial.io.AtomicFiles;
import org.radtrial.io.CaseTableException;
import org.radtrial.server.Accounts.User;
import org.radtrial.server.Studies.Dataset;
import org.radtrial.server.Studies.Study;

/**
 * Runs: kept forever in the database (parameters, input checksum, results.json), computed in the
 * background. A run's results are written to {@code DATA/runs/ID/results.json} and committed to the
 * database with its status in one transaction; a run still queued or running when the server
 * stopped is marked {@code interrupted} at the next start and can be restarted.
 */
final class Runs implements AutoCloseable {
  record Run(long id, long studyId, long datasetId, String kind, RunParameters parameters, String inputSha256, String status,
      String message, int attempts, String createdBy, String createdAt, String startedAt, String finishedAt) {
    boolean finished() {
      return status.equals("finished");
    }
  }

  private final Database db;
  private final Studies studies;
  private final Uploads uploads;
  private final Path dataDir;
  private final ExecutorService workers;
  private final Map<Long, Double> progress = new ConcurrentHashMap<>();
  /** Results by run id and finish time: a key no other run, and no later attempt, can have. */
  private final Map<String, String> cache = lru(16);
  private final Map<String, JsonNode> parsed = lru(16);
  private final Analysis analysis;

  /** What a run computes: results.json from the stored upload (Analyses in production; a stand-in in tests). */
  @FunctionalInterface
  interface Analysis {
    String resultsJson(Path file, Dataset dataset, RunParameters parameters, long runId,
        org.radtrial.core.stat.ProgressListener progress) throws Exception;
  }

  private static <V> Map<String, V> lru(int size) {
    return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<String, V>(size, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > size;
      }
    });
  }

  Runs(Database db, Studies studies, Uploads uploads, Path dataDir, int threads) {
    this(db, studies, uploads, dataDir, threads, (file, d, p, id, progress) -> Analyses.resultsJson(
        Analyses.request(file, d.filename(), d.spec(), p), id, progress));
  }

  Runs(Database db, Studies studies, Uploads uploads, Path dataDir, int threads, Analysis analysis) {
    this.analysis = analysis;
    this.db = db;
    this.studies = studies;
    this.uploads = uploads;
    this.dataDir = dataDir;
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "radtrial-run-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** At start: whatever was queued or running when the server stopped is interrupted. Returns how many. */
  int markInterrupted() {
    return db.transaction(c -> {
      List<Long> ids = Database.query(c, "SELECT id FROM runs WHERE status IN ('queued', 'running')", rs -> rs.getLong(1));
      for (long id : ids) {
        Database.update(c, "UPDATE runs SET status = 'interrupted', message = ? WHERE id = ?",
            "the server stopped before this run finished; restart it", id);
        Database.audit(c, null, "run.interrupted", null, "run " + id + " marked interrupted at server start");
      }
      return ids.size();
    });
  }

  Run start(User by, Study study, long datasetId, RunParameters parameters) {
    Dataset dataset = studies.dataset(study, datasetId);
    long id = db.transaction(c -> {
      requireRoom(c, "study " + study.id(), "study_id = ?", study.id(), Limits.RUNS_PER_STUDY);
      requireRoom(c, "you", "created_by = ?", by.id(), Limits.RUNS_PER_USER);
      requireRoom(c, "the server", "1 = ?", 1, Limits.RUNS_QUEUED);
      long runId = Database.insert(c, "INSERT INTO runs(study_id, dataset_id, kind, parameters, input_sha256, status, attempts,"
          + " created_by, created_at) VALUES (?, ?, ?, ?, ?, 'queued', 1, ?, ?)", study.id(), dataset.id(), parameters.kind(),
          Json.write(parameters), dataset.sha256(), by.id(), Database.now());
      Database.audit(c, by.id(), "run.start", study.id(), "started " + parameters.kind() + " run " + runId + " on dataset "
          + dataset.id() + " with " + Json.write(parameters));
      return runId;
    });
    submit(id);
    return require(study, id);
  }

  /** Refuses a new run (429) when the study, the user or the server already has as many queued or running as allowed. */
  private static void requireRoom(java.sql.Connection c, String who, String where, long key, int limit)
      throws java.sql.SQLException {
    long active = Database.query(c, "SELECT COUNT(*) FROM runs WHERE status IN ('queued', 'running') AND " + where,
        rs -> rs.getLong(1), key).get(0);
    if (active >= limit) {
      throw new HttpError(429, who + " already " + (who.equals("you") ? "have " : "has ") + active
          + " runs queued or running (at most " + limit + "); wait for one to finish");
    }
  }

  /**
   * Queues an interrupted or failed run again, same parameters and input. The status check and the
   * change are one conditional UPDATE, so of concurrent restarts exactly one succeeds.
   */
  Run restart(User by, Study study, long runId) {
    Run run = require(study, runId);
    boolean restarted = db.transaction(c -> {
      int changed = Database.update(c, "UPDATE runs SET status = 'queued', message = NULL, attempts = attempts + 1,"
          + " started_at = NULL WHERE id = ? AND study_id = ? AND status IN ('interrupted', 'failed')", runId, study.id());
      if (changed == 1) {
        Database.audit(c, by.id(), "run.restart", study.id(), "restarted run " + runId);
      }
      return changed == 1;
    });
    if (!restarted) {
      throw new HttpError(409, "run " + runId + " is " + require(study, runId).status()
          + "; only an interrupted or failed run can be restarted");
    }
    submit(runId);
    return require(study, runId);
  }

  List<Run> of(long studyId) {
    return db.query(SELECT + " WHERE r.study_id = ? ORDER BY r.id DESC", Runs::run, studyId);
  }

  /** The run, if it belongs to the study (whose membership the caller has checked); 404 otherwise. */
  Run require(Study study, long runId) {
    return db.query(SELECT + " WHERE r.id = ? AND r.study_id = ?", Runs::run, runId, study.id()).stream().findFirst()
        .orElseThrow(HttpError::notFound);
  }

  Optional<String> results(Run run) {
    if (!run.finished()) {
      return Optional.empty();
    }
    String key = run.id() + "@" + run.finishedAt();
    String cached = cache.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<String> text = db.query("SELECT results FROM runs WHERE id = ?", rs -> rs.getString(1), run.id()).stream()
        .filter(r -> r != null).findFirst();
    text.ifPresent(t -> cache.put(key, t));
    return text;
  }

  /** The parsed results of a finished run (immutable once finished, so cached). */
  Optional<JsonNode> parsedResults(Run run) {
    String key = run.id() + "@" + run.finishedAt();
    JsonNode cached = parsed.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<JsonNode> tree = results(run).map(Json::read);
    tree.ifPresent(t -> parsed.put(key, t));
    return tree;
  }

  /** Share of the run's work done, 0..1. */
  double progress(Run run) {
    if (run.finished()) {
      return 1;
    }
    return progress.getOrDefault(run.id(), 0.0);
  }

  Path directory(long runId) {
    return dataDir.resolve("runs").resolve(Long.toString(runId));
  }

  private void submit(long runId) {
    progress.put(runId, 0.0);
    workers.submit(() -> execute(runId));
  }

  private void execute(long runId) {
    try {
      Run run = db.query(SELECT + " WHERE r.id = ?", Runs::run, runId).get(0);
      Study study = studies.find(run.studyId()).orElseThrow();
      Dataset dataset = studies.dataset(study, run.datasetId());
      if (db.update("UPDATE runs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'", Database.now(),
          runId) != 1) {
        return;
      }
      String json = analysis.resultsJson(uploads.file(dataset), dataset, run.parameters(), runId,
          (done, total) -> progress.put(runId, total == 0 ? 0.0 : Math.min(0.99, (double) done / total)));
      Path dir = Files.createDirectories(directory(runId));
      AtomicFiles.writeString(dir.resolve("results.json"), json);
      db.transaction(c -> {
        Database.update(c, "UPDATE runs SET status = 'finished', results = ?, finished_at = ? WHERE id = ?", json,
            Database.now(), runId);
        Database.audit(c, null, "run.finish", run.studyId(), "run " + runId + " finished");
        return null;
      });
    } catch (InvalidSetting e) {
      fail(runId, Analyses.message(e));
    } catch (CaseTableException | IllegalArgumentException | HttpError e) {
      fail(runId, e.getMessage());
    } catch (OutOfMemoryError e) {
      fail(runId, "the run ran out of memory (" + e.getMessage() + "); audit fewer groups or fewer bootstrap replicates,"
          + " or give the server more memory (-Xmx)");
    } catch (Throwable e) {
      fail(runId, "internal error: " + e);
    } finally {
      progress.remove(runId);
    }
  }

  private void fail(long runId, String message) {
    try {
      db.transaction(c -> {
        Database.update(c, "UPDATE runs SET status = 'failed', message = ?, finished_at = ? WHERE id = ?", message,
            Database.now(), runId);
        Database.audit(c, null, "run.fail", null, "run " + runId + " failed: " + message);
        return null;
      });
    } catch (RuntimeException ignored) {
      // the server is stopping: the run is marked interrupted at the next start
    }
  }

  private static final String SELECT = "SELECT r.id, r.study_id, r.dataset_id, r.kind, r.parameters, r.input_sha256, r.status,"
      + " r.message, r.attempts, u.username, r.created_at, r.started_at, r.finished_at FROM runs r JOIN users u"
      + " ON u.id = r.created_by";

  private static Run run(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Run(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), Json.read(rs.getString(5), RunParameters.class),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10), time(rs, 11), time(rs, 12),
        time(rs, 13));
  }

  private static String time(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
    java.sql.Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant().toString();
  }

  @Override
  public void close() {
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

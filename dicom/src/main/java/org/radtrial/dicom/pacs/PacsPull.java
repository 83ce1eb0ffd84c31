package org.radtrial.dicom.pacs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pulls the studies of a case table from an archive into OUT/StudyInstanceUID/SOPInstanceUID.dcm.
 * First every exam is looked up (nothing is written if the archive refuses radtrial, or is not
 * there); then the studies found exactly once are retrieved, several at a time. Only instances
 * whose file is missing are fetched, so a rerun after an interruption completes the tree.
 */
public final class PacsPull {
  private PacsPull() {}

  /** What happened to one exam of the case table. */
  public enum Status {
    /** everything was fetched in this run, or some of it (the rest was there) */
    PULLED,
    /** every instance was already there */
    PRESENT,
    /** query-only mode: found, not fetched */
    FOUND,
    NOT_FOUND,
    /** the key matched more than one study: none is fetched */
    AMBIGUOUS,
    /** the transfer failed or was incomplete: a rerun fetches what is missing */
    FAILED,
    /** the case table's cell was empty */
    NO_KEY
  }

  /** One exam: its key, status, the studies the key matched, their instances, how many were fetched now, and why when it failed. */
  public record Exam(String key, Status status, List<String> studies, int instances, int fetched, String message) {
    public Exam {
      studies = List.copyOf(studies);
    }
  }

  /** Every exam, in case-table order (a key listed twice counts once), with the files and bytes written. */
  public record Result(List<Exam> exams, int emptyKeys, long files, long bytes, double seconds) {
    public Result {
      exams = List.copyOf(exams);
    }

    public long count(Status status) {
      return exams.stream().filter(e -> e.status() == status).count();
    }
  }

  /** Progress: phase ("querying" or "retrieving"), exams done of all, files and bytes written so far. */
  public interface Listener {
    void progress(String phase, int done, int total, long files, long bytes);
  }

  /**
   * @param keys the case table's key column, in row order (empty cells included, they are counted)
   * @param connections at most this many requests to the archive at once
   * @param listOnly only query: nothing is written
   */
  public static Result pull(ArchiveSettings settings, KeyKind kind, List<String> keys, Path out, int connections, boolean listOnly,
      Listener listener) {
    if (connections < 1 || connections > 64) {
      throw new IllegalArgumentException("--connections " + connections + ": give 1 to 64");
    }
    List<String> distinct = keys.stream().filter(k -> !k.isBlank()).distinct().toList();
    distinct.forEach(kind::check);
    int empty = (int) keys.stream().filter(String::isBlank).count();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(connections, r -> {
      Thread t = new Thread(r, "radtrial-pull");
      t.setDaemon(true);
      return t;
    });
    AtomicInteger done = new AtomicInteger();
    List<Callable<Exam>> transfers = new ArrayList<>();
    Landing landing = new Landing(out, (files, bytes) -> listener.progress("retrieving", done.get(), transfers.size(), files, bytes));
    try (Archive archive = settings.open()) {
      List<Callable<Found>> queries = new ArrayList<>();
      for (String key : distinct) {
        queries.add(() -> {
          Found f = find(archive, kind, key, landing);
          listener.progress("querying", done.incrementAndGet(), distinct.size(), 0, 0);
          return f;
        });
      }
      List<Found> found = all(pool, queries);
      Map<String, Exam> exams = new LinkedHashMap<>();
      for (Found f : found) {
        if (f.studies().size() != 1) {
          exams.put(f.key(), new Exam(f.key(), f.studies().isEmpty() ? Status.NOT_FOUND : Status.AMBIGUOUS, f.studies(), 0, 0,
              f.studies().isEmpty() ? "no study with " + kind.keyword() + " " + f.key() : f.studies().size() + " studies have "
                  + kind.keyword() + " " + f.key() + ": pull them by study UID (--by study-uid) to choose"));
        } else if (listOnly) {
          exams.put(f.key(), new Exam(f.key(), Status.FOUND, f.studies(), f.instances().size(), 0, f.missing().size() + " not yet in " + out));
        } else if (f.missing().isEmpty()) {
          exams.put(f.key(), new Exam(f.key(), Status.PRESENT, f.studies(), f.instances().size(), 0, ""));
        } else {
          exams.put(f.key(), null);
          transfers.add(() -> transfer(archive, f, landing));
        }
      }
      if (!transfers.isEmpty()) {
        landing.clean();
        done.set(0);
        List<Exam> transferred = all(pool, transfers.stream().<Callable<Exam>>map(t -> () -> {
          Exam e = t.call();
          listener.progress("retrieving", done.incrementAndGet(), transfers.size(), landing.files(), landing.bytes());
          return e;
        }).toList());
        transferred.forEach(e -> exams.put(e.key(), e));
      }
      return new Result(new ArrayList<>(exams.values()), empty, landing.files(), landing.bytes(), (System.nanoTime() - started) / 1e9);
    } finally {
      pool.shutdownNow();
      if (!listOnly) {
        try {
          landing.clean();
        } catch (java.io.UncheckedIOException e) {
          // a worker still writing after a failure: the next run removes what is left before it fetches
        }
      }
    }
  }

  private record Found(String key, List<String> studies, List<InstanceRef> instances, List<InstanceRef> missing) {}

  private static Found find(Archive archive, KeyKind kind, String key, Landing landing) {
    List<String> studies = archive.findStudies(kind, key);
    if (studies.size() != 1) {
      return new Found(key, studies, List.of(), List.of());
    }
    List<InstanceRef> instances = archive.instances(studies.get(0));
    return new Found(key, studies, instances, instances.stream().filter(i -> !landing.present(i)).toList());
  }

  private static Exam transfer(Archive archive, Found f, Landing landing) {
    String study = f.studies().get(0);
    String failure = "";
    try {
      archive.retrieve(study, f.missing(), f.missing().size() == f.instances().size(), landing);
    } catch (IOException e) {
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    long still = f.instances().stream().filter(i -> !landing.present(i)).count();
    int fetched = (int) (f.missing().size() - still);
    if (still > 0) {
      return new Exam(f.key(), Status.FAILED, f.studies(), f.instances().size(), fetched, still + " of " + f.instances().size()
          + " instances missing" + (failure.isEmpty() ? " after the transfer" : ": " + failure) + "; rerun to fetch what is missing");
    }
    return new Exam(f.key(), Status.PULLED, f.studies(), f.instances().size(), fetched, failure);
  }

  private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) {
    List<Future<T>> futures = new ArrayList<>();
    tasks.forEach(t -> futures.add(pool.submit(t)));
    List<T> results = new ArrayList<>();
    try {
      for (Future<T> f : futures) {
        results.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PacsException("interrupted", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new PacsException(String.valueOf(e.getCause()), e.getCause());
    }
    return results;
  }
}

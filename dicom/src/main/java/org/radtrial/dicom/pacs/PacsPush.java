package org.radtrial.dicom.pacs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.dicom.deid.CheckDeid;
import org.radtrial.dicom.scan.ScanProblem;

/**
 * Stores a folder of DICOM files in a (research) archive, by STOW-RS or C-STORE, several at a time.
 * A tree is checked first as {@code dicom check-deid} checks it, and refused if anything
 * identifying is left, unless the caller says the archive may hold identifiable data: sharing a
 * cohort is where a forgotten de-identification does harm.
 */
public final class PacsPush {
  private PacsPush() {}

  /** Files stored, files that are not DICOM (skipped, counted), and each file the archive did not store with the reason. */
  public record Result(int stored, int notDicom, List<ScanProblem> failed, long bytes, double seconds, boolean checked) {
    public Result {
      failed = List.copyOf(failed);
    }
  }

  /**
   * @param allowIdentifiable skip the de-identification check (the archive may hold identifiable data)
   * @throws IllegalArgumentException when the tree has not passed the check, naming how many findings and the first
   */
  public static Result push(ArchiveSettings settings, Path dir, int connections, boolean allowIdentifiable, PacsPull.Listener listener) {
    if (connections < 1 || connections > 64) {
      throw new IllegalArgumentException("--connections " + connections + ": give 1 to 64");
    }
    List<Path> all = DicomFiles.under(dir);
    List<Path> files = all.stream().filter(f -> DicomFiles.notDicom(f).isEmpty()).toList();
    if (files.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no DICOM file to push");
    }
    if (!allowIdentifiable) {
      // files that are not DICOM are not sent, so what check-deid says about them does not matter here
      java.util.Set<String> sent = new java.util.HashSet<>();
      files.forEach(f -> sent.add(DicomFiles.relative(dir, f)));
      List<ScanProblem> findings = CheckDeid.check(dir).findings().stream().filter(f -> sent.contains(f.file())).toList();
      if (!findings.isEmpty()) {
        ScanProblem first = findings.get(0);
        long inFiles = findings.stream().map(ScanProblem::file).distinct().count();
        throw new IllegalArgumentException(dir + " has not passed check-deid: " + findings.size() + " finding(s) in " + inFiles
            + " file(s), the first " + first.file() + ": " + first.problem() + "; de-identify it ('radtrial dicom deidentify') or,"
            + " if the archive may hold identifiable data, give --allow-identifiable");
      }
    }
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(connections, r -> {
      Thread t = new Thread(r, "radtrial-push");
      t.setDaemon(true);
      return t;
    });
    AtomicInteger done = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    List<ScanProblem> failed = new ArrayList<>();
    try (Archive archive = settings.open()) {
      List<Future<?>> futures = new ArrayList<>();
      for (Path file : files) {
        futures.add(pool.submit(() -> {
          try {
            archive.store(file);
            bytes.addAndGet(Files.size(file));
          } catch (IOException e) {
            synchronized (failed) {
              failed.add(new ScanProblem(DicomFiles.relative(dir, file), org.radtrial.dicom.scan.Severity.ERROR,
                  e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
          }
          listener.progress("storing", done.incrementAndGet(), files.size(), done.get() - failedCount(failed), bytes.get());
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PacsException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new PacsException(String.valueOf(e.getCause()), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<ScanProblem> sorted = new ArrayList<>(failed);
    sorted.sort(java.util.Comparator.comparing(ScanProblem::file));
    return new Result(files.size() - sorted.size(), all.size() - files.size(), sorted, bytes.get(), (System.nanoTime() - started) / 1e9,
        !allowIdentifiable);
  }

  private static int failedCount(List<ScanProblem> failed) {
    synchronized (failed) {
      return failed.size();
    }
  }
}

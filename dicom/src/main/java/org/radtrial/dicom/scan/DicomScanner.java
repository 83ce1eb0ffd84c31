package org.radtrial.dicom.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Walks a folder tree and reads every regular file's DICOM header, in parallel. */
public final class DicomScanner {
  private DicomScanner() {}

  /**
   * @param root the folder to walk (symbolic links are not followed)
   * @param siteMap institution name to site code, or empty
   * @param threads reading threads
   * @param listener told of progress
   */
  public static ScanResult scan(Path root, Map<String, String> siteMap, int threads, ScanListener listener) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(root + ": not a folder; give the folder that holds the DICOM files");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads " + threads + ": use at least 1");
    }
    List<Path> files = list(root);
    HeaderReader reader = new HeaderReader(root, siteMap);
    AtomicLong done = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    long started = System.nanoTime();
    ForkJoinPool pool = new ForkJoinPool(threads);
    List<HeaderRead> reads;
    try {
      reads = pool.submit(() -> files.parallelStream().map(file -> {
        HeaderRead read = reader.read(file);
        listener.scanned(done.incrementAndGet(), files.size(), bytes.addAndGet(read.bytes()));
        return read;
      }).toList()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("scan failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    List<InstanceRow> rows = new ArrayList<>();
    List<ScanProblem> problems = new ArrayList<>();
    for (HeaderRead read : reads) {
      read.row().ifPresent(rows::add);
      problems.addAll(read.problems());
    }
    return new ScanResult(rows, problems, files.size(), bytes.get(), seconds);
  }

  private static List<Path> list(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the files under " + root, e);
    }
  }
}

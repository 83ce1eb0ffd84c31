package org.radtrial.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.radtrial.dicom.deid.DeidOption;
import org.radtrial.dicom.deid.DeidSettings;
import org.radtrial.dicom.deid.Deidentifier;
import org.radtrial.dicom.deid.DeidentifyRun;
import org.radtrial.dicom.deid.PseudonymKey;
import org.radtrial.dicom.deid.Region;
import org.radtrial.dicom.scan.ScanProblem;

/**
 * {@code radtrial-spark deidentify}: {@link DeidentifyRun#deidentifyFile} (what {@code radtrial dicom
 * deidentify} does to each file) for every file under IN, in parallel Spark tasks, into OUT at the same
 * relative paths. Each output file is written to a temporary name beside its target and renamed, and a
 * file whose target exists is not written again, so a job killed at any point and started again
 * completes without a duplicate or a loss; the temporary files a killed job leaves are removed at the
 * start. The pseudonym mapping and the review list are written once, by the driver, after every task.
 */
final class DeidentifyJob {
  /** What {@code Files.createTempFile(dir, "." + name, ".tmp")} names a file being written. */
  private static final Pattern TEMPORARY = Pattern.compile("^\\..+[0-9]+\\.tmp$");

  private DeidentifyJob() {}

  /** What the job did; failures and review rows ordered by file. */
  record Summary(long files, long written, long resumed, List<ScanProblem> failures, List<List<String>> review,
      Map<String, String> pseudonyms, int staleRemoved) {}

  /** One file's outcome, in a form Spark moves between machines. */
  record Outcome(String kind, String patientId, String pseudonym, String[] review, String file, String failure)
      implements Serializable {}

  static Summary run(SparkSession spark, Path in, Path out, Path keyFile, Path mapping, Path review, Set<DeidOption> options,
      List<String> blank, int filesPerPartition) {
    Path input = in.toAbsolutePath().normalize();
    Path output = out.toAbsolutePath().normalize();
    if (output.startsWith(input) || input.startsWith(output)) {
      throw new IllegalArgumentException("IN and OUT must not contain each other: " + in + ", " + out);
    }
    if (mapping.toAbsolutePath().normalize().startsWith(output)) {
      throw new IllegalArgumentException("--mapping " + mapping + " is inside OUT: the mapping re-identifies patients, keep it apart");
    }
    blank.forEach(Region::parse); // refused here, before any work, with the message of the single-machine command
    List<String> names = Archive.of(input.toString()).list();
    int staleRemoved = removeStaleTemporaries(output);
    Secret secret = new Secret(readKey(keyFile));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Secret> key = jsc.broadcast(secret);
    String[] optionNames = options.stream().map(Enum::name).toArray(String[]::new);
    String[] regions = blank.toArray(String[]::new);
    String inRoot = input.toString();
    String outRoot = output.toString();
    int partitions = Math.max(jsc.defaultParallelism(), (int) Math.min(100_000, (names.size() + filesPerPartition - 1L) / filesPerPartition));
    JavaRDD<Outcome> outcomes = jsc.parallelize(names, Math.max(1, partitions))
        .mapPartitions(part -> deidentifyAll(inRoot, outRoot, key, optionNames, regions, part))
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    Map<String, String> pseudonyms = new TreeMap<>();
    outcomes.filter(o -> o.patientId() != null).map(o -> o.patientId() + "\u0000" + o.pseudonym()).distinct().collect()
        .forEach(pair -> {
          int cut = pair.indexOf('\u0000');
          pseudonyms.put(pair.substring(0, cut), pair.substring(cut + 1));
        });
    List<ScanProblem> failures = new ArrayList<>(outcomes.filter(o -> o.failure() != null).collect().stream()
        .map(o -> new ScanProblem(o.file(), org.radtrial.dicom.scan.Severity.ERROR, o.failure())).toList());
    failures.sort(Comparator.comparing(ScanProblem::file));
    List<List<String>> toReview = new ArrayList<>(outcomes.filter(o -> o.review() != null).map(o -> List.of(o.review())).collect());
    toReview.sort(Comparator.comparing(r -> r.get(0)));
    Map<String, Long> kinds = outcomes.map(Outcome::kind).countByValue();
    outcomes.unpersist(false);
    key.destroy();
    DeidentifyRun.writeMapping(mapping, pseudonyms);
    DeidentifyRun.writeReview(review, toReview);
    return new Summary(names.size(), kinds.getOrDefault(DeidentifyRun.Kind.WRITTEN.name(), 0L),
        kinds.getOrDefault(DeidentifyRun.Kind.RESUMED.name(), 0L), failures, toReview, pseudonyms, staleRemoved);
  }

  private static Iterator<Outcome> deidentifyAll(String inRoot, String outRoot, Broadcast<Secret> key, String[] optionNames,
      String[] regions, Iterator<String> names) {
    PixelMedLogBridge.install();
    Set<DeidOption> options = EnumSet.noneOf(DeidOption.class);
    for (String o : optionNames) {
      options.add(DeidOption.valueOf(o));
    }
    Deidentifier deidentifier = new Deidentifier(new DeidSettings(options, PseudonymKey.of(key.value().bytes())));
    List<Region> blank = Stream.of(regions).map(Region::parse).toList();
    Path in = Path.of(inRoot);
    Path out = Path.of(outRoot);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return names.hasNext();
      }

      @Override
      public Outcome next() {
        String name = names.next();
        DeidentifyRun.FileOutcome o = DeidentifyRun.deidentifyFile(in.resolve(name), name, out.resolve(name), deidentifier, blank);
        return new Outcome(o.kind().name(), o.patientId(), o.pseudonym(), o.review() == null ? null : o.review().toArray(String[]::new),
            name, o.failure() == null ? null : o.failure().problem());
      }
    };
  }

  /** The key as {@code radtrial dicom deidentify} reads it (created owner-only when missing; the caller has done that). */
  private static byte[] readKey(Path keyFile) {
    try {
      return HexFormat.of().parseHex(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key file " + keyFile, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(keyFile + ": not a radtrial key (hexadecimal, at least 32 digits)");
    }
  }

  /**
   * Removes the temporary files an interrupted run left in OUT (".NAME" + digits + ".tmp", as {@code
   * DeidentifyRun} names a file being written): they are partial copies, never outputs.
   */
  static int removeStaleTemporaries(Path out) {
    if (!Files.isDirectory(out)) {
      return 0;
    }
    int removed = 0;
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path f : walk.filter(Files::isRegularFile).filter(f -> TEMPORARY.matcher(f.getFileName().toString()).matches()).toList()) {
        Files.deleteIfExists(f);
        removed++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the temporary files of an earlier run in " + out, e);
    }
    return removed;
  }
}

package org.radtrial.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.radtrial.dicom.deid.DeidOption;
import org.radtrial.dicom.deid.PseudonymKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radtrial-spark deidentify}: {@code radtrial dicom deidentify} in parallel Spark tasks, byte for byte the same output. */
@Command(
    name = "deidentify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "De-identify every DICOM file under IN into OUT (same relative paths) exactly as 'radtrial dicom deidentify' does",
      "(the same PS3.15 Basic Profile, options, keyed UIDs and pseudonyms: with the same --key, the same bytes), in",
      "parallel Spark tasks. The key travels to the executors in a broadcast variable and is never printed or logged.",
      "Each output file is written to a temporary name and renamed; a file already in OUT is not written again, so",
      "a killed job started again completes without duplicates or losses. The mapping and the review list are",
      "written once, by the driver, at the end. IN and OUT are local folders (on a cluster: a shared mount).",
      "Check the result with 'radtrial dicom check-deid OUT'. See docs/dicom.md and docs/spark.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file de-identified", "1:internal error", "2:bad options, or some files could not be read (listed)"})
final class DeidentifyCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Parameters(index = "0", paramLabel = "IN", description = "Folder of DICOM files (only read).")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "Folder to write the de-identified files to.")
  Path out;

  @Option(names = "--key", required = true, paramLabel = "FILE",
      description = "Secret key file (hex), as for 'radtrial dicom deidentify'; created owner-only (mode 600) if it does not exist.")
  Path key;

  @Option(names = "--mapping", required = true, paramLabel = "FILE",
      description = "CSV written owner-only (mode 600) with patient_id,pseudonym, once at the end; must not be inside OUT.")
  Path mapping;

  @Option(names = "--review", paramLabel = "FILE",
      description = "CSV of images that may carry burned-in text (default: OUT's name + '-review.csv', beside OUT).")
  Path review;

  @Option(names = "--retain-patient-characteristics", description = "Keep age, sex, size, weight (113108).")
  boolean patientCharacteristics;

  @Option(names = "--retain-device-identity", description = "Keep device serial number, station name and the like (113109).")
  boolean deviceIdentity;

  @Option(names = "--retain-modified-dates", description = "Keep dates, moved back by a keyed number of days per patient (113107).")
  boolean modifiedDates;

  @Option(names = "--clean-descriptors", description = "Keep descriptions and comments with identifiers cut out (113105).")
  boolean cleanDescriptors;

  @Option(names = "--retain-safe-private", description = "Keep private attributes known to be safe (113111).")
  boolean safePrivate;

  @Option(names = "--clean-structured-content", description = "Keep SR content, de-identified and cleaned (113104).")
  boolean cleanStructuredContent;

  @Option(names = "--blank", paramLabel = "X,Y,W,H", description = "Blank this region of every image listed for review; repeatable.")
  List<String> blank = new ArrayList<>();

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit gives, else local[*], every core of this machine).")
  String master;

  @Option(names = "--files-per-task", paramLabel = "N", description = "Files per Spark task (default: ${DEFAULT-VALUE}).")
  int filesPerTask = 500;

  @Override
  public Integer call() {
    if (filesPerTask < 1) {
      throw new IllegalArgumentException("--files-per-task " + filesPerTask + ": use at least 1");
    }
    Set<DeidOption> options = EnumSet.noneOf(DeidOption.class);
    add(options, patientCharacteristics, DeidOption.RETAIN_PATIENT_CHARACTERISTICS);
    add(options, deviceIdentity, DeidOption.RETAIN_DEVICE_IDENTITY);
    add(options, modifiedDates, DeidOption.RETAIN_LONGITUDINAL_MODIFIED_DATES);
    add(options, cleanDescriptors, DeidOption.CLEAN_DESCRIPTORS);
    add(options, safePrivate, DeidOption.RETAIN_SAFE_PRIVATE);
    add(options, cleanStructuredContent, DeidOption.CLEAN_STRUCTURED_CONTENT);
    if (key.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("--key " + key + " is inside OUT: keep the key apart from the data it protects");
    }
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    PseudonymKey.Loaded loaded = PseudonymKey.loadOrCreate(key); // creates it owner-only, warns about its mode
    if (loaded.created()) {
      stdout.println("Created a new key in " + key + " (owner-only, mode rw-------): keep it to replace UIDs the same way next time");
    }
    loaded.warnings().forEach(w -> err.println("radtrial-spark: warning: " + w));
    Path reviewFile = review != null ? review : out.toAbsolutePath().resolveSibling(out.getFileName() + "-review.csv");
    DeidentifyJob.Summary s;
    SparkSession spark = Sessions.start(master, "deidentify");
    try {
      s = DeidentifyJob.run(spark, in, out, key, mapping, reviewFile, options, blank, filesPerTask);
    } finally {
      spark.stop();
    }
    if (s.staleRemoved() > 0) {
      stdout.printf("Removed %d partial file(s) an interrupted run had left in %s%n", s.staleRemoved(), out);
    }
    stdout.printf("%d files: %d de-identified, %d already done (resumed), %d failed%n", s.files(), s.written(), s.resumed(),
        s.failures().size());
    s.failures().forEach(f -> stdout.println("  " + f));
    stdout.printf("%d patients in %s; %d images to review for burned-in text in %s%n", s.pseudonyms().size(), mapping,
        s.review().size(), reviewFile);
    stdout.println("Check with: radtrial dicom check-deid " + out);
    stdout.flush();
    return s.failures().isEmpty() ? 0 : RadtrialSpark.BAD_INPUT;
  }

  private static void add(Set<DeidOption> options, boolean chosen, DeidOption option) {
    if (chosen) {
      options.add(option);
    }
  }
}

package org.radtrial.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radtrial-spark scan}: the tables of {@code radtrial dicom scan}, as Parquet, computed on Spark. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Read the header of every file under IN (pixel data is never read) in parallel Spark tasks, with the same reader",
      "as 'radtrial dicom scan', and write its three tables as Parquet into the folder OUT:",
      "  OUT/exams.parquet              one row per study (join it to a case table with 'radtrial dicom join')",
      "  OUT/exams.instances.parquet/   one row per readable file (a folder of part files)",
      "  OUT/exams.errors.parquet       one row per problem: error (no row), warning (a bad value, empty cell), skipped",
      "IN is a local folder (also a shared mount on a cluster) or a Hadoop URI (hdfs://, s3a://, ...).",
      "A bad or huge file never stops the job: it is a row of the errors table with its reason."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:tables written (also when some files had problems)", "1:internal error",
        "2:bad options, or no DICOM file under IN"})
final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Parameters(index = "0", paramLabel = "IN", description = "Folder (or Hadoop URI) to scan: all files below it.")
  String in;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the three Parquet tables into.")
  Path out;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit gives, else local[*], every core of this machine).")
  String master;

  @Option(names = "--files-per-task", paramLabel = "N", description = "Files per Spark task (default: ${DEFAULT-VALUE}).")
  int filesPerTask = 2000;

  @Option(names = "--max-header-bytes", paramLabel = "BYTES",
      description = "A file whose header (all before Pixel Data) is longer is not read but reported, so one huge sequence cannot"
          + " exhaust a task's memory (default: ${DEFAULT-VALUE}, 64 MiB).")
  long maxHeaderBytes = 64L << 20;

  @Override
  public Integer call() {
    if (filesPerTask < 1) {
      throw new IllegalArgumentException("--files-per-task " + filesPerTask + ": use at least 1");
    }
    Archive archive = Archive.of(in);
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    ScanJob.Summary s;
    SparkSession spark = Sessions.start(master, "scan");
    try {
      s = ScanJob.run(spark, archive, out, Map.of(), filesPerTask, maxHeaderBytes);
    } finally {
      spark.stop();
    }
    stdout.printf(Locale.ROOT, "Scanned %d files (%.1f MB) in %.1f s: %.0f files/s%n", s.files(), s.bytes() / 1e6, s.seconds(),
        s.files() / Math.max(s.seconds(), 1e-9));
    stdout.printf(Locale.ROOT, "%d instances in %d exams; %d files with errors (no row), %d skipped, %d with warnings%n",
        s.instances(), s.exams(), s.errorFiles(), s.skippedFiles(), s.warnedFiles());
    s.firstErrors().forEach(e -> stdout.println("  " + e));
    if (s.errorFiles() > s.firstErrors().size()) {
      stdout.println("  ... (all of them in the errors table)");
    }
    stdout.println("Exams:     " + out.resolve(ScanJob.EXAMS));
    stdout.println("Instances: " + out.resolve(ScanJob.INSTANCES));
    stdout.println("Problems:  " + out.resolve(ScanJob.ERRORS));
    stdout.flush();
    if (s.instances() == 0) {
      err.println("radtrial-spark: no DICOM file under " + in + (s.files() == 0 ? " (the folder holds no file at all)"
          : ": none of its " + s.files() + " files could be read as DICOM (the reasons are in " + out.resolve(ScanJob.ERRORS) + ")"));
      err.flush();
      return RadtrialSpark.BAD_INPUT;
    }
    return 0;
  }
}

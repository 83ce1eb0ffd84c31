package org.radtrial.spark;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code radtrial-spark}: the DICOM archive jobs of radtrial on Apache Spark. */
@Command(
    name = "radtrial-spark",
    mixinStandardHelpOptions = true,
    subcommands = {ScanCommand.class, DeidentifyCommand.class},
    description = {
      "Scan and de-identify a whole DICOM archive on Apache Spark: the same per-file code as 'radtrial dicom scan'",
      "and 'radtrial dicom deidentify', in parallel partitions. Local mode on this machine by default; on a cluster,",
      "start it with spark-submit (docs/spark.md)."
    })
public final class RadtrialSpark implements Runnable {
  static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command line; returns its exit code. */
  static int run(String... args) {
    CommandLine line = new CommandLine(new RadtrialSpark());
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      PrintWriter err = cmd.getErr();
      if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
        err.println("radtrial-spark: " + e.getMessage());
        err.flush();
        return BAD_INPUT;
      }
      throw e;
    });
    return line.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

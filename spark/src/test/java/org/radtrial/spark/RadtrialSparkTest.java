package org.radtrial.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line: help on every command, and bad options as one line with exit code 2 before Spark starts. */
class RadtrialSparkTest {
  @Test
  void everyCommandHasHelp() {
    for (String[] args : new String[][] {{"--help"}, {"scan", "--help"}, {"deidentify", "--help"}}) {
      Captured run = Captured.of(args);
      assertThat(run.code).as(String.join(" ", args)).isZero();
      assertThat(run.out).contains("Usage: radtrial-spark");
    }
    assertThat(Captured.of("scan", "--help").out).contains("--max-header-bytes").contains("exams.errors.parquet");
    assertThat(Captured.of("deidentify", "--help").out).contains("--key").contains("--retain-modified-dates");
  }

  @Test
  void aBadOptionIsOneLineAndExitTwo() {
    Captured run = Captured.of("scan", "/tmp", "--out", "/tmp/x", "--files-per-task", "0");
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.strip()).isEqualTo("radtrial-spark: --files-per-task 0: use at least 1");
  }

  @Test
  void aKeyInsideOutIsRefusedBeforeAnyWork() {
    Captured run = Captured.of("deidentify", "/tmp/in", "/tmp/out", "--key", "/tmp/out/key.hex", "--mapping", "/tmp/m.csv");
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err).contains("--key /tmp/out/key.hex is inside OUT");
  }

  private record Captured(int code, String out, String err) {
    static Captured of(String... args) {
      PrintStream stdout = System.out;
      PrintStream stderr = System.err;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      try {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = RadtrialSpark.run(args);
        return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      } finally {
        System.setOut(stdout);
        System.setErr(stderr);
      }
    }
  }
}

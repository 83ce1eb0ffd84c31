package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.report.ReportDom;

/**
 * {@code radtrial audit} on a cohort with one planted failure slice of 34 cancers missed at three
 * times the rest's rate (scanner S3 with breast class d: miss rate 60% against 20%), 60,000 exams,
 * 2% cancers and three noise columns: the slice is named first in the console, in results.json and
 * in the report.
 */
class AuditPlantedSliceTest {
  private static final String RULE = "scanner = S3 and breast_class = d";
  @TempDir static Path dir;
  static CliRun run;
  static JsonNode results;
  static ReportDom report;

  @BeforeAll
  static void audit() throws IOException {
    Path cases = dir.resolve("planted.csv");
    write(cases, 60_000, 34, 20261130);
    run = CliRun.of("audit", "--cases", cases.toString(), "--id", "id", "--truth", "cancer", "--positive", "1",
        "--models", "detector", "--threshold", "detector=0.5", "--group",
        "scanner,breast_class,region,noise_1,noise_2,noise_3", "--bootstrap", "0", "--out", dir.resolve("out").toString());
    results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
    report = ReportDom.read(dir.resolve("out/report.html"));
  }

  /** The planted cohort: the first sliceCancers / 0.02 exams form the slice; no other exam has its combination. */
  static void write(Path file, int exams, int sliceCancers, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int inSlice = Math.round(sliceCancers / 0.02f);
    String[] scanners = {"S1", "S2", "S3", "S4"};
    String[] classes = {"a", "b", "c", "d"};
    String[] regions = {"north", "east", "south", "west", "centre"};
    try (Writer out = Files.newBufferedWriter(file)) {
      out.write("id,scanner,breast_class,region,noise_1,noise_2,noise_3,cancer,detector\n");
      for (int i = 0; i < exams; i++) {
        boolean planted = i < inSlice;
        boolean cancer = planted ? i < sliceCancers : random.nextDouble() < 0.02;
        String scanner;
        String breastClass;
        do {
          scanner = scanners[random.nextInt(4)];
          breastClass = classes[random.nextInt(4)];
        } while (!planted && scanner.equals("S3") && breastClass.equals("d"));
        if (planted) {
          scanner = "S3";
          breastClass = "d";
        }
        double errorRate = cancer ? (planted ? 0.6 : 0.2) : 0.05;
        boolean flagged = cancer != (random.nextDouble() < errorRate);
        double score = flagged ? 0.5 + 0.5 * random.nextDouble() : 0.5 * random.nextDouble();
        out.write(String.format(Locale.ROOT, "e%d,%s,%s,%s,n%d,n%d,n%d,%d,%.4f%n", i, scanner, breastClass,
            regions[random.nextInt(5)], random.nextInt(3), random.nextInt(4), random.nextInt(6), cancer ? 1 : 0,
            Math.min(score, 0.9999)));
      }
    }
  }

  @Test
  void theConsoleNamesThePlantedSliceFirst() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    String out = run.out();
    int section = out.indexOf("detector, missed cancers:");
    assertThat(section).isPositive();
    String firstLine = out.substring(section).lines().skip(1).findFirst().orElseThrow().trim();
    assertThat(firstLine).startsWith(RULE + ": ").contains("cancers missed", "more than at the rest's rate");
  }

  @Test
  void resultsJsonListsThePlantedSliceFirstWithItsExcessAndRatio() {
    JsonNode first = null;
    for (JsonNode slice : results.at("/audit/failure_slices/discoveries")) {
      if (slice.get("error").asText().equals("false_negative")) {
        first = slice;
        break;
      }
    }
    assertThat(first).isNotNull();
    assertThat(first.get("rule").asText()).isEqualTo(RULE);
    assertThat(first.get("trials").asInt()).isEqualTo(34);
    assertThat(first.at("/excess_errors_ci/0").asDouble()).isPositive();
    assertThat(first.get("ratio").asDouble()).isGreaterThan(1.5);
    assertThat(results.at("/audit/failure_slices/minimum_cases").asInt()).isEqualTo(5);
    assertThat(results.at("/audit/failure_slices/tested").asInt())
        .isLessThanOrEqualTo(results.at("/audit/failure_slices/considered").asInt());
  }

  @Test
  void theReportNamesThePlantedSliceFirst() {
    String first = report.text("(//section[@id='failure-slices']//ul[@class='sentences'])[1]/li[1]");
    assertThat(first).startsWith("detector misses more cancers in exams with " + RULE + ":");
  }
}

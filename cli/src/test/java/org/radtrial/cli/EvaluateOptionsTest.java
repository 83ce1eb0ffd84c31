package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Options are checked, with their names, before the table is read; failures leave no results. */
class EvaluateOptionsTest {
  @TempDir Path dir;

  private Path table() throws IOException {
    Path file = dir.resolve("cases.csv");
    Files.writeString(file, "truth,a,b\n1,0.9,0.8\n0,0.1,0.3\n1,0.7,0.2\n0,0.4,0.5\n");
    return file;
  }

  private CliRun run(String... extra) throws IOException {
    String bootstrap = java.util.Arrays.asList(extra).contains("--bootstrap") ? "--seed" : "--bootstrap";
    String[] base = {"evaluate", "--cases", table().toString(), "--truth", "truth", "--positive", "1", "--models", "a,b",
        bootstrap, "0", "--out", dir.resolve("out").toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--threshold|NaN|--threshold NaN: the threshold must be a finite number",
    "--threshold|a=Infinity|--threshold a=Infinity: the threshold must be a finite number",
    "--ni-margin|NaN|--ni-margin must lie in [0, 1)",
    "--ci-level|1.5|--ci-level must lie strictly between 0 and 1",
    "--target-sensitivity|2|--target-sensitivity must lie in [0, 1]",
    "--bootstrap|-1|--bootstrap must be 0 (skip) or a number of replicates",
  })
  void badNumbersAreRejectedByOptionName(String option, String value, String message) throws IOException {
    CliRun result = run(option, value);
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(message);
    assertThat(dir.resolve("out/results.json")).doesNotExist();
  }

  @Test
  void aFailedParseKeepsTheEarlierResultsAndSaysSo() throws IOException {
    assertThat(run().exitCode()).isZero();
    byte[] earlier = Files.readAllBytes(dir.resolve("out/results.json"));
    CliRun result = run("--bootstrap", "x");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Invalid value for option '--bootstrap'")
        .contains("radtrial: nothing was written: the earlier results.json and report.html in " + dir.resolve("out")
            + " were kept as they were.");
    assertThat(Files.readAllBytes(dir.resolve("out/results.json"))).isEqualTo(earlier);
  }

  @Test
  void aThresholdAboveEveryScoreIsWarnedAbout() throws IOException {
    CliRun result = run("--threshold", "a=0.5", "--threshold", "b=31");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).contains("radtrial: warning: --threshold b=31 lies above every score of b (observed 0.2 to"
        + " 0.8): it flags no case, so its sensitivity is 0; give a threshold on the model's own scale")
        .doesNotContain("score of a ");
  }

  @Test
  void aThresholdBelowEveryScoreOfEveryModelIsWarnedAboutPerModel() throws IOException {
    CliRun result = run("--threshold", "-1");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).contains("--threshold -1 lies below every score of a (observed 0.1 to 0.9): it flags every"
        + " case, so its specificity is 0", "--threshold -1 lies below every score of b");
  }

  @Test
  void perModelThresholdsFormOneRuleThatComparesTheModels() throws IOException {
    CliRun result = run("--threshold", "a=0.5", "--threshold", "b=0.25");
    assertThat(result.exitCode()).as(result.err()).isZero();
    var json = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
    assertThat(json.at("/settings/operating_points/0").asText()).isEqualTo("thresholds a=0.5, b=0.25");
    assertThat(json.at("/decision_comparisons/0/decision_makers/0").asText()).isEqualTo("a");
    assertThat(json.at("/decision_comparisons/0/decision_makers/1").asText()).isEqualTo("b");
    assertThat(json.at("/models/b/operating_points/0/decision").asText()).isEqualTo("score >= 0.25");
  }

  @Test
  void twoThresholdsForOneModelAreRejected() throws IOException {
    CliRun result = run("--threshold", "a=0.5", "--threshold", "a=0.6");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--threshold gives model a two thresholds");
  }
}

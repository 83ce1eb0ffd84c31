package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demoWritesTheSyntheticCohortAndItsEvaluation() throws IOException {
    CliRun run = CliRun.of("demo", "--out", dir.toString(), "--cases", "20000", "--bootstrap", "200");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(dir.resolve("synthetic-cohort.csv")).exists();
    assertThat(dir.resolve("programme.yaml")).content().contains("reading: double", "arbitration: recorded");
    assertThat(dir.resolve("national-mix.csv")).content().startsWith("density,share\n");
    assertThat(run.out()).contains("Synthetic screening cohort (not real patients)", "$ radtrial evaluate", "model_a - model_b");
    JsonNode r = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    assertThat(r.at("/cohort/cases").asInt()).isEqualTo(20000);
    double prevalence = r.at("/cohort/prevalence").asDouble();
    assertThat(prevalence).isBetween(0.004, 0.011);
    assertThat(r.at("/models").size()).isEqualTo(3);
    assertThat(r.at("/comparisons").size()).isEqualTo(3);
    assertThat(r.at("/readers").size()).isEqualTo(2);
    assertThat(r.at("/cohort/metadata/density/counts").size()).isEqualTo(4);
    // The planted accuracy order holds on the whole cohort.
    assertThat(r.at("/models/model_a/auc/estimate").asDouble()).isGreaterThan(r.at("/models/model_c/auc/estimate").asDouble());
  }

  @Test
  void synthIsReproducibleBySeed() throws IOException {
    CliRun.of("synth", "--cases", "500", "--seed", "3", "--out", dir.resolve("a.csv").toString());
    CliRun.of("synth", "--cases", "500", "--seed", "3", "--out", dir.resolve("b.csv").toString());
    CliRun.of("synth", "--cases", "500", "--seed", "4", "--out", dir.resolve("c.csv").toString());
    assertThat(dir.resolve("a.csv")).hasSameTextualContentAs(dir.resolve("b.csv"));
    assertThat(java.nio.file.Files.readString(dir.resolve("a.csv"))).isNotEqualTo(java.nio.file.Files.readString(dir.resolve("c.csv")));
  }
}

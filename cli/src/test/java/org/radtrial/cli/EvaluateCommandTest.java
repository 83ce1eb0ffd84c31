package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvaluateCommandTest {
  @TempDir Path dir;

  private static final String TABLE = """
      id,truth,reader,model_a,model_b,site
      c1,1,1,0.9,0.3,s1
      c2,0,0,0.1,0.2,s1
      c3,0,1,0.6,0.1,s2
      c4,1,0,0.4,0.8,s2
      c5,0,0,0.2,0.5,s1
      c6,1,1,0.8,0.9,s2
      c7,0,0,0.3,0.4,s1
      c8,0,0,0.35,0.15,s2
      """;

  private Path table(String content) throws IOException {
    Path file = dir.resolve("cases.csv");
    Files.writeString(file, content);
    return file;
  }

  private CliRun evaluate(Path cases, String... extra) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--cases", cases.toString(), "--id", "id", "--truth", "truth",
        "--positive", "1", "--models", "model_a,model_b", "--out", dir.resolve("out").toString()));
    args.addAll(List.of(extra));
    if (!args.contains("--bootstrap")) {
      args.addAll(List.of("--bootstrap", "100"));
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  private JsonNode results() throws IOException {
    return new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
  }

  @Test
  void writesTheStableContractKeys() throws IOException {
    CliRun run = evaluate(table(TABLE), "--readers", "reader", "--ni-margin", "0.1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode r = results();
    assertThat(r.at("/cohort/cases").asInt()).isEqualTo(8);
    assertThat(r.at("/cohort/positives").asInt()).isEqualTo(3);
    assertThat(r.at("/cohort/negatives").asInt()).isEqualTo(5);
    assertThat(r.at("/models/model_a/auc/method").asText()).isEqualTo("DeLong");
    assertThat(r.at("/models/model_a/auc/ci")).hasSize(2);
    assertThat(r.at("/models/model_a/operating_points").isArray()).isTrue();
    assertThat(r.at("/comparisons/0/models/0").asText()).isEqualTo("model_a");
    for (String key : List.of("auc_difference", "ci", "z", "p", "p_holm", "method")) {
      assertThat(r.at("/comparisons/0").has(key)).as(key).isTrue();
    }
    for (String key : List.of("radtrial_version", "input_sha256", "seed", "command")) {
      assertThat(r.at("/provenance").has(key)).as(key).isTrue();
    }
    assertThat(r.at("/decision_comparisons/0/sensitivity/non_inferiority/margin").asDouble()).isEqualTo(0.1);
    assertThat(r.at("/readers/reader/sensitivity/estimate").asDouble()).isEqualTo(2 / 3.0);
    String report = Files.readString(dir.resolve("out/report.html"));
    assertThat(report).as("a pointwise sensitivity band per model in the ROC plot").containsPattern(
        "(?s)class=\"roc-band\".*class=\"roc-band\"");
    assertThat(report).contains("pointwise band");
    for (JsonNode point : r.at("/models/model_a/roc")) {
      double sensitivity = point.get("sensitivity").asDouble();
      assertThat(point.at("/sensitivity_ci/0").asDouble()).isLessThanOrEqualTo(sensitivity);
      assertThat(point.at("/sensitivity_ci/1").asDouble()).isGreaterThanOrEqualTo(sensitivity);
    }
  }

  @Test
  void theModelAtTheReadersSpecificityIsComparedWithTheReader() throws IOException {
    CliRun run = evaluate(table(TABLE), "--readers", "reader");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode r = results();
    // reader: specificity 4/5 (one false positive, c3); model_a at >= 0.8 specificity: threshold 0.4 (FP c3 only).
    JsonNode point = r.at("/models/model_a/operating_points/0");
    assertThat(point.get("rule").asText()).isEqualTo("specificity of reader");
    assertThat(point.get("threshold").asDouble()).isEqualTo(0.4);
    assertThat(point.at("/specificity/estimate").asDouble()).isEqualTo(0.8);
    assertThat(point.at("/sensitivity/estimate").asDouble()).isEqualTo(1.0);
    JsonNode versus = r.at("/decision_comparisons/0");
    assertThat(versus.at("/decision_makers/0").asText()).isEqualTo("model_a");
    assertThat(versus.at("/decision_makers/1").asText()).isEqualTo("reader");
    assertThat(versus.at("/sensitivity/only_first_correct").asInt()).isEqualTo(1); // c4
    assertThat(versus.at("/sensitivity/only_second_correct").asInt()).isZero();
    assertThat(versus.at("/sensitivity/mcnemar_exact_p").asDouble()).isEqualTo(1.0);
  }

  @Test
  void lowerIsPositiveFlipsTheAuc() throws IOException {
    assertThat(evaluate(table(TABLE)).exitCode()).isZero();
    double auc = results().at("/models/model_b/auc/estimate").asDouble();
    assertThat(evaluate(table(TABLE), "--lower-is-positive", "model_b").exitCode()).isZero();
    assertThat(results().at("/models/model_b/auc/estimate").asDouble()).isCloseTo(1 - auc, within(1e-15));
    assertThat(results().at("/models/model_b/higher_is_positive").asBoolean()).isFalse();
  }

  @Test
  void excludedMissingScoresAreCountedPerModel() throws IOException {
    CliRun run = evaluate(table(TABLE.replace("c5,0,0,0.2,", "c5,0,0,,")), "--missing", "exclude");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode r = results();
    assertThat(r.at("/models/model_a/excluded_missing").asInt()).isEqualTo(1);
    assertThat(r.at("/models/model_a/auc/negatives").asInt()).isEqualTo(4);
    assertThat(r.at("/models/model_b/excluded_missing").asInt()).isZero();
    assertThat(r.at("/comparisons/0/negatives").asInt()).isEqualTo(4);
    assertThat(r.at("/settings/missing").asText()).isEqualTo("exclude");
  }

  @Test
  void theSameSeedGivesTheSameBootstrapAndAnotherSeedAnother() throws IOException {
    Path cases = table(TABLE);
    evaluate(cases, "--seed", "5");
    JsonNode first = results().at("/models/model_a/auc_bootstrap");
    evaluate(cases, "--seed", "5");
    assertThat(results().at("/models/model_a/auc_bootstrap")).isEqualTo(first);
    evaluate(cases, "--seed", "6");
    // on 8 cases the AUC takes few values, so two seeds can share percentile bounds; the bootstrap SE tells them apart
    assertThat(results().at("/models/model_a/auc_bootstrap/se")).isNotEqualTo(first.get("se"));
  }

  @Test
  void bootstrapZeroSkipsIt() throws IOException {
    assertThat(evaluate(table(TABLE), "--bootstrap", "0").exitCode()).isZero();
    assertThat(results().at("/models/model_a").has("auc_bootstrap")).isFalse();
    assertThat(results().at("/models/model_a").has("auc")).isTrue();
  }

  @Nested
  class BadInput {
    @Test
    void exitsWithTwoAndALocatedMessageAndKeepsTheEarlierResults() throws IOException {
      Path out = dir.resolve("out");
      Files.createDirectories(out);
      Files.writeString(out.resolve("results.json"), "{\"earlier\": true}");
      CliRun run = evaluate(table(TABLE.replace("0.6", "n.a.")));
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("cases.csv, row 3, column 'model_a': 'n.a.' is not a number")
          .contains("the earlier results.json in " + out + " was kept as it was");
      assertThat(Files.readString(out.resolve("results.json"))).isEqualTo("{\"earlier\": true}");
      assertThat(Files.list(out).toList()).containsExactly(out.resolve("results.json"));
    }

    @Test
    void unknownModelInAThresholdIsRejected() throws IOException {
      CliRun run = evaluate(table(TABLE), "--threshold", "model_z=0.5");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--threshold model_z=0.5 names 'model_z', which is not one of the models");
    }

    @Test
    void missingRequiredOptionPrintsUsage() {
      CliRun run = CliRun.of("evaluate", "--cases", "x.csv");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("Missing required options", "--truth", "Usage: radtrial evaluate");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"evaluate", "audit", "report", "synth", "demo"})
  void everyCommandHasHelp(String command) {
    CliRun run = CliRun.of(command, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: radtrial " + command);
  }
}

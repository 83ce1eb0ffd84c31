package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radtrial simulate} end to end on the synthetic cohort. */
class SimulateCommandTest {
  @TempDir static Path dir;
  static CliRun run;
  static JsonNode results;

  static final String PROGRAMME = """
      reading: double
      arbitration: recorded
      minutes_per_read: 1.0
      minutes_per_arbitration: 3.0
      cost_per_recall: 250
      energy_per_recall_kwh: 2.5
      """;

  @BeforeAll
  static void simulate() throws IOException {
    CliRun.of("synth", "--cases", "30000", "--seed", "5", "--out", dir.resolve("cases.csv").toString());
    Files.writeString(dir.resolve("programme.yaml"), PROGRAMME);
    run = CliRun.of(args("--constraint", "recall_rate<=0.06,cdr>=baseline", "--threshold", "model_a=0.2", "--group", "density"));
    results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
  }

  static String[] args(String... extra) {
    List<String> args = new ArrayList<>(List.of("simulate", "--cases", dir.resolve("cases.csv").toString(), "--id", "case_id",
        "--truth", "cancer", "--positive", "1", "--models", "model_a,model_b", "--readers", "reader_1,reader_2",
        "--arbitration", "arbitration", "--programme", dir.resolve("programme.yaml").toString(), "--sweep", "10",
        "--bootstrap", "50", "--out", dir.resolve("out").toString()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void writesTheSimulationSection() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode s = results.get("simulation");
    assertThat(s.at("/programme/reading").asText()).isEqualTo("double");
    assertThat(s.at("/assumption/name").asText()).isEqualTo("calibrated");
    assertThat(s.at("/baseline/cdr/ci")).hasSize(2);
    JsonNode triage = s.at("/models/model_a/strategies/triage");
    assertThat(triage.size()).isEqualTo(s.at("/models/model_a/thresholds").size());
    assertThat(triage.get(0).at("/recall_rate/difference_ci")).hasSize(2);
    assertThat(s.at("/not_simulated/concurrent_assistance").asText()).contains("never recorded");
    assertThat(s.get("selections").size()).isPositive();
    assertThat(s.get("subgroups").size()).isPositive();
    assertThat(s.get("sensitivity").size()).isPositive();
    assertThat(results.at("/provenance/input_sha256").asText()).hasSize(64);
  }

  @Test
  void theUsersThresholdIsMarkedAndReported() {
    boolean found = false;
    for (JsonNode t : results.at("/simulation/models/model_a/thresholds")) {
      found |= t.get("user_given").asBoolean() && t.get("value").asDouble() == 0.2;
    }
    assertThat(found).isTrue();
    assertThat(run.out()).contains("given by the user");
  }

  @Test
  void aRefusedSettingNamesTheFlagTheUserTyped() {
    List<String> a = new ArrayList<>(List.of(args()));
    a.set(a.indexOf("--sweep") + 1, "0");
    a.set(a.indexOf("--out") + 1, dir.resolve("sweep0").toString());
    CliRun bad = CliRun.of(a.toArray(String[]::new));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("radtrial: --sweep: no thresholds are swept, so model model_a has no threshold");
  }

  @Test
  void aThresholdAboveEveryScoreIsWarnedAbout() {
    List<String> a = new ArrayList<>(List.of(args("--threshold", "model_a=31")));
    a.set(a.indexOf("--out") + 1, dir.resolve("above").toString());
    CliRun r = CliRun.of(a.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("radtrial: warning: --threshold model_a=31 lies above every score of model_a")
        .contains("it flags no case");
  }

  @Test
  void helpNamesEveryStrategy() {
    CliRun help = CliRun.of("simulate", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("baseline", "independent_reader", "replace_second_reader", "triage", "rule_out",
        "safety_net", "concurrent_assistance", "--assumption", "--constraint", "--threshold-by");
  }

  @Test
  void anUnknownProgrammeKeyIsNamed() throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), PROGRAMME + "minutes_per_reed: 2\n");
    List<String> a = new ArrayList<>(List.of(args()));
    a.set(a.indexOf(dir.resolve("programme.yaml").toString()), dir.resolve("bad.yaml").toString());
    CliRun bad = CliRun.of(a.toArray(String[]::new));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("bad.yaml, line 7: unknown programme key 'minutes_per_reed'; did you mean"
        + " 'minutes_per_read'? The keys are reading,").doesNotContain("column");
  }

  @Test
  void aYamlSyntaxErrorIsLocatedByLine() throws IOException {
    Files.writeString(dir.resolve("broken.yaml"), "reading: double\narbitration: [recorded\nminutes_per_read: 1\n");
    List<String> a = new ArrayList<>(List.of(args()));
    a.set(a.indexOf(dir.resolve("programme.yaml").toString()), dir.resolve("broken.yaml").toString());
    CliRun bad = CliRun.of(a.toArray(String[]::new));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).containsPattern("broken\\.yaml, line [34], column \\d+: is not valid YAML \\(")
        .contains("write one 'key: value' per line");
  }

  @Test
  void anUnknownGroupColumnIsNamedByTheOptionTyped() {
    CliRun bad = CliRun.of(args("--group", "densty"));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("column 'densty': no such column (named by --group)", "Did you mean 'density'?");
  }

  @Test
  void aMissingArbitrationColumnIsExplained() {
    List<String> a = new ArrayList<>(List.of(args()));
    int k = a.indexOf("--arbitration");
    a.remove(k);
    a.remove(k);
    CliRun bad = CliRun.of(a.toArray(String[]::new));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("arbitration is 'recorded', but no arbitration column was given");
  }

  @Test
  void perVendorCalibrationFlagsTheSameShareInEveryVendor() throws IOException {
    List<String> a = new ArrayList<>(List.of(args("--threshold-by", "vendor")));
    a.set(a.indexOf(dir.resolve("out").toString()), dir.resolve("by-vendor").toString());
    CliRun calibrated = CliRun.of(a.toArray(String[]::new));
    assertThat(calibrated.exitCode()).as(calibrated.err()).isZero();
    JsonNode r = new ObjectMapper().readTree(dir.resolve("by-vendor/results.json").toFile());
    assertThat(r.at("/simulation/models/model_a/thresholds/0/value").asDouble()).isBetween(0.0, 1.0);
    assertThat(r.at("/settings/threshold_by").asText()).isEqualTo("vendor");
  }
}

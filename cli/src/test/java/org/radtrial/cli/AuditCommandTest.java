package org.radtrial.cli;

import org.radtrial.report.ReportDom;
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

/** {@code radtrial audit} end to end on the synthetic cohort. */
class AuditCommandTest {
  @TempDir static Path dir;
  static CliRun run;
  static JsonNode results;
  static ReportDom report;

  @BeforeAll
  static void audit() throws IOException {
    Path cases = dir.resolve("cases.csv");
    Path other = dir.resolve("other.csv");
    CliRun.of("synth", "--cases", "100000", "--seed", "11", "--out", cases.toString());
    CliRun.of("synth", "--cases", "20000", "--seed", "12", "--without-weaknesses", "--out", other.toString());
    Path target = dir.resolve("target.csv");
    Files.writeString(target, "density,share\nA,0.1\nB,0.4\nC,0.4\nD,0.1\n");
    run = CliRun.of(args(cases, "--target-population", target.toString(), "--compare-with", other.toString()));
    results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
    report = ReportDom.read(dir.resolve("out/report.html"));
  }

  static String[] args(Path cases, String... extra) {
    List<String> args = new ArrayList<>(List.of("audit", "--cases", cases.toString(), "--id", "case_id", "--truth", "cancer",
        "--positive", "1", "--models", "model_a,model_b,model_c", "--readers", "reader_1,reader_2",
        "--group", "age,density,vendor,site,ethnicity", "--bootstrap", "0", "--out", dir.resolve("out").toString()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void writesTheEvaluationAndTheAuditSections() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(results.has("models")).isTrue();
    assertThat(results.has("comparisons")).isTrue();
    JsonNode audit = results.get("audit");
    assertThat(audit.get("operating_point").asText()).isEqualTo("specificity of reader_1");
    assertThat(audit.at("/thresholds/model_b").isNumber()).isTrue();
    assertThat(audit.at("/positives_needed/model_a").asInt()).isPositive();
    assertThat(audit.get("columns")).hasSize(5);
    assertThat(audit.at("/columns/0/band_cuts")).hasSize(4);
    assertThat(audit.get("subgroups").size()).isGreaterThan(100);
    assertThat(audit.get("heterogeneity").size()).isPositive();
    assertThat(audit.get("calibration").size()).isPositive();
    assertThat(audit.at("/confident_errors/0/metadata/density").isTextual()).isTrue();
    assertThat(results.fieldNames()).toIterable().last().isEqualTo("provenance");
  }

  @Test
  void everySubgroupRowShowsItsSizeAndUnderpoweredRowsAreNotTested() {
    for (JsonNode row : results.at("/audit/subgroups")) {
      assertThat(row.has("cases") && row.has("positives")).isTrue();
      if (row.get("underpowered").asBoolean()) {
        assertThat(row.get("gaps")).isEmpty();
        assertThat(row.get("minimum_detectable_difference").isNumber()).isEqualTo(row.get("positives").asInt() > 0);
      }
    }
  }

  @Test
  void thePlantedWeaknessesLeadModelBsFailureSlices() {
    List<String> rules = new ArrayList<>();
    for (JsonNode slice : results.at("/audit/failure_slices/discoveries")) {
      if (slice.get("model").asText().equals("model_b") && slice.get("error").asText().equals("false_negative")) {
        rules.add(slice.get("rule").asText());
      }
    }
    assertThat(rules.subList(0, 2)).containsExactlyInAnyOrder("density = D", "vendor = C");
    assertThat(run.out()).contains("density = D: ", "cancers missed", "Failure slices");
  }

  @Test
  void transportAndShiftAreReported() {
    JsonNode transport = results.at("/audit/transport");
    assertThat(transport.at("/columns/0").asText()).isEqualTo("density");
    assertThat(transport.at("/models/model_a/sensitivity/estimate").isNumber()).isTrue();
    assertThat(transport.at("/models/model_a/auc/ci")).hasSize(2);
    List<String> variables = new ArrayList<>();
    results.at("/audit/shift").forEach(s -> variables.add(s.get("variable").asText()));
    assertThat(variables).contains("density", "model_b");
    assertThat(run.out()).contains("Transported to the target population", "Shift from the reference cohort");
  }

  @Test
  void theReportShowsTheTransportedAccuracyAndTheShift() {
    JsonNode sensitivity = results.at("/audit/transport/models/model_a/sensitivity");
    String expected = String.format(java.util.Locale.ROOT, "%.1f%% (%.1f\u2013%.1f%%)", 100 * sensitivity.get("estimate").asDouble(),
        100 * sensitivity.at("/ci/0").asDouble(), 100 * sensitivity.at("/ci/1").asDouble());
    assertThat(report.text("//section[@id='other-populations']//tr[th='model_a' and td[1]='sensitivity']/td[3]"))
        .isEqualTo(expected);
    assertThat(report.count("//section[@id='other-populations']//table[caption[starts-with(., 'Standardized')]]/tbody/tr"))
        .isEqualTo(results.at("/audit/shift").size());
  }

  @Test
  void aCohortTooSmallToSearchItsGroupsForMissedCancersSaysSo() throws IOException {
    Path small = dir.resolve("small.csv");
    CliRun.of("synth", "--cases", "3000", "--seed", "2026", "--out", small.toString());
    CliRun run = CliRun.of("audit", "--cases", small.toString(), "--id", "case_id", "--truth", "cancer", "--positive", "1",
        "--models", "model_b", "--threshold", "model_b=0.2", "--group", "density,vendor", "--bootstrap", "0", "--out",
        dir.resolve("small").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("none found; the notes below say which groups this cohort is too small to search")
        .containsPattern("model_b: the cohort is too small to search \\d+ of its 7 single-column groups for missed cancers:"
            + " a slice needs at least \\d+ cancers before its miss rate is tested, and the cohort has \\d+"
            + " in all, so a weakness confined to a smaller group, e\\.g\\. [a-z]+ = \\w+ \\(\\d+\\), .*, cannot be found here; a group"
            + " holding 10% of the cancers could be searched in a similar cohort of about [\\d,]+ exams");
    JsonNode notes = new ObjectMapper().readTree(dir.resolve("small/results.json").toFile()).at("/audit/notes");
    assertThat(notes.toString()).contains("too small to search");
    assertThat(ReportDom.read(dir.resolve("small/report.html")).texts("//section[@id='key-findings']//li"))
        .anySatisfy(f -> assertThat(f).contains("found none where a model errs more than in the rest. The cohort is too"
            + " small to search many groups for missed cancers (see Notes)"));
  }

  @Test
  void anUnknownGroupColumnIsNamed() {
    CliRun bad = CliRun.of(replaceGroup(args(dir.resolve("cases.csv")), "age,densty"));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("column 'densty': no such column (named by --group)", "Did you mean 'density'?");
  }

  @Test
  void anUnknownColumnAlsoGivenToMetadataIsNamedByMetadata() {
    CliRun bad = CliRun.of(replaceGroup(args(dir.resolve("cases.csv"), "--metadata", "densty"), "age,densty"));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("column 'densty': no such column (named by --metadata)");
  }

  private static String[] replaceGroup(String[] args, String group) {
    for (int k = 0; k < args.length; k++) {
      if (args[k].equals("--group")) {
        args[k + 1] = group;
      }
    }
    return args;
  }

  @Test
  void aModelColumnOrARepeatedColumnIsNotAGroup() {
    CliRun model = CliRun.of(replaceGroup(args(dir.resolve("cases.csv")), "density,model_b"));
    assertThat(model.exitCode()).isEqualTo(2);
    assertThat(model.err()).contains("--group model_b is a model, reader, truth or id column");
    CliRun twice = CliRun.of(replaceGroup(args(dir.resolve("cases.csv")), "density,density"));
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("--group names density twice");
    CliRun many = CliRun.of(replaceGroup(args(dir.resolve("cases.csv")), "density,case_id"));
    assertThat(many.exitCode()).isEqualTo(2);
  }

  @Test
  void helpNamesEveryAuditOption() {
    CliRun help = CliRun.of("audit", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--group", "--bands", "--intersections", "--slice-depth", "--min-slice-cases", "--fdr",
        "--top-slices", "--confident-errors", "--target-population", "--compare-with", "underpowered");
  }
}

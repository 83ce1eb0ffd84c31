package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteSummaryAndPoolTest {
  @TempDir static Path dir;
  static final List<Path> SUMMARIES = new ArrayList<>();

  /** Three synthetic sites; each table gets an exam_date column, so that dates can be looked for. */
  @BeforeAll
  static void threeSites() throws IOException {
    for (int s = 0; s < 3; s++) {
      Path table = dir.resolve("site" + s + ".csv");
      CliRun synth = CliRun.of("synth", "--cases", "4000", "--seed", Integer.toString(11 + s), "--out", table.toString());
      assertThat(synth.exitCode()).as(synth.err()).isZero();
      withDates(table, 100 + s);
      Path out = dir.resolve("out" + s);
      CliRun run = siteSummary(table, "site-" + s, out);
      assertThat(run.exitCode()).as(run.err()).isZero();
      SUMMARIES.add(out.resolve("site-summary.json"));
    }
  }

  static CliRun siteSummary(Path table, String site, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("site-summary", "--site", site, "--cases", table.toString(), "--id", "case_id",
        "--truth", "cancer", "--positive", "1", "--models", "model_a,model_b", "--metadata", "age,density,vendor,ethnicity",
        "--threshold", "0.5", "--target-specificity", "0.9", "--out", out.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static void withDates(Path table, long seed) throws IOException {
    List<String> lines = Files.readAllLines(table);
    SplittableRandom random = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    out.add(lines.get(0) + ",exam_date");
    for (String line : lines.subList(1, lines.size())) {
      out.add(line + String.format(Locale.ROOT, ",2019-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)));
    }
    Files.write(table, out);
  }

  @Nested
  class SiteSummary {
    @Test
    void summaryHoldsNoCaseIdScoreOrDateOfTheInput() throws IOException {
      for (int s = 0; s < 3; s++) {
        // the software version ("0.1.0-SNAPSHOT") is a setting, and would match a score of 0.1
        String summary = Files.readString(SUMMARIES.get(s)).replaceFirst("\"radtrial_version\" : \"[^\"]*\"", "");
        List<String> lines = Files.readAllLines(dir.resolve("site" + s + ".csv"));
        List<String> header = List.of(lines.get(0).split(","));
        Set<String> values = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
          String[] cells = line.split(",");
          for (String column : List.of("case_id", "model_a", "model_b", "model_c", "exam_date")) {
            values.add(cells[header.indexOf(column)]);
          }
        }
        assertThat(values).hasSizeGreaterThan(4000);
        for (String value : values) {
          java.util.regex.Matcher found = java.util.regex.Pattern
              .compile("(?<![0-9.])" + java.util.regex.Pattern.quote(value) + "(?![0-9])").matcher(summary);
          assertThat(found.find() ? summary.substring(Math.max(0, found.start() - 60), Math.min(summary.length(), found.end() + 20)) : "")
              .as("site-summary.json of site %d must not contain the case value %s", s, value).isEmpty();
        }
      }
    }

    @Test
    void summaryCarriesAggregatesVersionSettingsAndItsHash() throws IOException {
      JsonNode summary = new ObjectMapper().readTree(SUMMARIES.get(0).toFile());
      assertThat(summary.path("format").asText()).isEqualTo("radtrial site summary");
      assertThat(summary.path("contains").asText()).contains("No case id, score, date");
      assertThat(summary.path("case_mix").path("cases").asInt()).isEqualTo(4000);
      assertThat(summary.path("models").get(0).path("auc_variance").asDouble()).isPositive();
      assertThat(summary.path("pairs").get(0).path("covariance").isNumber()).isTrue();
      JsonNode fixed = summary.path("models").get(0).path("operating_points").get(0);
      assertThat(fixed.path("agreed_threshold").asDouble()).isEqualTo(0.5);
      JsonNode own = summary.path("models").get(0).path("operating_points").get(1);
      assertThat(own.path("agreed_threshold").isNull()).as("a threshold the site's data chose is not shared").isTrue();
      assertThat(summary.path("settings").path("small_cell").asInt()).isEqualTo(5);
      assertThat(summary.path("content_sha256").asText()).hasSize(64);
    }

    @Test
    void smallSubgroupCountsAreWrittenAsLessThanKUnlessTheSiteOptsIn() throws IOException {
      Path table = dir.resolve("site0.csv");
      String hidden = Files.readString(SUMMARIES.get(0));
      assertThat(hidden).contains("\"<5\"");
      CliRun run = siteSummary(table, "site-0", dir.resolve("exact"), "--exact-small-cells");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(Files.readString(dir.resolve("exact/site-summary.json"))).doesNotContain("\"<5\"");
    }

    @Test
    void refusesAMetadataColumnWhoseLevelsWouldBeCaseValues() {
      CliRun run = CliRun.of("site-summary", "--site", "x", "--cases", dir.resolve("site0.csv").toString(), "--id", "case_id",
          "--truth", "cancer", "--positive", "1", "--models", "model_a", "--metadata", "exam_date", "--out",
          dir.resolve("dates").toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("exam_date", "leave it out of --metadata");
      assertThat(dir.resolve("dates/site-summary.json")).doesNotExist();
    }
  }

  @Nested
  class Pool {
    @Test
    void poolsEveryModelAndDifferenceWithPredictionIntervals() throws IOException {
      Path out = dir.resolve("pooled");
      List<String> args = new ArrayList<>(List.of("pool", "--out", out.toString(), "--sites"));
      SUMMARIES.forEach(p -> args.add(p.toString()));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("in a new hospital it is expected between");
      JsonNode pooled = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("pooled");
      assertThat(pooled.path("sites").size()).isEqualTo(3);
      JsonNode a = pooled.path("models").get(0);
      assertThat(a.path("k").asInt()).isEqualTo(3);
      double estimate = a.path("auc").path("estimate").asDouble();
      assertThat(estimate).isBetween(a.path("auc").path("ci_lower").asDouble(), a.path("auc").path("ci_upper").asDouble());
      assertThat(a.path("auc").path("prediction_lower").asDouble()).isLessThanOrEqualTo(a.path("auc").path("ci_lower").asDouble());
      assertThat(a.path("heterogeneity").path("i2").isNumber()).isTrue();
      JsonNode bivariate = a.path("bivariate").get(0);
      assertThat(bivariate.path("rule").asText()).isEqualTo("threshold 0.5");
      assertThat(bivariate.path("sensitivity").asDouble()).isBetween(bivariate.path("sensitivity_ci_lower").asDouble(),
          bivariate.path("sensitivity_ci_upper").asDouble());
      assertThat(bivariate.path("confidence_region").size()).isEqualTo(41);
      assertThat(bivariate.path("prediction_region").size()).isEqualTo(41);
      assertThat(bivariate.path("sroc_auc").asDouble()).isBetween(0.5, 1.0);
      assertThat(pooled.path("differences").size()).isEqualTo(1);
      assertThat(a.path("leave_one_out").size()).isEqualTo(3);
      String report = Files.readString(out.resolve("report.html"));
      assertThat(report).contains("Pooled across sites", "across 3 sites", "A new site", "Head-to-head across sites",
          "Sensitivity and specificity of model_a at the agreed threshold 0.5",
          "id=\"pooled-model_a\"");
      assertThat(a.path("leave_one_out").get(0).path("site_left_out").asText()).isEqualTo("site-0");
    }

    @Test
    void oneSiteOnlyStopsNamingTheFile() {
      CliRun run = CliRun.of("pool", "--out", dir.resolve("p1").toString(), "--sites", SUMMARIES.get(0).toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip().lines()).hasSize(1);
      assertThat(run.err()).contains("at least 2 site summaries", SUMMARIES.get(0).toString());
    }

    @Test
    void aFailedPoolKeepsTheEarlierResultsAndSaysSo() throws IOException {
      Path out = Files.createDirectories(dir.resolve("p-earlier"));
      Files.writeString(out.resolve("results.json"), "{\"earlier\": true}");
      Files.writeString(out.resolve("report.html"), "<p>earlier</p>");
      CliRun run = CliRun.of("pool", "--out", out.toString(), "--sites", SUMMARIES.get(0).toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("the earlier results.json and report.html in " + out + " were kept");
      assertThat(out.resolve("results.json")).hasContent("{\"earlier\": true}");
      assertThat(out.resolve("report.html")).hasContent("<p>earlier</p>");
    }

    @Test
    void aTamperedSummaryStopsNamingTheFile() throws IOException {
      Path tampered = dir.resolve("tampered.json");
      String text = Files.readString(SUMMARIES.get(1));
      JsonNode tree = new ObjectMapper().readTree(text);
      String auc = tree.path("models").get(0).path("auc").asText();
      Files.writeString(tampered, text.replaceFirst(java.util.regex.Pattern.quote(auc), "0.99"));
      CliRun run = CliRun.of("pool", "--out", dir.resolve("p2").toString(), "--sites", SUMMARIES.get(0).toString(), tampered.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip().lines()).hasSize(1);
      assertThat(run.err()).contains(tampered.toString(), "does not match its content_sha256");
    }

    @Test
    void differentSettingsStopNamingTheFile() throws IOException {
      Path other = dir.resolve("other-settings");
      CliRun made = siteSummary(dir.resolve("site1.csv"), "site-1", other, "--ci-level", "0.9");
      assertThat(made.exitCode()).as(made.err()).isZero();
      Path file = other.resolve("site-summary.json");
      CliRun run = CliRun.of("pool", "--out", dir.resolve("p3").toString(), "--sites", SUMMARIES.get(0).toString(), file.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains(file.toString(), "setting ci_level");
    }

    @Test
    void aThresholdOnAnotherScaleStopsNamingTheFile() throws IOException {
      Path other = dir.resolve("other-threshold");
      CliRun made = CliRun.of("site-summary", "--site", "site-1", "--cases", dir.resolve("site1.csv").toString(), "--id",
          "case_id", "--truth", "cancer", "--positive", "1", "--models", "model_a,model_b", "--threshold", "50",
          "--target-specificity", "0.9", "--out", other.toString());
      assertThat(made.exitCode()).as(made.err()).isZero();
      Path file = other.resolve("site-summary.json");
      CliRun run = CliRun.of("pool", "--out", dir.resolve("p4").toString(), "--sites", SUMMARIES.get(0).toString(), file.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains(file.toString(), "threshold 50.0", "same score scale");
    }

    @Test
    void aModelMissingAtASiteStopsNamingTheFile() throws IOException {
      Path other = dir.resolve("one-model");
      CliRun made = CliRun.of("site-summary", "--site", "site-1", "--cases", dir.resolve("site1.csv").toString(), "--id",
          "case_id", "--truth", "cancer", "--positive", "1", "--models", "model_a", "--threshold", "0.5",
          "--target-specificity", "0.9", "--out", other.toString());
      assertThat(made.exitCode()).as(made.err()).isZero();
      Path file = other.resolve("site-summary.json");
      CliRun run = CliRun.of("pool", "--out", dir.resolve("p5").toString(), "--sites", SUMMARIES.get(0).toString(), file.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains(file.toString(), "model model_b", "missing");
    }
  }

  @Nested
  class SyntheticConsortium {
    @Test
    void poolingTheSyntheticConsortiumFindsTheSiteWhereModelAFails() throws IOException {
      Path consortium = dir.resolve("consortium");
      CliRun synth = CliRun.of("synth", "--sites", "4", "--cases", "8000", "--seed", "5", "--out", consortium.toString());
      assertThat(synth.exitCode()).as(synth.err()).isZero();
      assertThat(synth.out()).contains("SYNTHETIC consortium of 4 sites", "model_a fails at the last site");
      List<String> args = new ArrayList<>(List.of("pool", "--out", dir.resolve("consortium-pooled").toString(), "--sites"));
      for (int s = 1; s <= 4; s++) {
        Path out = consortium.resolve("summary-" + s);
        CliRun run = CliRun.of("site-summary", "--site", "site-" + s, "--cases", consortium.resolve("site-" + s + ".csv").toString(),
            "--id", "case_id", "--truth", "cancer", "--positive", "1", "--models", "model_a,model_b,model_c",
            "--metadata", "density,vendor", "--threshold", "0.1", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        args.add(out.resolve("site-summary.json").toString());
      }
      CliRun pool = CliRun.of(args.toArray(String[]::new));
      assertThat(pool.exitCode()).as(pool.err()).isZero();
      JsonNode modelA = new ObjectMapper().readTree(dir.resolve("consortium-pooled/results.json").toFile())
          .at("/pooled/models/0");
      assertThat(modelA.path("name").asText()).isEqualTo("model_a");
      assertThat(modelA.at("/sites/3/auc").asDouble()).as("model_a at the failing site").isLessThan(0.7);
      assertThat(modelA.at("/sites/0/auc").asDouble()).isGreaterThan(0.8);
      double withoutFailing = modelA.at("/leave_one_out/3/auc").asDouble();
      for (int s = 0; s < 3; s++) {
        assertThat(withoutFailing).isGreaterThan(modelA.at("/leave_one_out/" + s + "/auc").asDouble());
      }
      assertThat(modelA.at("/auc/prediction_lower").asDouble()).isLessThan(modelA.at("/auc/ci_lower").asDouble());
    }
  }
}

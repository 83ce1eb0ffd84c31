package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code radtrial mrmc} end to end on the Van Dyke study (test resources copied from
 * /work/shared/data/vandyke; see the README there). The numbers written to results.json are checked
 * against OR-DBM MRMC 2.51's output (core/src/test/reference/vandyke/RJafroc_inst_Iowa_VanDyke.txt)
 * to the decimals it prints, through the whole command: reading, analysis and JSON.
 */
class MrmcCommandTest {
  @TempDir static Path dir;
  static CliRun run;
  static JsonNode results;

  static Path resource(String name) {
    try {
      return Path.of(MrmcCommandTest.class.getResource("vandyke/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static CliRun mrmc(Path ratings, String out, String... extra) {
    List<String> args = new ArrayList<>(List.of("mrmc", "--ratings", ratings.toString(), "--out", dir.resolve(out).toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  static JsonNode json(String out) throws IOException {
    return new ObjectMapper().readTree(dir.resolve(out).resolve("results.json").toFile());
  }

  private static Offset<Double> decimals(int d) {
    return within(0.5 * Math.pow(10, -d) + 1e-12);
  }

  @BeforeAll
  static void analyseVanDyke() throws IOException {
    run = mrmc(resource("vandyke.csv"), "csv", "--cut", "3", "--plan-readers", "10");
    results = json("csv");
  }

  @Test
  void succeedsAndPrintsTheTables() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("2 modalities x 5 readers x 114 cases (45 with disease, 69 without)")
        .contains("AUC per reader (trapezoidal)")
        .contains("OR RRRC   1 - 2  -0.044      [-0.088, 0.000]   t = -2.11  15.26  0.052")
        .contains("Obuchowski-Rockette variance components")
        .contains("Sensitivity at cut 3 per reader")
        .contains("10       163 (0.802)")
        .contains("Results: " + dir.resolve("csv").resolve("results.json"));
  }

  @Test
  void writesEveryReadersAucAndRocCurve() {
    JsonNode readers = results.at("/mrmc/readers");
    assertThat(readers).hasSize(10);
    // OR-DBM MRMC, "TREATMENT x READER AUC ESTIMATES".
    double[] printed = {0.91964573, 0.85877617, 0.90386473, 0.97310789, 0.82979066,
        0.94782609, 0.90531401, 0.92173913, 0.99935588, 0.92995169};
    for (int k = 0; k < 10; k++) {
      JsonNode r = readers.get(k);
      assertThat(r.get("modality").asText()).isEqualTo(k < 5 ? "1" : "2");
      assertThat(r.get("reader").asText()).isEqualTo(String.valueOf(k % 5 + 1));
      assertThat(r.get("auc").asDouble()).isCloseTo(printed[k], decimals(8));
      JsonNode roc = r.get("roc");
      assertThat(roc.get(0).get("threshold").isNull()).isTrue();
      assertThat(roc.get(0).get("sensitivity").asDouble()).isZero();
      assertThat(roc.get(roc.size() - 1).get("specificity").asDouble()).isZero();
    }
  }

  @Test
  void writesTheModalityDifferenceWithItsInterval() {
    // OR-DBM MRMC, Analysis 1 (b).
    JsonNode c = results.at("/mrmc/comparisons/0");
    assertThat(c.at("/modalities/0").asText()).isEqualTo("1");
    assertThat(c.get("difference").asDouble()).isCloseTo(-0.04380, decimals(5));
    assertThat(c.get("se").asDouble()).isCloseTo(0.02075, decimals(5));
    assertThat(c.get("df").asDouble()).isCloseTo(15.26, decimals(2));
    assertThat(c.get("p").asDouble()).isCloseTo(0.0517, decimals(4));
    assertThat(c.at("/ci/0").asDouble()).isCloseTo(-0.08796, decimals(5));
    assertThat(c.at("/ci/1").asDouble()).isCloseTo(0.00036, decimals(5));
    assertThat(c.get("method").asText()).contains("jackknife").contains("Hillis");
  }

  @Test
  void writesTheAnalysesOfEveryGeneralization() {
    JsonNode or = results.at("/mrmc/auc/obuchowski_rockette");
    assertThat(or.at("/variance_components/cov2").asDouble()).isCloseTo(0.00034407, decimals(8));
    assertThat(or.at("/rrrc/test/statistic").asDouble()).isCloseTo(4.46, decimals(2));
    // Analysis 2 (a): chi-square, infinite ddf written as null.
    assertThat(or.at("/frrc/test/distribution").asText()).isEqualTo("chi-square");
    assertThat(or.at("/frrc/test/statistic").asDouble()).isCloseTo(5.47595, decimals(5));
    assertThat(or.at("/frrc/test/ddf").isNull()).isTrue();
    assertThat(or.at("/frrc/readers")).hasSize(5);
    assertThat(or.at("/rrfc/test/p").asDouble()).isCloseTo(0.0420, decimals(4));
    assertThat(results.at("/mrmc/auc/dbm/fixed_readers_random_cases").isMissingNode()).isTrue();
    assertThat(results.at("/mrmc/auc/dbm/frrc/test/ddf").asDouble()).isEqualTo(113);
    assertThat(results.at("/mrmc/sensitivity/figure_of_merit").asText()).isEqualTo("sensitivity at cut 3");
    assertThat(results.at("/mrmc/sample_size/plans/0/rrrc/cases").asInt()).isEqualTo(163);
  }

  @Test
  void writesSettingsAndProvenance() throws IOException {
    assertThat(results.at("/settings/covariance").asText()).isEqualTo("jackknife");
    assertThat(results.at("/settings/cut").asDouble()).isEqualTo(3);
    assertThat(results.at("/settings/input_format").asText()).isEqualTo("table");
    JsonNode p = results.get("provenance");
    assertThat(p.get("input_sha256").asText()).isEqualTo("8fa674a62a4d5808c58dbb651a1280b24580ecca1d265245cf1cd9d41abcc1d6");
    assertThat(p.get("seed").isNull()).isTrue();
    assertThat(p.get("command").asText()).startsWith("radtrial mrmc --ratings ").contains("--cut 3");
    assertThat(p.get("radtrial_version").asText()).isNotBlank();
    assertThat(results.fieldNames()).toIterable().containsExactly("schema_version", "mrmc", "settings", "provenance");
    assertThat(Files.list(dir.resolve("csv")).map(f -> f.getFileName().toString()).sorted())
        .containsExactly("report.html", "results.json");
  }

  @Test
  void theImrmcAndLrcFilesGiveTheSameComparison() throws IOException {
    for (String file : List.of("RJafroc_dataset02.imrmc", "RJafroc_VD.lrc")) {
      String out = file.replace('.', '_');
      CliRun other = mrmc(resource(file), out);
      assertThat(other.exitCode()).as(other.err()).isZero();
      JsonNode c = json(out).at("/mrmc/comparisons/0");
      JsonNode expected = results.at("/mrmc/comparisons/0");
      for (String key : List.of("difference", "se", "df", "p")) {
        assertThat(c.get(key).asDouble()).as(file + " " + key).isCloseTo(expected.get(key).asDouble(), within(1e-12));
      }
      assertThat(json(out).at("/settings/input_format").asText()).isEqualTo(file.endsWith("lrc") ? "lrc" : "imrmc");
    }
  }

  @Test
  void delongCovariancesAreNamedInTheResults() throws IOException {
    CliRun delong = mrmc(resource("vandyke.csv"), "delong", "--covariance", "DeLong");
    assertThat(delong.exitCode()).as(delong.err()).isZero();
    JsonNode r = json("delong");
    assertThat(r.at("/mrmc/auc/obuchowski_rockette/covariance_method").asText()).isEqualTo("DeLong");
    // src/test/reference/vandyke_or_delong.out (core): rrrc_p 0.0512330308248.
    assertThat(r.at("/mrmc/comparisons/0/p").asDouble()).isCloseTo(0.0512330308248, within(1e-12));
  }

  @Test
  void theStandaloneReaderIsComparedWithTheHumans() throws IOException {
    Path withAi = dir.resolve("with-ai.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(resource("vandyke.csv")));
    // The AI alone: reader 4's modality-2 ratings, as a modality of its own.
    lines.stream().skip(1).filter(l -> l.startsWith("4,2,")).map(l -> "AI,AI alone," + l.substring(4)).toList().forEach(lines::add);
    Files.write(withAi, lines);
    CliRun ai = mrmc(withAi, "ai", "--standalone-reader", "AI");
    assertThat(ai.exitCode()).as(ai.err()).isZero();
    JsonNode r = json("ai");
    assertThat(r.at("/mrmc/design/modalities")).hasSize(2);
    assertThat(r.at("/mrmc/design/standalone_reader").asText()).isEqualTo("AI");
    assertThat(r.at("/mrmc/readers/10/modality").isNull()).isTrue();
    assertThat(r.at("/mrmc/readers/10/auc").asDouble()).isCloseTo(0.99935588, decimals(8));
    JsonNode s = r.at("/mrmc/auc/standalone/0");
    assertThat(s.get("modality").asText()).isEqualTo("1");
    assertThat(s.at("/rrrc/difference").asDouble()).isCloseTo(0.89703704 - 0.99935588, within(1e-8));
    assertThat(s.at("/rrrc/modalities/1").asText()).isEqualTo("AI");
    assertThat(ai.out()).contains("Human readers against the stand-alone reader, AUC").contains("AI (stand-alone)");
  }

  @Test
  void writesTheReportBesideResultsAndRadtrialReportGivesTheSameBytes() throws IOException {
    Path report = dir.resolve("csv").resolve("report.html");
    assertThat(report).exists();
    assertThat(run.out()).contains("Report:  " + report);
    Path again = dir.resolve("again.html");
    CliRun r = CliRun.of("report", "--results", dir.resolve("csv").resolve("results.json").toString(), "--out", again.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readString(again)).isEqualTo(Files.readString(report));
    assertThat(Files.readString(report)).contains("id=\"reader-study\"");
  }

  @Test
  void noReportWritesOnlyResultsJson() {
    CliRun r = mrmc(resource("vandyke.csv"), "no-report", "--no-report");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(dir.resolve("no-report").resolve("results.json")).exists();
    assertThat(dir.resolve("no-report").resolve("report.html")).doesNotExist();
    assertThat(r.out()).doesNotContain("Report:");
  }

  @Test
  void unbiasedCovariancesAreNamedInTheResults() throws IOException {
    CliRun unbiased = mrmc(resource("vandyke.csv"), "unbiased", "--covariance", "unbiased");
    assertThat(unbiased.exitCode()).as(unbiased.err()).isZero();
    JsonNode r = json("unbiased");
    assertThat(r.at("/mrmc/auc/obuchowski_rockette/covariance_method").asText()).isEqualTo("unbiased");
    assertThat(r.at("/settings/covariance").asText()).isEqualTo("unbiased");
    // MRMCaov's published cov = unbiased analysis of VanDyke (core/src/test/reference/mrmcaov): p-value 0.0511618, df 15.03418.
    assertThat(r.at("/mrmc/comparisons/0/p").asDouble()).isCloseTo(0.0511618, decimals(7));
    assertThat(r.at("/mrmc/comparisons/0/df").asDouble()).isCloseTo(15.03418, decimals(5));
    assertThat(unbiased.out()).contains("Obuchowski-Rockette (unbiased covariance)");
  }

  @Test
  void aSplitPlotStudyIsRecognisedAndAnalysedEndToEnd() throws IOException {
    // The worked example of docs/mrmc.md: readers 1-2 read the odd cases, 3-5 the even ones.
    Path split = dir.resolve("split.csv");
    List<String> lines = new ArrayList<>(List.of("reader,modality,case,truth,rating"));
    for (String line : Files.readAllLines(resource("vandyke.csv")).subList(1, 1141)) {
      String[] f = line.split(",");
      boolean oddCase = Integer.parseInt(f[2]) % 2 == 1;
      if (oddCase == (f[0].equals("1") || f[0].equals("2"))) {
        lines.add(line);
      }
    }
    Files.write(split, lines);
    CliRun r = mrmc(split, "split", "--cut", "3");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = json("split");
    assertThat(j.at("/mrmc/design/layout").asText()).isEqualTo("split-plot");
    assertThat(j.at("/mrmc/design/blocks")).hasSize(2);
    assertThat(j.at("/mrmc/design/blocks/1/readers").toString()).isEqualTo("[\"3\",\"4\",\"5\"]");
    assertThat(j.at("/mrmc/design/blocks/1/cases").asInt()).isEqualTo(57);
    assertThat(j.at("/mrmc/auc/dbm").isNull()).isTrue();
    // core/src/test/reference/vandyke_split_plot.out: F 3.72069300556813, ddf 6.07994018301952, p 0.101361966774894.
    assertThat(j.at("/mrmc/auc/obuchowski_rockette/rrrc/test/statistic").asDouble()).isCloseTo(3.72069300556813, within(1e-9));
    assertThat(j.at("/mrmc/comparisons/0/df").asDouble()).isCloseTo(6.07994018301952, within(1e-9));
    assertThat(j.at("/mrmc/comparisons/0/p").asDouble()).isCloseTo(0.101361966774894, within(1e-9));
    assertThat(r.out()).contains("Split-plot design, 2 blocks").doesNotContain("DBM RRRC");
    assertThat(dir.resolve("split").resolve("report.html")).exists();
  }

  @Nested
  class Help {
    @Test
    void documentsEveryOption() {
      CliRun help = CliRun.of("mrmc", "--help");
      assertThat(help.exitCode()).isZero();
      List<OptionSpec> options = Radtrial.commandLine().getSubcommands().get("mrmc").getCommandSpec().options();
      assertThat(options).hasSizeGreaterThan(20);
      for (OptionSpec option : options) {
        assertThat(help.out()).as(option.longestName()).contains(option.longestName());
        assertThat(String.join(" ", option.description())).as(option.longestName()).hasSizeGreaterThan(10);
      }
      assertThat(help.out()).contains("docs/mrmc.md").contains("Exit codes");
    }
  }

  @Nested
  class BadInput {
    private void assertRejected(CliRun r, String out, String... fragments) {
      assertThat(r.exitCode()).as(r.out()).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).startsWith("radtrial: ").contains(fragments);
      assertThat(dir.resolve(out).resolve("results.json")).doesNotExist();
    }

    private Path table(String name, Stream<String> lines) throws IOException {
      Path file = dir.resolve(name);
      Files.write(file, lines.toList());
      return file;
    }

    private Stream<String> vanDyke() throws IOException {
      return Files.readAllLines(resource("vandyke.csv")).stream();
    }

    @Test
    void anUnbalancedDesignIsOneLocatedLineAndTheEarlierResultsAreKept() throws IOException {
      Files.createDirectories(dir.resolve("bad"));
      Files.writeString(dir.resolve("bad/results.json"), "{\"earlier\": true}");
      Path file = table("unbalanced.csv", vanDyke().filter(l -> !l.equals("3,2,17,0,2")));
      CliRun r = mrmc(file, "bad");
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err().strip()).isEqualTo("radtrial: " + file + ": unbalanced design: reader '3' has no rating of case"
          + " '17' in modality '2' (the case appears in rows 17, 131, 245, 359, 473 and 4 more); every reader must rate every"
          + " case in every modality (a fully crossed design), or the readers must fall into blocks that each read their own"
          + " cases (split plot): add the missing readings, or remove the reader or the cases;"
          + " nothing was written: the"
          + " earlier results.json in " + dir.resolve("bad") + " was kept as it was");
      assertThat(Files.readString(dir.resolve("bad/results.json"))).isEqualTo("{\"earlier\": true}");
    }

    @Test
    void aDuplicateReadingNamesBothRows() throws IOException {
      Path file = table("duplicate.csv", Stream.concat(vanDyke(), Stream.of("1,1,5,0,3")));
      assertRejected(mrmc(file, "dup"), "dup", file + ", row 1141: repeats the reading of case '5' by reader '1' in"
          + " modality '1' already given in row 5");
    }

    @Test
    void aCaseWithTwoTruthsNamesBothRows() throws IOException {
      Path file = table("truth.csv", vanDyke().map(l -> l.equals("2,1,7,0,2") ? "2,1,7,1,2" : l));
      assertRejected(mrmc(file, "truth"), "truth", "truth.csv, row 121: case '7' has truth '1' here but '0' in row 7");
    }

    @Test
    void aNonNumericRatingNamesRowAndColumn() throws IOException {
      Path file = table("text.csv", vanDyke().map(l -> l.equals("1,1,3,0,2") ? "1,1,3,0,two" : l));
      assertRejected(mrmc(file, "text"), "text", file + ", row 3, column 'rating': 'two' is not a number");
    }

    @Test
    void anUnknownColumnSuggestsTheClosest() {
      assertRejected(mrmc(resource("vandyke.csv"), "column", "--reader-column", "Reader"), "column",
          "column 'Reader': no such column (named by --reader-column)", "Did you mean 'reader'?");
    }

    @Test
    void planningOptionsWithoutReadersAreRejected() {
      assertRejected(mrmc(resource("vandyke.csv"), "plan", "--plan-effect", "0.05"), "plan",
          "--plan-effect needs --plan-readers");
    }

    @Test
    void aSplitPlotStudyWithTheDeLongCovarianceIsRefusedWithTheFix() throws IOException {
      Path file = table("split-delong.csv", vanDyke().filter(l -> l.startsWith("reader") || (Integer.parseInt(l.split(",")[2])
          % 2 == 1) == (l.startsWith("1,") || l.startsWith("2,"))));
      assertRejected(mrmc(file, "split-delong", "--covariance", "delong"), "split-delong",
          "fully crossed studies only; use --covariance jackknife or unbiased for a split-plot study");
    }

    @Test
    void anUnknownCovarianceMethodIsRejectedByName() {
      CliRun r = mrmc(resource("vandyke.csv"), "cov", "--covariance", "bootstrap");
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("--covariance").contains("bootstrap");
    }
  }
}

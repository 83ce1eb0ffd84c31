package org.radtrial.cli;

import org.radtrial.report.ReportDom;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report that 'radtrial simulate' writes beside its results.json, checked against that
 * results.json: every model and strategy, at every threshold of interest, with the numbers of
 * results.json (formatted here independently of the report's code).
 */
class SimulateReportTest {
  private static final String MINUS = "\u2212";

  @TempDir static Path dir;
  static CliRun run;
  static JsonNode results;
  static JsonNode sim;
  static ReportDom report;

  @BeforeAll
  static void simulate() throws IOException {
    CliRun.of("synth", "--cases", "20000", "--seed", "11", "--out", dir.resolve("cases.csv").toString());
    Files.writeString(dir.resolve("programme.yaml"), SimulateCommandTest.PROGRAMME);
    run = CliRun.of(args("out", "--threshold", "model_a=0.2", "--constraint", "recall_rate<=0.05,cdr>=baseline", "--group",
        "density"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
    sim = results.get("simulation");
    report = ReportDom.read(dir.resolve("out/report.html"));
  }

  static String[] args(String out, String... extra) {
    List<String> args = new ArrayList<>(List.of("simulate", "--cases", dir.resolve("cases.csv").toString(), "--id", "case_id",
        "--truth", "cancer", "--positive", "1", "--models", "model_a,model_b", "--readers", "reader_1,reader_2",
        "--arbitration", "arbitration", "--programme", dir.resolve("programme.yaml").toString(), "--sweep", "8",
        "--bootstrap", "30", "--out", dir.resolve(out).toString()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  static String dec(double x, int digits) {
    String s = String.format(Locale.ROOT, "%." + digits + "f", x);
    return (s.matches("-0\\.?0*") ? s.substring(1) : s).replace("-", MINUS);
  }

  static String grouped(double x, int digits) {
    String s = String.format(Locale.ROOT, "%,." + digits + "f", x);
    return (s.matches("-[0,]*\\.?0*") ? s.substring(1) : s).replace("-", MINUS);
  }

  static String signed(String s) {
    return s.startsWith(MINUS) || s.matches("[0,]*\\.?0*") ? s : "+" + s;
  }

  static String range(String lo, String hi) {
    return lo.startsWith(MINUS) || hi.startsWith(MINUS) ? lo + " to " + hi : lo + "\u2013" + hi;
  }

  /** "5.73 (5.26–6.21) Δ +0.01 (−0.04 to 0.06)" with the scale, decimals and grouping of the metric. */
  static String cell(JsonNode m, double scale, int digits, boolean group, String suffix, boolean difference) {
    java.util.function.DoubleFunction<String> f = x -> group ? grouped(scale * x, digits) : dec(scale * x, digits);
    String value = f.apply(m.get("estimate").asDouble()) + suffix + " (" + range(f.apply(m.at("/ci/0").asDouble()),
        f.apply(m.at("/ci/1").asDouble())) + suffix + ")";
    if (!difference) {
      return value;
    }
    return value + " \u0394 " + signed(f.apply(m.get("difference_vs_baseline").asDouble())) + " ("
        + range(f.apply(m.at("/difference_ci/0").asDouble()), f.apply(m.at("/difference_ci/1").asDouble())) + ")";
  }

  static String threshold(JsonNode t) {
    String value = new BigDecimal(t.get("value").asDouble()).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    double rate = 100 * t.get("flag_rate").asDouble();
    return value + " (flags " + dec(rate, rate < 10 ? 2 : 1) + "%)";
  }

  /** The thresholds of interest the simulation recorded in results.json for this model and strategy. */
  static List<Integer> interest(String model, String strategy) {
    List<Integer> chosen = new ArrayList<>();
    sim.at("/models/" + model + "/thresholds_of_interest/" + strategy).forEach(t -> chosen.add(t.get("index").asInt()));
    assertThat(chosen).as("thresholds of interest of %s, %s", model, strategy).isNotEmpty();
    return chosen;
  }

  @Test
  void simulateWritesTheReportBesideResultsJsonAndSaysWhere() {
    assertThat(run.out()).contains("Results: " + dir.resolve("out/results.json"), "Report:  " + dir.resolve("out/report.html"));
    assertThat(report.texts("//main/section/@id")).contains("simulation", "methods", "checklist");
  }

  @Test
  void everyModelAndStrategyIsShownAtItsThresholdsOfInterestWithTheNumbersOfResultsJson() {
    List<String> strategies = List.of("independent_reader", "replace_second_reader", "triage", "rule_out", "safety_net");
    for (String model : List.of("model_a", "model_b")) {
      assertThat(sim.at("/models/" + model + "/strategies").size()).isEqualTo(strategies.size());
      List<ReportDom.Row> rows = report.rows("//section[@id='simulation']//table[starts-with(caption, '" + model
          + " in each role')]/tbody/tr");
      assertThat(rows.get(0).header()).isEqualTo("baseline");
      assertThat(rows.get(0).cells().get(1)).isEqualTo(cell(sim.at("/baseline/cdr"), 1, 2, false, "", false));
      int r = 1;
      for (String strategy : strategies) {
        for (int j : interest(model, strategy)) {
          JsonNode p = sim.at("/models/" + model + "/strategies/" + strategy + "/" + j);
          ReportDom.Row row = rows.get(r++);
          assertThat(row.header()).isEqualTo(strategy);
          assertThat(row.cells().get(0)).isEqualTo(threshold(sim.at("/models/" + model + "/thresholds/" + j)));
          assertThat(row.cells().get(1)).as("CDR").isEqualTo(cell(p.get("cdr"), 1, 2, false, "", true));
          assertThat(row.cells().get(2)).as("recall rate").isEqualTo(cell(p.get("recall_rate"), 100, 2, false, "%", true));
          assertThat(row.cells().get(3)).as("PPV").isEqualTo(cell(p.get("ppv"), 100, 1, false, "%", true));
          assertThat(row.cells().get(4)).as("missed").isEqualTo(cell(p.get("missed_vs_baseline"), 1, 1, true, "", false));
          assertThat(row.cells().get(5)).as("hours").isEqualTo(cell(p.get("reading_hours"), 1, 1, true, "", true));
          JsonNode w = p.get("workload_change_pct");
          assertThat(row.cells().get(6)).as("workload").isEqualTo(signed(dec(w.get("estimate").asDouble(), 1)) + "% ("
              + range(dec(w.at("/ci/0").asDouble(), 1), dec(w.at("/ci/1").asDouble(), 1)) + "%)");
          assertThat(row.cells().get(7)).as("why").isNotBlank();
        }
      }
      assertThat(rows).hasSize(r);
    }
    assertThat(report.count("//*[@id='tradeoff-0']//*[@class='tradeoff-line']")).isEqualTo(strategies.size());
    assertThat(report.count("//*[@id='tradeoff-1']//*[@class='tradeoff-line']")).isEqualTo(strategies.size());
  }

  @Test
  void theBaselineTheAssumptionAndTheStrategyNotSimulatedAreShownAsInResultsJson() {
    String baseline = "//section[@id='simulation']//table[caption='Every strategy is compared with these numbers, on the same"
        + " exams']/tbody";
    assertThat(report.text(baseline + "/tr[th='Reading hours']/td")).isEqualTo(cell(sim.at("/baseline/reading_hours"), 1, 1,
        true, "", false));
    assertThat(report.text(baseline + "/tr[th='Recall rate (women recalled per exam)']/td"))
        .isEqualTo(cell(sim.at("/baseline/recall_rate"), 100, 2, false, "%", false));
    String assumption = "//section[@id='simulation']//table[thead/tr/th='assumption']/tbody";
    assertThat(report.text(assumption + "/tr[th='Name']/td")).isEqualTo(sim.at("/assumption/name").asText());
    assertThat(report.text(assumption + "/tr[th='Source']/td")).isEqualTo(sim.at("/assumption/source").asText());
    assertThat(report.text("//section[@id='simulation']//tr[th='concurrent_assistance']/td[2]"))
        .isEqualTo("not simulated: " + sim.at("/not_simulated/concurrent_assistance").asText());
  }

  @Test
  void keyFindingsCallADifferenceInDetectionOnlyWhenItsIntervalExcludesZero() {
    List<String> findings = report.texts("//section[@id='key-findings']//li");
    for (String model : List.of("model_a", "model_b")) {
      for (String strategy : List.of("independent_reader", "triage", "rule_out")) {
        for (int j : interest(model, strategy)) {
          JsonNode cdr = sim.at("/models/" + model + "/strategies/" + strategy + "/" + j + "/cdr");
          String value = new BigDecimal(sim.at("/models/" + model + "/thresholds/" + j + "/value").asDouble())
              .round(new MathContext(4)).stripTrailingZeros().toPlainString();
          String f = findings.stream().filter(x -> x.contains(model + " as " + strategy + " (threshold " + value + ","))
              .findFirst().orElseThrow();
          boolean shown = cdr.at("/difference_ci/0").asDouble() > 0 || cdr.at("/difference_ci/1").asDouble() < 0;
          if (shown) {
            assertThat(f).startsWith("difference shown").contains(cdr.get("difference_vs_baseline").asDouble() > 0
                ? "detects more cancers" : "detects fewer cancers");
          } else {
            assertThat(f).startsWith("not shown").contains("no difference in cancer detection is shown")
                .doesNotContain("detects more", "detects fewer");
          }
        }
      }
    }
  }

  @Test
  void theMethodsNameTheBootstrapSeedAssumptionAndTheCommand() {
    String methods = report.text("//section[@id='methods']");
    assertThat(methods).contains("30 replicates resampling exams", "seed 1", "assumption \u201Ccalibrated\u201D",
        "--constraint 'recall_rate<=0.05,cdr>=baseline'", results.at("/provenance/input_sha256").asText());
  }

  @Test
  void theReportCommandWritesTheSameBytesFromResultsJson() throws IOException {
    Path again = dir.resolve("again.html");
    CliRun report = CliRun.of("report", "--results", dir.resolve("out/results.json").toString(), "--out", again.toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(Files.readString(again)).isEqualTo(Files.readString(dir.resolve("out/report.html")));
  }

  @Test
  void aFollowUpWindowWithoutDiagnosisMonthsIsNotClaimedAndAZeroCostIsShownAsZero() throws IOException {
    Files.writeString(dir.resolve("window.yaml"), SimulateCommandTest.PROGRAMME + "follow_up_months: 24\ncost_per_reading_hour: 0\n");
    List<String> a = new ArrayList<>(List.of(args("window")));
    a.set(a.indexOf(dir.resolve("programme.yaml").toString()), dir.resolve("window.yaml").toString());
    CliRun window = CliRun.of(a.toArray(String[]::new));
    assertThat(window.exitCode()).as(window.err()).isZero();
    ReportDom page = ReportDom.read(dir.resolve("window/report.html"));
    String programme = "//section[@id='simulation']//table[caption[starts-with(., 'The programme')]]";
    assertThat(page.text(programme + "//tr[th='Follow-up for cancers']/td")).isEqualTo("24 months in the programme, not"
        + " applied (no --diagnosis-months column was given): every cancer in the case table counts");
    assertThat(page.text(programme + "//tr[th='Cost per reading hour']/td")).isEqualTo("0 (not counted)");
    assertThat(String.join(" ", page.texts("//p"))).doesNotContain("window of 24 months", "24 months)");
  }

  @Test
  void theCalibratedAssumptionsUncertaintyIsDescribedWithoutContradiction() {
    String text = String.join(" ", report.texts("//p | //li"));
    assertThat(sim.at("/assumption/name").asText()).isEqualTo("calibrated");
    assertThat(text).contains("The bootstrap intervals include the sampling uncertainty of the calibrated probabilities")
        .doesNotContain("do not include the uncertainty of this assumption");
  }

  @Test
  void noReportWritesOnlyResultsJson() {
    CliRun quiet = CliRun.of(args("quiet", "--no-report"));
    assertThat(quiet.exitCode()).as(quiet.err()).isZero();
    assertThat(dir.resolve("quiet/results.json")).exists();
    assertThat(dir.resolve("quiet/report.html")).doesNotExist();
    assertThat(quiet.out()).doesNotContain("Report:");
  }

  @Test
  void aFailedRunKeepsTheReportOfAnEarlierOne() throws IOException {
    Path out = dir.resolve("stale");
    Files.createDirectories(out);
    Files.writeString(out.resolve("report.html"), "<p>old</p>");
    List<String> a = new ArrayList<>(List.of(args("stale")));
    a.set(a.indexOf(dir.resolve("cases.csv").toString()), dir.resolve("no-such.csv").toString());
    CliRun failed = CliRun.of(a.toArray(String[]::new));
    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(failed.err()).contains("the earlier report.html in " + out + " was kept as it was");
    assertThat(Files.readString(out.resolve("report.html"))).isEqualTo("<p>old</p>");
  }

  @Test
  void helpNamesNoReport() {
    assertThat(CliRun.of("simulate", "--help").out()).contains("--no-report", "OUT/report.html");
  }
}

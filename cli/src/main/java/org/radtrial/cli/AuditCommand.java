package org.radtrial.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radtrial.core.audit.AuditSpec;
import org.radtrial.core.cohort.Bands;
import org.radtrial.io.TargetPopulationReader;
import org.radtrial.run.ResultsFolder;
import org.radtrial.run.RunOutcome;
import org.radtrial.run.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial audit}: for whom each model fails, where, and how sure we are. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Audit every model per subgroup at the single threshold it would be deployed with (the first operating"
          + " point: --threshold MODEL=VALUE for each model, or a target or reader rule).",
      "Per subgroup of each --group column (and pairs of columns): n, positives, AUC with DeLong CI, sensitivity,"
          + " specificity, false-positive rate, recall rate and PPV with CIs; gaps to the overall value (tested)"
          + " and to the best group (shown); heterogeneity tests; equalized-odds difference; Benjamini-Hochberg q.",
      "Subgroups with too few positives to estimate sensitivity within +/-10 points are flagged underpowered,"
          + " shown with their minimum detectable difference, and never tested or ranked; those whose own sensitivity"
          + " interval already excludes the rest's are shown as 'large gap, few cases'.",
      "Failure slices: every combination of up to --slice-depth metadata values where a model misses more"
          + " cancers or raises more false alarms than in the rest of the cohort, with FDR control, ranked by the"
          + " excess errors (beyond the rest's rate) they have at least; alarming slices too small to test are listed"
          + " as too few cases to judge.",
      "Also: the most confident errors, calibration per group, transport to a --target-population, and shift"
          + " from a --compare-with cohort.",
      "Runs the evaluation too: results.json holds its sections plus \"audit\" (docs/results-schema.md); OUT/report.html"
          + " shows them (--no-report to skip it)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:results written", "1:internal error", "2:bad input or options (nothing written)"})
final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec command;
  @Mixin CaseTableOptions table;
  @Mixin EvaluationOptions evaluation;

  @Option(names = "--group", required = true, split = ",", paramLabel = "COL",
      description = "Metadata columns to audit, e.g. age,density,vendor,site,ethnicity. Numeric columns with more than"
          + " 10 values are banded: age at 40/50/60/70, others at their quintiles, or as --bands says.")
  List<String> groups;

  @Option(names = "--bands", paramLabel = "COL=CUT[;CUT...]",
      description = "Band cut points of a numeric column, e.g. age=45;55;65 (bands <45, [45, 55), ..., >=65); repeatable.")
  List<String> bands = new ArrayList<>();

  @Option(names = "--intersections", paramLabel = "1|2", defaultValue = "2",
      description = "1: single columns; 2: also every pair of columns (default: ${DEFAULT-VALUE}).")
  int intersections;

  @Option(names = "--slice-depth", paramLabel = "D", defaultValue = "3",
      description = "Most conditions in a failure slice, 0 to skip the search (default: ${DEFAULT-VALUE}).")
  int sliceDepth;

  @Option(names = "--min-slice-cases", paramLabel = "N", defaultValue = "5",
      description = "Consider a slice only with at least N cancers (missed-cancer search) or N normals (false-alarm"
          + " search); of those, a slice is tested when its test could reach significance at all (Tarone's screen of"
          + " the smallest attainable p). Smaller slices with an alarming rate are listed as too few cases to judge"
          + " (default: ${DEFAULT-VALUE}; chosen from the power table in docs/audit-power.md).")
  int minimumSliceCases;

  @Option(names = "--fdr", paramLabel = "Q", defaultValue = "0.05",
      description = "False-discovery rate of the failure-slice search (default: ${DEFAULT-VALUE}).")
  double fdr;

  @Option(names = "--top-slices", paramLabel = "N", defaultValue = "20",
      description = "Failure slices reported per model and error kind (default: ${DEFAULT-VALUE}).")
  int topSlices;

  @Option(names = "--confident-errors", paramLabel = "N", defaultValue = "20",
      description = "Most confident false negatives and false positives listed per model (default: ${DEFAULT-VALUE}).")
  int confidentErrors;

  @Option(names = "--target-population", paramLabel = "FILE",
      description = "CSV of strata and their share in another population (columns: some --group columns and 'share');"
          + " reports each model's expected sensitivity, specificity and AUC there.")
  Path targetPopulation;

  @Option(names = "--compare-with", paramLabel = "FILE",
      description = "A reference case table with the same columns (e.g. the vendor's validation set): reports how"
          + " metadata and score distributions shift from it.")
  Path compareWith;

  @Override
  public Integer call() {
    ResultsFolder folder = evaluation.folder();
    folder.check();
    ColumnOptions columns = new ColumnOptions().add("--group", groups, table.metadata);
    AuditSpec spec = auditSpec();
    RunRequest request = new RunRequest.Audit(EvaluationRun.input(table), evaluation.spec(table.models, table.readers), spec,
        compareWith);
    RunOutcome.Audited run = (RunOutcome.Audited) EvaluationRun.execute(command, request, folder,
        evaluation.progress(command.commandLine().getErr()), columns);
    ThresholdWarnings.print(evaluation.thresholds, run.cohort(), command.commandLine().getErr());
    PrintWriter stdout = command.commandLine().getOut();
    new ConsoleSummary(stdout).print(run.evaluation());
    new AuditSummary(stdout, fdr, evaluation.ciLevel).print(run.audit());
    EvaluationRun.printWritten(stdout, folder);
    stdout.flush();
    return 0;
  }

  /** Every audit option checked, with its name, before anything is read. */
  private AuditSpec auditSpec() {
    Map<String, Bands> parsed = new LinkedHashMap<>();
    for (String text : bands) {
      int equals = text.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("--bands " + text + ": write COL=CUT;CUT..., e.g. age=45;55;65");
      }
      List<Double> cuts = new ArrayList<>();
      for (String cut : text.substring(equals + 1).split(";")) {
        try {
          cuts.add(Double.parseDouble(cut.trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--bands " + text + ": '" + cut + "' is not a number");
        }
      }
      parsed.put(text.substring(0, equals).trim(), new Bands(cuts));
    }
    List<String> transportColumns = List.of();
    Map<List<String>, Double> shares = Map.of();
    if (targetPopulation != null) {
      TargetPopulationReader.Target target = TargetPopulationReader.read(targetPopulation);
      transportColumns = target.columns();
      shares = target.shares();
    }
    List<String> roles = new ArrayList<>(table.models);
    roles.addAll(table.readers);
    roles.add(table.truth);
    if (table.id != null) {
      roles.add(table.id);
    }
    for (String group : groups) {
      if (roles.contains(group)) {
        throw new IllegalArgumentException("--group " + group + " is a model, reader, truth or id column; audit by metadata");
      }
      if (!table.metadata.contains(group)) {
        table.metadata.add(group);
      }
    }
    return AuditSpec.of(groups)
        .withGrouping(parsed, intersections)
        .withSearch(sliceDepth, minimumSliceCases, fdr, topSlices)
        .withLevel(evaluation.ciLevel, confidentErrors)
        .withTransport(transportColumns, shares);
  }
}

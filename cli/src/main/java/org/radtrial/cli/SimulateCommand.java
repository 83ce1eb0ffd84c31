package org.radtrial.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.radtrial.core.simulate.Assumption;
import org.radtrial.core.simulate.Constraint;
import org.radtrial.core.simulate.Programme;
import org.radtrial.core.simulate.ScreeningRoles;
import org.radtrial.core.simulate.SimulationSpec;
import org.radtrial.core.simulate.Strategy;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.io.CaseTableSpec;
import org.radtrial.io.MissingPolicy;
import org.radtrial.io.ProgrammeReader;
import org.radtrial.run.CaseInput;
import org.radtrial.run.ResultsFolder;
import org.radtrial.run.RunOutcome;
import org.radtrial.run.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial simulate}: what each AI role does to detection, recalls and workload. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "A virtual trial on your own retrospective cases: for every model and threshold, each role of the AI",
      "against the screening programme as recorded. Strategies (--strategies, default all):",
      "  baseline               the programme as recorded (reader decisions and arbitrations)",
      "  independent_reader     the AI alone decides recall; no human reads",
      "  replace_second_reader  reader 1 and the AI double read; discordances go to arbitration",
      "  triage                 exams under the threshold single read, the rest double read (MASAI)",
      "  rule_out               exams under the threshold cleared by the AI, unread",
      "  safety_net             after human reading, AI-flagged exams not recalled get an extra review",
      "  concurrent_assistance  only with recorded AI-assisted reads (--assisted-readers); else explained",
      "Unrecorded decisions (a new discordance's arbitration, an extra review) follow a named assumption",
      "(--assumption, default calibrated from the recorded arbitrations), with a sensitivity analysis.",
      "Per strategy: cancer detection rate per 1,000, recall rate, false-positive recalls per 1,000, PPV,",
      "cancers missed vs baseline, human reads, arbitrations, reading hours, workload change, cost, energy;",
      "bootstrap CIs and paired differences vs baseline. Writes OUT/results.json (\"simulation\") and OUT/report.html,",
      "its HTML report (unless --no-report)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:results written", "1:internal error", "2:bad input or options (nothing written)"})
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec command;
  @Mixin CaseTableOptions table;

  @Option(names = "--programme", required = true, paramLabel = "FILE",
      description = "The programme (YAML): reading, arbitration, minutes_per_read, minutes_per_arbitration,"
          + " minutes_per_review, cost_per_recall, cost_per_reading_hour, energy_per_recall_kwh,"
          + " arbitration_capacity_per_1000, follow_up_months. See docs/simulation.md.")
  Path programmeFile;

  @Option(names = "--arbitration", paramLabel = "COL",
      description = "Recorded arbitration or consensus outcome of the readers' discordances (empty where they agreed).")
  String arbitration;

  @Option(names = "--assisted-readers", split = ",", paramLabel = "COL",
      description = "Recorded AI-assisted decisions of reader 1 (and 2): enables concurrent_assistance.")
  List<String> assisted = new ArrayList<>();

  @Option(names = "--diagnosis-months", paramLabel = "COL",
      description = "Months from the screen to the cancer diagnosis; with the programme's follow_up_months, cancers"
          + " diagnosed later count as no cancer.")
  String diagnosisMonths;

  @Option(names = "--strategies", split = ",", paramLabel = "NAME",
      description = "Strategies to simulate (default: all).")
  List<String> strategyNames = new ArrayList<>();

  @Option(names = "--threshold", paramLabel = "MODEL=VALUE",
      description = "A threshold to report for a model, besides the sweep; repeatable.")
  List<String> thresholds = new ArrayList<>();

  @Option(names = "--sweep", paramLabel = "N", defaultValue = "50",
      description = "Thresholds swept per model, at quantiles of its scores (default: ${DEFAULT-VALUE}).")
  int sweep;

  @Option(names = "--threshold-by", paramLabel = "COL",
      description = "Calibrate each model per level of this column (e.g. vendor): thresholds become quantile levels"
          + " within each level, so every level gets the same flag rate.")
  String thresholdBy;

  @Option(names = "--group", split = ",", paramLabel = "COL",
      description = "Columns whose levels get their own effects (detection, recall, hours) at the thresholds of interest.")
  List<String> groups = new ArrayList<>();

  @Option(names = "--constraint", paramLabel = "LIST",
      description = "Conditions on the point estimates, e.g. \"recall_rate<=0.03,cdr>=baseline\": picks, per model and"
          + " strategy, the threshold that meets them with the fewest reading hours, or says none does.")
  String constraint;

  @Option(names = "--assumption", paramLabel = "A", defaultValue = "calibrated",
      description = "Unrecorded arbitrations and reviews: calibrated (from recorded arbitrations), always, never, P (recall"
          + " probability) or P_CANCER:P_NORMAL (default: ${DEFAULT-VALUE}).")
  String assumption;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
      description = "Bootstrap replicates, resampling exams (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--ci-level", paramLabel = "LEVEL", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double ciLevel;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "radtrial-out",
      description = "Output directory for results.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Mixin ProgressOption progress = new ProgressOption();

  @Option(names = "--no-report", description = "Do not write OUT/report.html (the HTML report of results.json).")
  boolean noReport;

  @Override
  public Integer call() {
    ResultsFolder folder = new ResultsFolder(out, !noReport);
    folder.check();
    if (table.missing == MissingPolicy.EXCLUDE) {
      throw new IllegalArgumentException("--missing exclude: a simulation needs every exam's scores and decisions");
    }
    if (table.readers.isEmpty() || table.readers.size() > 2) {
      throw new IllegalArgumentException("--readers: name reader 1's decision column, and reader 2's for double reading");
    }
    if (assisted.size() > 2 || (!assisted.isEmpty() && assisted.size() != table.readers.size())) {
      throw new IllegalArgumentException("--assisted-readers: give one AI-assisted decision column per reader of the"
          + " programme (" + table.readers.size() + "), in the order of --readers");
    }
    Programme programme = ProgrammeReader.read(programmeFile);
    if (diagnosisMonths != null && programme.followUpMonths() <= 0) {
      throw new IllegalArgumentException("--diagnosis-months needs the programme's follow_up_months");
    }
    List<Constraint> constraints = constraint == null ? List.of() : Constraint.parseAll(constraint);
    SimulationSpec spec = new SimulationSpec(strategies(), sweep, userThresholds(), bootstrap, seed, ciLevel, assumption(),
        constraints, List.of());
    ScreeningRoles roles = new ScreeningRoles(table.readers.get(0), table.readers.size() > 1 ? table.readers.get(1) : null,
        arbitration, assisted, diagnosisMonths, thresholdBy);
    RunRequest request = new RunRequest.Simulate(CaseInput.of(table.cases, input()), programme, roles, spec, groups);
    PrintWriter err = command.commandLine().getErr();
    ProgressListener listener = bootstrap > 0 ? progress.bar(err, "bootstrap") : ProgressListener.NONE;
    ColumnOptions columns = new ColumnOptions().add("--group", groups, table.metadata)
        .add("--threshold-by", Collections.singletonList(thresholdBy), table.metadata)
        .add("--diagnosis-months", Collections.singletonList(diagnosisMonths), table.metadata);
    RunOutcome.Simulated run = (RunOutcome.Simulated) EvaluationRun.execute(command, request, folder, listener, columns);
    if (thresholdBy == null) {
      // with --threshold-by the thresholds are quantile levels within each group, not scores
      ThresholdWarnings.print(thresholds, run.cohort(), err);
    }
    PrintWriter stdout = command.commandLine().getOut();
    new SimulationSummary(stdout).print(run.simulation());
    EvaluationRun.printWritten(stdout, folder);
    stdout.flush();
    return 0;
  }

  private CaseTableSpec input() {
    CaseTableSpec spec = table.spec();
    List<String> readers = new ArrayList<>(table.readers);
    Set<String> optional = new LinkedHashSet<>();
    if (arbitration != null) {
      readers.add(arbitration);
      optional.add(arbitration);
    }
    readers.addAll(assisted);
    List<String> metadata = new ArrayList<>(table.metadata);
    for (String column : extraMetadata()) {
      if (!metadata.contains(column)) {
        metadata.add(column);
      }
    }
    return spec.withReaders(readers).withOptionalReaders(optional).withMetadata(metadata);
  }

  private List<String> extraMetadata() {
    List<String> columns = new ArrayList<>(groups);
    if (thresholdBy != null) {
      columns.add(thresholdBy);
    }
    if (diagnosisMonths != null) {
      columns.add(diagnosisMonths);
    }
    return columns;
  }

  private List<Strategy> strategies() {
    if (strategyNames.isEmpty()) {
      return List.of(Strategy.values());
    }
    List<Strategy> list = new ArrayList<>();
    for (String name : strategyNames) {
      Strategy found = null;
      for (Strategy s : Strategy.values()) {
        if (s.key().equals(name.trim())) {
          found = s;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException("--strategies: unknown strategy '" + name + "'; use "
            + java.util.Arrays.stream(Strategy.values()).map(Strategy::key).toList());
      }
      list.add(found);
    }
    return list;
  }

  private Assumption assumption() {
    String a = assumption.trim();
    if (a.equals("calibrated")) {
      return null;
    }
    if (a.equals("always")) {
      return Assumption.alwaysRecall();
    }
    if (a.equals("never")) {
      return Assumption.neverRecall();
    }
    try {
      String[] parts = a.split(":", -1);
      if (parts.length > 2 || parts[0].isBlank() || (parts.length == 2 && parts[1].isBlank())) {
        throw new IllegalArgumentException(a);
      }
      double cancer = Double.parseDouble(parts[0]);
      double normal = parts.length > 1 ? Double.parseDouble(parts[1]) : cancer;
      return new Assumption("given", cancer, normal, "given with --assumption " + a);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--assumption " + a + ": use calibrated, always, never, P or P_CANCER:P_NORMAL");
    }
  }

  private Map<String, List<Double>> userThresholds() {
    Map<String, List<Double>> map = new LinkedHashMap<>();
    for (String text : thresholds) {
      int equals = text.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("--threshold " + text + ": write MODEL=VALUE");
      }
      String model = text.substring(0, equals).trim();
      if (!table.models.contains(model)) {
        throw new IllegalArgumentException("--threshold " + text + " names '" + model + "', not one of " + table.models);
      }
      double value;
      try {
        value = Double.parseDouble(text.substring(equals + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--threshold " + text + ": the value is not a number");
      }
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("--threshold " + text + ": the threshold must be a finite number");
      }
      if (thresholdBy != null && !(value > 0 && value <= 1)) {
        throw new IllegalArgumentException("--threshold " + text + ": with --threshold-by the threshold is a quantile level"
            + " within each group, in (0, 1]");
      }
      boolean lower = table.lowerIsPositive.contains(model) && thresholdBy == null;
      map.computeIfAbsent(model, k -> new ArrayList<>()).add(lower ? -value : value);
    }
    return map;
  }
}

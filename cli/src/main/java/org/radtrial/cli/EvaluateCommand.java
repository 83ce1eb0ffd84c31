package org.radtrial.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radtrial.core.binary.CiMethod;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.evaluate.EvaluationResult;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.evaluate.Evaluator;
import org.radtrial.core.evaluate.OperatingPointRule;
import org.radtrial.core.roc.ProgressListener;
import org.radtrial.io.CaseTableReader;
import org.radtrial.io.CaseTableSpec;
import org.radtrial.io.Checksums;
import org.radtrial.io.MissingPolicy;
import org.radtrial.io.Provenance;
import org.radtrial.io.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial evaluate}: every model on the same cases, head-to-head. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Evaluate every model on the same cases and compare them pairwise.",
      "Per model: ROC curve, AUC with DeLong and stratified-bootstrap intervals, and operating points"
          + " (sensitivity, specificity, PPV, NPV, recall rate with intervals).",
      "Per pair of models: paired DeLong test of the AUC difference with Holm-adjusted p.",
      "At each operating point: exact McNemar tests of sensitivity and specificity, model vs reader"
          + " and model vs model, and a non-inferiority test when --ni-margin is given.",
      "Writes OUT/results.json (see docs/results-schema.md) and prints a summary."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:results written", "1:internal error", "2:bad input or options (nothing written)"})
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Option(names = "--cases", required = true, paramLabel = "FILE",
      description = "Case table: CSV, TSV (.tsv) or Parquet (.parquet), one row per exam, with a header row.")
  Path cases;

  @Option(names = "--truth", required = true, paramLabel = "COL", description = "Column of the reference standard.")
  String truth;

  @Option(names = "--positive", required = true, paramLabel = "VALUE", description = "Truth value that means disease.")
  String positive;

  @Option(names = "--negative", paramLabel = "VALUE",
      description = "Truth value that means no disease (default: the one other value found).")
  String negative;

  @Option(names = "--models", required = true, split = ",", paramLabel = "COL",
      description = "Model score columns, comma-separated. Higher = more suspicious unless --lower-is-positive.")
  List<String> models;

  @Option(names = "--id", paramLabel = "COL", description = "Column of unique case ids (default: the row number).")
  String id;

  @Option(names = "--readers", split = ",", paramLabel = "COL",
      description = "Columns of human readers' binary decisions (1/0, yes/no, true/false, recall/no_recall).")
  List<String> readers = new ArrayList<>();

  @Option(names = "--metadata", split = ",", paramLabel = "COL", description = "Metadata columns to summarise.")
  List<String> metadata = new ArrayList<>();

  @Option(names = "--lower-is-positive", split = ",", paramLabel = "MODEL",
      description = "Models whose lower scores are more suspicious.")
  List<String> lowerIsPositive = new ArrayList<>();

  @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "error",
      description = "Missing score or decision: 'error' (default) stops; 'exclude' leaves the case out of that"
          + " model's or reader's analysis and counts it.")
  MissingPolicy missing;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "radtrial-out",
      description = "Output directory for results.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "2000",
      description = "Stratified bootstrap replicates per model; 0 skips the bootstrap (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--ci-level", paramLabel = "LEVEL", defaultValue = "0.95",
      description = "Confidence level of every interval (default: ${DEFAULT-VALUE}).")
  double ciLevel;

  @Option(names = "--ci-method", paramLabel = "METHOD", defaultValue = "wilson",
      description = "Interval for proportions: wilson or clopper_pearson (default: ${DEFAULT-VALUE}).")
  CiMethod ciMethod;

  @Option(names = "--threshold", paramLabel = "[MODEL=]VALUE",
      description = "Operating point at a fixed score threshold, for one model or all; repeatable.")
  List<String> thresholds = new ArrayList<>();

  @Option(names = "--target-sensitivity", paramLabel = "X", description = "Operating point at sensitivity >= X; repeatable.")
  List<Double> targetSensitivities = new ArrayList<>();

  @Option(names = "--target-specificity", paramLabel = "X", description = "Operating point at specificity >= X; repeatable.")
  List<Double> targetSpecificities = new ArrayList<>();

  @Option(names = "--match-reader", paramLabel = "READER",
      description = "Operating point at this reader's observed specificity; repeatable. Default when no operating"
          + " point is asked for: every reader's, or specificity >= 0.9 without readers.")
  List<String> matchReaders = new ArrayList<>();

  @Option(names = "--ni-margin", paramLabel = "X",
      description = "Non-inferiority margin for paired sensitivity and specificity (e.g. 0.05).")
  Double niMargin;

  @Option(names = "--delimiter", paramLabel = "CHAR", description = "Field separator (default: tab for .tsv, else comma).")
  Character delimiter;

  @Option(names = "--progress", negatable = true, description = "Show a progress bar (default: when on a terminal).")
  Boolean progress;

  @Override
  public Integer call() {
    PrintWriter err = command.commandLine().getErr();
    Path results = out.resolve("results.json");
    StaleResults.remove(results);
    EvaluationSpec spec = evaluationSpec();
    CaseTableSpec input = inputSpec();
    Cohort cohort = CaseTableReader.read(cases, input);
    boolean showProgress = progress != null ? progress : System.console() != null;
    ProgressListener listener = showProgress && bootstrap > 0 ? new ProgressBar(err, "bootstrap") : ProgressListener.NONE;
    EvaluationResult result = Evaluator.evaluate(cohort, spec, listener);
    Provenance provenance = new Provenance(
        Radtrial.version(), cases.toString(), Checksums.sha256(cases), seed, commandLine(),
        System.getProperty("java.version"), Instant.now().toString());
    ResultsJson.write(out, result, cohort, input, provenance);
    PrintWriter stdout = command.commandLine().getOut();
    new ConsoleSummary(stdout).print(result);
    stdout.println();
    stdout.println("Results: " + results);
    stdout.flush();
    return 0;
  }

  /** Every numeric option checked, with its name, before the table is read. */
  EvaluationSpec evaluationSpec() {
    if (!(ciLevel > 0 && ciLevel < 1)) {
      throw new IllegalArgumentException("--ci-level must lie strictly between 0 and 1, for example 0.95; was " + ciLevel);
    }
    if (bootstrap < 0) {
      throw new IllegalArgumentException("--bootstrap must be 0 (skip) or a number of replicates; was " + bootstrap);
    }
    if (niMargin != null && !(niMargin >= 0 && niMargin < 1)) {
      throw new IllegalArgumentException("--ni-margin must lie in [0, 1), for example 0.05; was " + niMargin);
    }
    for (double t : targetSensitivities) {
      requireRate(t, "--target-sensitivity");
    }
    for (double t : targetSpecificities) {
      requireRate(t, "--target-specificity");
    }
    return new EvaluationSpec(ciLevel, bootstrap, seed, ciMethod, operatingPoints(), niMargin == null ? Double.NaN : niMargin, 500);
  }

  private static void requireRate(double value, String option) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(option + " must lie in [0, 1]; was " + value);
    }
  }

  private CaseTableSpec inputSpec() {
    CaseTableSpec spec = CaseTableSpec.of(truth, positive, models)
        .withId(id)
        .withNegative(negative)
        .withReaders(readers)
        .withMetadata(metadata)
        .withLowerIsPositive(new LinkedHashSet<>(lowerIsPositive))
        .withMissing(missing);
    return delimiter == null ? spec : spec.withDelimiter(delimiter);
  }

  private List<OperatingPointRule> operatingPoints() {
    List<OperatingPointRule> rules = new ArrayList<>();
    Map<String, Double> perModel = new LinkedHashMap<>();
    for (String text : thresholds) {
      int equals = text.indexOf('=');
      double value = thresholdValue(text, text.substring(equals + 1).trim());
      if (equals < 0) {
        rules.add(new OperatingPointRule.FixedThreshold(value));
        continue;
      }
      String model = text.substring(0, equals).trim();
      if (!models.contains(model)) {
        throw new IllegalArgumentException("--threshold " + text + " names '" + model + "', which is not one of the models " + models);
      }
      if (perModel.put(model, value) != null) {
        throw new IllegalArgumentException("--threshold gives model " + model + " two thresholds; give each model one");
      }
    }
    if (!perModel.isEmpty()) {
      rules.add(new OperatingPointRule.ModelThresholds(perModel));
    }
    targetSensitivities.forEach(s -> rules.add(new OperatingPointRule.TargetSensitivity(s)));
    targetSpecificities.forEach(s -> rules.add(new OperatingPointRule.TargetSpecificity(s)));
    for (String reader : matchReaders) {
      if (!readers.contains(reader)) {
        throw new IllegalArgumentException("--match-reader " + reader + " is not one of the --readers columns " + readers);
      }
      rules.add(new OperatingPointRule.ReaderSpecificity(reader));
    }
    if (rules.isEmpty()) {
      readers.forEach(r -> rules.add(new OperatingPointRule.ReaderSpecificity(r)));
    }
    if (rules.isEmpty()) {
      rules.add(new OperatingPointRule.TargetSpecificity(0.9));
    }
    return rules;
  }

  private static double thresholdValue(String text, String value) {
    double t;
    try {
      t = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--threshold " + text + ": '" + value + "' is not a number; write VALUE or MODEL=VALUE");
    }
    if (!Double.isFinite(t)) {
      throw new IllegalArgumentException("--threshold " + text + ": the threshold must be a finite number");
    }
    return t;
  }

  private String commandLine() {
    List<String> words = new ArrayList<>(List.of("radtrial"));
    for (String arg : command.commandLine().getParseResult().originalArgs()) {
      words.add(arg.matches("[A-Za-z0-9_./=,:+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return String.join(" ", words);
  }
}

package org.radtrial.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radtrial.core.binary.CiMethod;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.evaluate.OperatingPointRule;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.run.ResultsFolder;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What to compute and where to write it: shared by evaluate and audit. */
final class EvaluationOptions {
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

  @Option(names = "--no-report", description = "Do not write OUT/report.html (the HTML report of results.json).")
  boolean noReport;

  @Mixin ProgressOption progress = new ProgressOption();

  /** Where results.json and the report go. */
  ResultsFolder folder() {
    return new ResultsFolder(out, !noReport);
  }

  /** A progress bar on stderr when asked, or when on a terminal. */
  ProgressListener progress(PrintWriter err) {
    return bootstrap > 0 ? progress.bar(err, "bootstrap") : ProgressListener.NONE;
  }

  /** Every numeric option checked, with its name, before the table is read. */
  EvaluationSpec spec(List<String> models, List<String> readers) {
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
    return new EvaluationSpec(ciLevel, bootstrap, seed, ciMethod, operatingPoints(models, readers), niMargin == null ? Double.NaN : niMargin, 500);
  }

  private static void requireRate(double value, String option) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(option + " must lie in [0, 1]; was " + value);
    }
  }

  private List<OperatingPointRule> operatingPoints(List<String> models, List<String> readers) {
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
    return rules.isEmpty() ? OperatingPointRule.defaultsFor(readers) : rules;
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
}

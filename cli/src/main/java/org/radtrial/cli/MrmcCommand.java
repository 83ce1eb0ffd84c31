package org.radtrial.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.radtrial.core.mrmc.CovarianceMethod;
import org.radtrial.core.mrmc.MrmcResult;
import org.radtrial.core.mrmc.MrmcSpec;
import org.radtrial.core.mrmc.ReaderStudy;
import org.radtrial.core.mrmc.StudyPlan;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.io.RatingsFormat;
import org.radtrial.io.RatingsSpec;
import org.radtrial.run.ResultsFolder;
import org.radtrial.run.RunOutcome;
import org.radtrial.run.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial mrmc}: a multi-reader multi-case reader study, with and without AI. */
@Command(
    name = "mrmc",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Analyse a multi-reader multi-case (MRMC) reader study: every reader rates every case in every modality"
          + " (e.g. unaided and AI-aided), or, split-plot, every case of his block of readers.",
      "Per reader and modality: trapezoidal AUC and ROC curve; with --cut, sensitivity and specificity.",
      "Modality differences with confidence intervals by the Obuchowski-Rockette method with Hillis's"
          + " denominator df (jackknife, DeLong or unbiased covariances), for random readers and cases, fixed readers"
          + " and fixed cases; the DBM pseudovalue analysis alongside.",
      "With --standalone-reader, the AI alone against the human readers of each modality; with"
          + " --plan-readers, the cases a new study needs (Hillis, Obuchowski and Berbaum 2011).",
      "Writes OUT/results.json (see docs/mrmc.md) and OUT/report.html, its HTML report (unless --no-report), and"
          + " prints a summary. No study at hand? 'radtrial synth --reader-study' writes one."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:results written", "1:internal error", "2:bad input or options (nothing written)"})
final class MrmcCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Option(names = "--ratings", required = true, paramLabel = "FILE",
      description = "Ratings: a table with one row per reading (CSV, TSV (.tsv) or Parquet (.parquet)), an iMRMC"
          + " file (.imrmc) or an OR-DBM MRMC file (.lrc).")
  Path ratings;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "table, imrmc or lrc (default: from the file name's extension).")
  RatingsFormat format;

  @Option(names = "--reader-column", paramLabel = "COL", defaultValue = "reader",
      description = "Table column of reader names (default: ${DEFAULT-VALUE}).")
  String readerColumn;

  @Option(names = "--modality-column", paramLabel = "COL", defaultValue = "modality",
      description = "Table column of modality (condition) names, e.g. unaided / AI-aided (default: ${DEFAULT-VALUE}).")
  String modalityColumn;

  @Option(names = "--case-column", paramLabel = "COL", defaultValue = "case",
      description = "Table column of case ids (default: ${DEFAULT-VALUE}).")
  String caseColumn;

  @Option(names = "--truth-column", paramLabel = "COL", defaultValue = "truth",
      description = "Table column of the reference standard (default: ${DEFAULT-VALUE}).")
  String truthColumn;

  @Option(names = "--rating-column", paramLabel = "COL", defaultValue = "rating",
      description = "Table column of the ratings, ordinal or continuous numbers (default: ${DEFAULT-VALUE}).")
  String ratingColumn;

  @Option(names = "--positive", paramLabel = "VALUE", defaultValue = "1",
      description = "Truth value that means disease (default: ${DEFAULT-VALUE}).")
  String positive;

  @Option(names = "--negative", paramLabel = "VALUE",
      description = "Truth value that means no disease (default: the one other value found).")
  String negative;

  @Option(names = "--lower-is-positive",
      description = "Lower ratings are the more suspicious (tables and iMRMC; an LRC file says so per modality).")
  boolean lowerIsPositive;

  @Option(names = "--delimiter", paramLabel = "CHAR", description = "Field separator of a text table (default: tab for"
      + " .tsv, else comma).")
  Character delimiter;

  @Option(names = "--standalone-reader", paramLabel = "READER",
      description = "The reader who is the AI alone: compared with the human readers of each modality instead of"
          + " being analysed among them. It must rate every case; a modality only it rated (e.g. 'AI alone') is"
          + " not analysed as a modality.")
  String standaloneReader;

  @Option(names = "--covariance", paramLabel = "METHOD", defaultValue = "jackknife",
      description = "Error covariances of the AUCs for the Obuchowski-Rockette analysis: jackknife (as OR-DBM MRMC),"
          + " delong, or unbiased (Gallas's U-statistics, as the FDA's iMRMC) (default: ${DEFAULT-VALUE})."
          + " Sensitivity and specificity always use the jackknife.")
  CovarianceMethod covariance;

  @Option(names = "--ci-level", paramLabel = "LEVEL", defaultValue = "0.95",
      description = "Confidence level of every interval (default: ${DEFAULT-VALUE}).")
  double ciLevel;

  @Option(names = "--cut", paramLabel = "X",
      description = "Rating cut for sensitivity and specificity: a reading at or beyond X (>= X, or <= X for"
          + " lower-is-positive ratings) calls the case positive; analysed like the AUC.")
  Double cut;

  @Option(names = "--plan-readers", split = ",", paramLabel = "N",
      description = "Estimate the cases a new two-modality study needs with each of these numbers of readers,"
          + " from this study's variance components (Hillis, Obuchowski and Berbaum 2011).")
  List<Integer> planReaders = new ArrayList<>();

  @Option(names = "--plan-effect", paramLabel = "D",
      description = "AUC difference the new study should detect (default: the observed difference of the first"
          + " two modalities).")
  Double planEffect;

  @Option(names = "--plan-power", paramLabel = "P", defaultValue = "0.8",
      description = "Power the new study should have (default: ${DEFAULT-VALUE}).")
  double planPower;

  @Option(names = "--plan-alpha", paramLabel = "A", defaultValue = "0.05",
      description = "Significance level of the new study's test (default: ${DEFAULT-VALUE}).")
  double planAlpha;

  @Option(names = "--plan-max-cases", paramLabel = "K", defaultValue = "10000",
      description = "Most cases to consider; fewer readers may never reach the power (default: ${DEFAULT-VALUE}).")
  int planMaxCases;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "radtrial-out",
      description = "Output directory for results.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--no-report", description = "Do not write OUT/report.html (the HTML report of results.json).")
  boolean noReport;

  @Override
  public Integer call() {
    ResultsFolder folder = new ResultsFolder(out, !noReport);
    folder.check();
    MrmcSpec spec = analysisSpec();
    RatingsSpec input = inputSpec();
    RatingsFormat resolved = format != null ? format : RatingsFormat.of(ratings);
    RunRequest request = new RunRequest.ReaderStudy(ratings, ratings.toString(), input, resolved, spec);
    RunOutcome.ReaderStudyAnalysed run = (RunOutcome.ReaderStudyAnalysed) EvaluationRun.execute(command, request, folder,
        ProgressListener.NONE);
    MrmcResult result = run.analysis();
    PrintWriter stdout = command.commandLine().getOut();
    new MrmcSummary(stdout).print(result);
    EvaluationRun.printWritten(stdout, folder);
    stdout.flush();
    return 0;
  }

  private MrmcSpec analysisSpec() {
    MrmcSpec spec = MrmcSpec.defaults().withCiLevel(ciLevel).withCovariance(covariance);
    if (cut != null) {
      spec = spec.withCut(cut);
    }
    if (!planReaders.isEmpty()) {
      spec = spec.withPlan(new StudyPlan(planReaders, planEffect == null ? Double.NaN : planEffect, planAlpha, planPower,
          planMaxCases));
    } else if (planEffect != null) {
      throw new IllegalArgumentException("--plan-effect needs --plan-readers: name the numbers of readers to plan for");
    }
    return spec;
  }

  private RatingsSpec inputSpec() {
    RatingsSpec spec = RatingsSpec.defaults()
        .withFormat(format)
        .withColumns(readerColumn, modalityColumn, caseColumn, truthColumn, ratingColumn)
        .withTruthValues(positive, negative)
        .withLowerIsPositive(lowerIsPositive)
        .withStandaloneReader(standaloneReader);
    return delimiter == null ? spec : spec.withDelimiter(delimiter);
  }

}

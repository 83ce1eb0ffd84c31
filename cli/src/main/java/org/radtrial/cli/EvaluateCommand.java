package org.radtrial.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.radtrial.run.ResultsFolder;
import org.radtrial.run.RunOutcome;
import org.radtrial.run.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
      "Writes OUT/results.json (see docs/results-schema.md), OUT/report.html (its HTML report, unless --no-report) and"
          + " prints a summary."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:results written", "1:internal error", "2:bad input or options (nothing written)"})
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec command;
  @Mixin CaseTableOptions table;
  @Mixin EvaluationOptions evaluation;

  @Override
  public Integer call() {
    ResultsFolder folder = evaluation.folder();
    folder.check();
    RunRequest request = new RunRequest.Evaluate(EvaluationRun.input(table), evaluation.spec(table.models, table.readers));
    RunOutcome.Evaluated run = (RunOutcome.Evaluated) EvaluationRun.execute(command, request, folder,
        evaluation.progress(command.commandLine().getErr()));
    ThresholdWarnings.print(evaluation.thresholds, run.cohort(), command.commandLine().getErr());
    PrintWriter stdout = command.commandLine().getOut();
    new ConsoleSummary(stdout).print(run.evaluation());
    stdout.println();
    EvaluationRun.printWritten(stdout, folder);
    stdout.flush();
    return 0;
  }
}

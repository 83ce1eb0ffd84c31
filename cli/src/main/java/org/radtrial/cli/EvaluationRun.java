package org.radtrial.cli;

import java.io.PrintWriter;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.io.CaseTableException;
import org.radtrial.run.CaseInput;
import org.radtrial.run.RadtrialVersion;
import org.radtrial.run.ResultsFolder;
import org.radtrial.run.RunContext;
import org.radtrial.run.RunOutcome;
import org.radtrial.run.RunRequest;
import org.radtrial.run.Runner;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How every command that computes runs: options into a request, the shared {@link Runner}, then
 * results.json and the report written to OUT. The command only prints.
 */
final class EvaluationRun {
  private EvaluationRun() {}

  /** The table named by the options, with the path as the user typed it. */
  static CaseInput input(CaseTableOptions table) {
    return CaseInput.of(table.cases, table.spec());
  }

  /**
   * Runs the request and, once it has succeeded, replaces OUT's results (a failure leaves an earlier
   * run's untouched); returns the outcome for the console summary.
   */
  static RunOutcome execute(CommandSpec command, RunRequest request, ResultsFolder folder, ProgressListener progress) {
    return execute(command, request, folder, progress, new ColumnOptions());
  }

  /** As {@link #execute}, with a missing column named by the option the user gave it. */
  static RunOutcome execute(CommandSpec command, RunRequest request, ResultsFolder folder, ProgressListener progress,
      ColumnOptions columns) {
    RunOutcome outcome;
    try {
      outcome = Runner.run(request, context(command, progress));
    } catch (CaseTableException e) {
      throw columns.retold(e);
    }
    folder.write(outcome);
    return outcome;
  }

  static RunContext context(CommandSpec command, ProgressListener progress) {
    return new RunContext(RadtrialVersion.get(), CommandLines.quoted(command), progress);
  }

  /** The lines that tell where the output went. */
  static void printWritten(PrintWriter out, ResultsFolder folder) {
    out.println("Results: " + folder.resultsFile());
    if (folder.withReport()) {
      out.println("Report:  " + folder.reportFile());
    }
  }
}

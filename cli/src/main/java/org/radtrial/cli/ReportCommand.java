package org.radtrial.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radtrial.io.AtomicFiles;
import org.radtrial.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial report}: a results.json as one self-contained HTML page. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write the evidence report of a results.json (from any radtrial command that writes one: evaluate, audit, simulate,"
          + " mrmc, lesions, masks, recon, pool) as one HTML file:"
          + " key findings in plain language, ROC curves with the readers, head-to-head table, operating points, and"
          + " with an audit the subgroup forest plots, failure slices and calibration; with a simulation the programme,"
          + " the named assumption and its bounds, the workload-versus-detection trade-off of every model and each"
          + " strategy against the baseline; with a reader study each reader and modality with intervals, the modality"
          + " comparisons (Obuchowski-Rockette, DBM), the AI alone as a reader and the sample-size plan; with lesions, masks or"
          + " recon their curves, distributions, agreement and worst cases; methods as run"
          + " and a CLAIM 2024 / TRIPOD+AI checklist.",
      "The file needs nothing else: no network, no scripts; it can be e-mailed, read on a phone and printed.",
      "'evaluate', 'audit', 'simulate' and 'mrmc' already write OUT/report.html unless given --no-report."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:report written", "1:internal error", "2:bad input or options (nothing written)"})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Option(names = "--results", required = true, paramLabel = "FILE", description = "The results.json to report.")
  Path results;

  @Option(names = "--out", paramLabel = "FILE", description = "HTML file to write (default: report.html beside the results).")
  Path out;

  @Override
  public Integer call() {
    Path target = out != null ? out : ReportFiles.besideResults(results);
    write(results, target);
    command.commandLine().getOut().println("Report: " + target);
    command.commandLine().getOut().flush();
    return 0;
  }

  /**
   * Writes the report of a results.json file to {@code target}, atomically: what this command does,
   * and what 'simulate' does beside the results.json it has just written, so both give the same bytes.
   */
  static void write(Path resultsJson, Path target) {
    AtomicFiles.writeString(target, Report.render(Report.read(resultsJson)));
  }
}

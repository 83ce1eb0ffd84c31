package org.radtrial.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.pool.SiteSummary;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.io.AtomicFiles;
import org.radtrial.run.ResultsFolder;
import org.radtrial.run.RunOutcome;
import org.radtrial.run.RunRequest;
import org.radtrial.run.Runner;
import org.radtrial.run.SiteSummaryJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial site-summary}: the aggregates one site shares with a consortium. */
@Command(
    name = "site-summary",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Evaluate every model on this site's cases and write only aggregates to OUT/site-summary.json:"
          + " per model the AUC with its DeLong variance, paired AUC differences and covariances, confusion counts"
          + " at each operating point, case-mix counts per level of the --metadata columns, version and settings.",
      "No case id, score or date is written. Counts below --small-cell are written as \"<k\" unless"
          + " --exact-small-cells. The file carries a SHA-256 of its content so that radtrial pool can tell a changed"
          + " file. See docs/pooling.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:summary written", "1:internal error", "2:bad input or options (nothing written)"})
final class SiteSummaryCommand implements Callable<Integer> {
  @Spec CommandSpec command;
  @Mixin CaseTableOptions table;
  @Mixin EvaluationOptions evaluation;

  @Option(names = "--site", required = true, paramLabel = "NAME", description = "This site's name in the consortium.")
  String site;

  @Option(names = "--small-cell", paramLabel = "K", defaultValue = "5",
      description = "Subgroup counts from 1 to K-1 are written as \"<K\" (default: ${DEFAULT-VALUE}).")
  int smallCell;

  @Option(names = "--exact-small-cells", description = "Write small subgroup counts exactly (the site opts in).")
  boolean exactSmallCells;

  @Override
  public Integer call() {
    Path file = evaluation.out.resolve(SiteSummaryJson.FILE);
    new ResultsFolder(evaluation.out, false).check();
    EvaluationSpec given = evaluation.spec(table.models, table.readers);
    EvaluationSpec spec = new EvaluationSpec(given.ciLevel(), 0, given.seed(), given.proportionCi(), given.operatingPoints(),
        given.nonInferiorityMargin(), given.rocPoints());
    RunRequest request = new RunRequest.SiteSummary(EvaluationRun.input(table), spec, site, smallCell, exactSmallCells);
    RunOutcome.Summarised outcome =
        (RunOutcome.Summarised) Runner.run(request, EvaluationRun.context(command, ProgressListener.NONE));
    AtomicFiles.writeString(file, outcome.resultsText());
    PrintWriter out = command.commandLine().getOut();
    SiteSummary summary = outcome.summary();
    out.printf(Locale.ROOT, "Site %s: %d cases, %d positive%n", summary.site(), summary.cases(), summary.positives());
    for (SiteSummary.Model m : summary.models()) {
      out.printf(Locale.ROOT, "  %-20s AUC %.3f (SE %.3f), %d positives, %d negatives%n", m.name(), m.auc(),
          Math.sqrt(m.aucVariance()), m.positives(), m.negatives());
    }
    out.println();
    out.println("Summary: " + file);
    out.flush();
    return 0;
  }
}

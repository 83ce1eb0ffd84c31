package org.radtrial.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.evaluate.EvaluationResult;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.evaluate.Evaluator;
import org.radtrial.io.AtomicFiles;
import org.radtrial.io.CaseTableReader;
import org.radtrial.io.CaseTableSpec;
import org.radtrial.io.Checksums;
import org.radtrial.io.Provenance;
import org.radtrial.io.ResultsJson;
import org.radtrial.report.Report;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The shared start of evaluate and audit: remove a stale results.json, check the options, read the
 * table, evaluate, and know the provenance.
 */
record EvaluationRun(
    CommandSpec command, EvaluationOptions options, CaseTableSpec input, Cohort cohort, EvaluationResult result, Path cases) {

  static EvaluationRun start(CommandSpec command, CaseTableOptions table, EvaluationOptions options) {
    StaleResults.remove(options.out.resolve("results.json"));
    StaleResults.remove(options.out.resolve(ReportFiles.NAME));
    CaseTableSpec input = table.spec();
    EvaluationSpec spec = options.spec(input.models(), input.readers());
    Cohort cohort = CaseTableReader.read(table.cases, input);
    EvaluationResult result = Evaluator.evaluate(cohort, spec, options.progress(command.commandLine().getErr()));
    return new EvaluationRun(command, options, input, cohort, result, table.cases);
  }

  Path resultsFile() {
    return options.out.resolve("results.json");
  }

  /** The evaluation's results.json tree, to which a command may add its own section. */
  ObjectNode json() {
    Provenance provenance = new Provenance(Radtrial.version(), cases.toString(), Checksums.sha256(cases), options.seed,
        CommandLines.quoted(command), System.getProperty("java.version"), Instant.now().toString());
    return ResultsJson.tree(result, cohort, input, provenance);
  }

  Path reportFile() {
    return options.out.resolve(ReportFiles.NAME);
  }

  /** Writes results.json and, unless --no-report, its HTML report beside it. */
  void write(ObjectNode root) {
    AtomicFiles.writeString(resultsFile(), ResultsJson.text(root));
    if (!options.noReport) {
      AtomicFiles.writeString(reportFile(), Report.render(root));
    }
  }

  /** The lines that tell where the output went. */
  void printWritten(java.io.PrintWriter out) {
    out.println("Results: " + resultsFile());
    if (!options.noReport) {
      out.println("Report:  " + reportFile());
    }
  }

}

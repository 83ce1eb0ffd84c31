package org.radtrial.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.synth.ScreeningCohortGenerator;
import org.radtrial.io.CaseTableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial synth}: a synthetic screening cohort with known truth. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Write a SYNTHETIC breast-screening case table (no real patients): ~0.7%% cancer prevalence,",
      "metadata (age, density, vendor, site, ethnicity), two readers' recall decisions (reader_1, reader_2),",
      "the arbitration of their discordances (arbitration; empty where they agreed)",
      "and three AI models (model_a, model_b, model_c). Planted weaknesses: model_b loses accuracy on",
      "density D and on vendor C. Truth column 'cancer' (1 = cancer). The same seed gives the same table."
    })
final class SynthCommand implements Callable<Integer> {
  static final String ID = "case_id";
  static final String TRUTH = "cancer";

  @Spec CommandSpec command;

  @Option(names = "--cases", paramLabel = "N", defaultValue = "50000", description = "Number of exams (default: ${DEFAULT-VALUE}).")
  int cases;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "2026", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "synthetic-cohort.csv",
      description = "CSV file to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--without-weaknesses", description = "Plant no weakness: model_b is equally accurate everywhere.")
  boolean withoutWeaknesses;

  @Override
  public Integer call() {
    CaseTableWriter.writeCsv(ScreeningCohortGenerator.generate(cases, seed, !withoutWeaknesses), out, ID, TRUTH);
    command.commandLine().getOut().printf("Wrote %s: %d synthetic exams (seed %d)%n", out, cases, seed);
    return 0;
  }

  static Cohort write(int cases, long seed, Path out) {
    Cohort cohort = ScreeningCohortGenerator.generate(cases, seed);
    CaseTableWriter.writeCsv(cohort, out, ID, TRUTH);
    return cohort;
  }
}

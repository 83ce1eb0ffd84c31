package org.radtrial.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial demo}: synth + evaluate on the bundled synthetic screening cohort. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the synthetic screening cohort (see 'radtrial synth --help') and evaluate its three models",
      "head-to-head and against the two readers, at each reader's specificity, with a 5-point",
      "non-inferiority margin. Prints the equivalent 'radtrial evaluate' command. Also writes the files the",
      "README's audit and simulate examples use: a screening programme (programme.yaml) and another",
      "population's density mix (national-mix.csv)."
    })
final class DemoCommand implements Callable<Integer> {
  static final String PROGRAMME = "programme.yaml";
  static final String NATIONAL_MIX = "national-mix.csv";

  /** The synthetic cohort's programme: double reading, discordances arbitrated as recorded in its "arbitration" column. */
  static final String PROGRAMME_YAML = """
      # The synthetic cohort's screening programme (see docs/simulation.md for every key)
      reading: double
      arbitration: recorded
      minutes_per_read: 1.0
      minutes_per_arbitration: 3.0
      cost_per_recall: 250
      """;

  /** An illustrative density mix of another population (shares sum to 1), for audit --target-population. */
  static final String NATIONAL_MIX_CSV = """
      density,share
      A,0.10
      B,0.40
      C,0.40
      D,0.10
      """;

  @Spec CommandSpec command;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "radtrial-demo",
      description = "Directory for the case table and results.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--cases", paramLabel = "N", defaultValue = "50000", description = "Number of exams (default: ${DEFAULT-VALUE}).")
  int cases;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "2026", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "2000", description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Override
  public Integer call() {
    Path table = out.resolve("synthetic-cohort.csv");
    Cohort cohort = SynthCommand.write(cases, seed, table);
    AtomicFiles.writeString(out.resolve(PROGRAMME), PROGRAMME_YAML);
    AtomicFiles.writeString(out.resolve(NATIONAL_MIX), NATIONAL_MIX_CSV);
    var stdout = command.commandLine().getOut();
    stdout.printf("Synthetic screening cohort (not real patients): %s%n", table);
    stdout.printf("For the README's audit and simulate examples: %s, %s%n", out.resolve(NATIONAL_MIX), out.resolve(PROGRAMME));
    String[] args = {
      "evaluate", "--cases", table.toString(), "--id", SynthCommand.ID, "--truth", SynthCommand.TRUTH, "--positive", "1",
      "--models", "model_a,model_b,model_c", "--readers", "reader_1,reader_2",
      "--metadata", String.join(",", cohort.metadata().keySet()), "--ni-margin", "0.05",
      "--seed", Long.toString(seed), "--bootstrap", Integer.toString(bootstrap), "--out", out.toString()
    };
    stdout.println("$ radtrial " + String.join(" ", args));
    stdout.println();
    stdout.flush();
    return command.commandLine().getParent().execute(args);
  }
}

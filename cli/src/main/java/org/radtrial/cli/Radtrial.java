package org.radtrial.cli;

import java.util.List;
import org.radtrial.run.RadtrialVersion;
import org.radtrial.run.StepTimes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code radtrial} command: parses, delegates, prints. */
@Command(
    name = "radtrial",
    mixinStandardHelpOptions = true,
    versionProvider = Radtrial.Version.class,
    description = "Clinical evidence for imaging AI on your own retrospective cases.")
public final class Radtrial {
  /** Exit code for input the user must fix (bad file, bad option). */
  static final int BAD_INPUT = 2;

  /** The subcommands, in the order {@code radtrial --help} lists them. */
  private static final List<Class<?>> SUBCOMMANDS = List.of(EvaluateCommand.class, AuditCommand.class,
      SimulateCommand.class, SiteSummaryCommand.class, PoolCommand.class, MrmcCommand.class, LesionsCommand.class,
      MasksCommand.class, ReconCommand.class, DicomCommand.class, ReportCommand.class, ServeCommand.class,
      SynthCommand.class, DemoCommand.class, CommandLine.HelpCommand.class);

  public static void main(String[] args) {
    StepTimes.started();
    System.exit(run(commandLine(args), args));
  }

  /** Runs the arguments on a command line with the console's logging; returns the exit status. */
  static int run(CommandLine cli, String[] args) {
    ConsoleLogging.install();
    int status = cli.execute(args);
    StepTimes.step("console summary");
    return status;
  }

  /** The configured command line with every subcommand, also used by tests through {@code execute()}. */
  public static CommandLine commandLine() {
    return configured(SUBCOMMANDS);
  }

  /**
   * The command line for these arguments: when the first names a subcommand, the root holds that
   * one only. Picocli builds the model of every subcommand it is given (reflection over each
   * command's options, and the classes their fields need); building all fifteen took about 0.15 s of
   * every run. Anything else (no arguments, {@code --help}, {@code help}, a misspelt command) gets
   * the whole tree, so usage, help and suggestions are unchanged.
   */
  static CommandLine commandLine(String[] args) {
    if (args.length > 0) {
      for (Class<?> subcommand : SUBCOMMANDS) {
        Command command = subcommand.getAnnotation(Command.class);
        if (command != null && subcommand != CommandLine.HelpCommand.class
            && (command.name().equals(args[0]) || List.of(command.aliases()).contains(args[0]))) {
          // demo runs evaluate through this same command line
          return configured(subcommand == DemoCommand.class ? List.of(EvaluateCommand.class, subcommand) : List.of(subcommand));
        }
      }
    }
    return commandLine();
  }

  private static CommandLine configured(List<Class<?>> subcommands) {
    CommandLine cli = new CommandLine(new Radtrial());
    for (Class<?> subcommand : subcommands) {
      cli.addSubcommand(subcommand);
    }
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return EarlierResults.install(HelpText.install(cli));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"radtrial " + RadtrialVersion.get(), "Java " + System.getProperty("java.version")};
    }
  }
}

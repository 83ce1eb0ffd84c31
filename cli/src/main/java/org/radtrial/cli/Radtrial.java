package org.radtrial.cli;

import org.radtrial.run.RadtrialVersion;
import org.radtrial.run.StepTimes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code radtrial} command: parses, delegates, prints. */
@Command(
    name = "radtrial",
    mixinStandardHelpOptions = true,
    versionProvider = Radtrial.Version.class,
    description = "Clinical evidence for imaging AI on your own retrospective cases.",
    subcommands = {EvaluateCommand.class, AuditCommand.class, SimulateCommand.class, SiteSummaryCommand.class, PoolCommand.class,
        MrmcCommand.class, LesionsCommand.class, MasksCommand.class, ReconCommand.class, DicomCommand.class,
        ReportCommand.class, ServeCommand.class, SynthCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Radtrial {
  /** Exit code for input the user must fix (bad file, bad option). */
  static final int BAD_INPUT = 2;

  public static void main(String[] args) {
    StepTimes.started();
    ConsoleLogging.install();
    int status = commandLine().execute(args);
    StepTimes.step("console summary");
    System.exit(status);
  }

  /** The configured command line, also used by tests through {@code execute()}. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Radtrial());
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

package org.radtrial.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code radtrial} command: parses, delegates, prints. */
@Command(
    name = "radtrial",
    mixinStandardHelpOptions = true,
    versionProvider = Radtrial.Version.class,
    description = "Clinical evidence for imaging AI on your own retrospective cases.",
    subcommands = {EvaluateCommand.class, AuditCommand.class, SimulateCommand.class, MrmcCommand.class, DicomCommand.class,
        ReportCommand.class, ServeCommand.class, SynthCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Radtrial {
  /** Exit code for input the user must fix (bad file, bad option). */
  static final int BAD_INPUT = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests through {@code execute()}. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Radtrial());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return StaleResults.install(cli);
  }

  /** radtrial's version, from the build. */
  public static String version() {
    try (InputStream in = Radtrial.class.getResourceAsStream("/radtrial.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"radtrial " + version(), "Java " + System.getProperty("java.version")};
    }
  }
}

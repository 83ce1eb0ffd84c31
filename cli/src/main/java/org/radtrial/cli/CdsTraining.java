package org.radtrial.cli;

/**
 * The run the build makes to write the AppCDS archive (cli/pom.xml, {@code radtrial.jsa}): the
 * given command through the command line that holds every subcommand, so that the classes of all
 * of them are archived, although {@code radtrial} itself builds only the subcommand it is asked
 * for ({@link Radtrial#commandLine(String[])}). Not meant for users.
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) {
    System.exit(Radtrial.run(Radtrial.commandLine(), args));
  }
}

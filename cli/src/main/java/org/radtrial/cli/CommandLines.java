package org.radtrial.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** The command as the user typed it, for the provenance of a result. */
final class CommandLines {
  private CommandLines() {}

  /**
   * "radtrial" and the original arguments, each quoted for a POSIX shell where it holds anything
   * but letters, digits and {@code _./=,:+-} (a constraint such as {@code recall_rate<=0.03} holds
   * '<'), so the line can be pasted to reproduce the run.
   */
  static String quoted(CommandSpec command) {
    List<String> words = new ArrayList<>(List.of("radtrial"));
    for (String arg : command.commandLine().getParseResult().originalArgs()) {
      words.add(arg.matches("[A-Za-z0-9_./=,:+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return String.join(" ", words);
  }
}

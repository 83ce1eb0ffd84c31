package org.radtrial.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radtrial.run.ResultsFolder;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A run that fails, or a command line that cannot be parsed, never touches the results.json and
 * report.html an earlier run left in OUT (they are replaced only when a new run succeeds, see
 * {@link ResultsFolder#write}); the error message says they were kept, so that they are not taken
 * for the result of the run that failed.
 */
final class EarlierResults {
  private EarlierResults() {}

  /**
   * The words to append to a failed command's message when OUT holds an earlier run's results, or
   * "" when it holds none (or the command writes no results folder).
   */
  static String keptNote(CommandLine failed) {
    if (defaultOut(failed.getCommandName()) == null) {
      return "";
    }
    OptionSpec out = failed.getCommandSpec().findOption("--out");
    Object value = out == null ? null : out.getValue();
    return value == null ? "" : keptNote(Path.of(value.toString()));
  }

  static String keptNote(Path out) {
    List<String> kept = new ArrayList<>();
    for (String name : List.of(ResultsFolder.RESULTS, ResultsFolder.REPORT)) {
      if (Files.isRegularFile(out.resolve(name))) {
        kept.add(name);
      }
    }
    if (kept.isEmpty()) {
      return "";
    }
    return "; nothing was written: the earlier " + String.join(" and ", kept) + " in " + out + " "
        + (kept.size() == 1 ? "was kept as it was" : "were kept as they were");
  }

  /** Reports the bad option as usual, then says that OUT's earlier results were kept. */
  static IParameterExceptionHandler onBadOptions(IParameterExceptionHandler usual) {
    return (ParameterException e, String[] args) -> {
      int code = usual.handleParseException(e, args);
      List<String> words = List.of(args);
      String defaultOut = defaultOut(words.isEmpty() ? "" : words.get(0));
      if (defaultOut != null) {
        String note = keptNote(Path.of(outValue(words, defaultOut)));
        if (!note.isEmpty()) {
          e.getCommandLine().getErr().println("radtrial: " + note.substring("; ".length()) + ".");
        }
      }
      return code;
    };
  }

  private static String defaultOut(String command) {
    return switch (command) {
      case "evaluate", "audit", "simulate", "mrmc" -> "radtrial-out";
      case "demo" -> "radtrial-demo";
      case "lesions" -> "radtrial-lesions";
      case "pool" -> "radtrial-pooled";
      default -> null;
    };
  }

  private static String outValue(List<String> words, String fallback) {
    for (int k = 0; k < words.size(); k++) {
      String w = words.get(k);
      if (w.equals("--out") && k + 1 < words.size()) {
        return words.get(k + 1);
      }
      if (w.startsWith("--out=")) {
        return w.substring("--out=".length());
      }
    }
    return fallback;
  }

  static CommandLine install(CommandLine cli) {
    return cli.setParameterExceptionHandler(onBadOptions(cli.getParameterExceptionHandler()));
  }
}

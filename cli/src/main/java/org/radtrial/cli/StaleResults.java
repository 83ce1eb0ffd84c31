package org.radtrial.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.radtrial.run.ResultsFolder;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A results.json (or report.html) left by an earlier run must never pass for the result of a run
 * that failed: both are removed when a run starts, and also when the command line itself cannot be
 * parsed.
 */
final class StaleResults {
  private StaleResults() {}

  static void remove(Path results) {
    try {
      Files.deleteIfExists(results);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the previous " + results, e);
    }
  }

  /** Removes OUT/results.json and OUT/report.html of a command that writes them, then reports the bad option as usual. */
  static IParameterExceptionHandler onBadOptions(IParameterExceptionHandler usual) {
    return (ParameterException e, String[] args) -> {
      List<String> words = List.of(args);
      String defaultOut = defaultOut(words.isEmpty() ? "" : words.get(0));
      if (defaultOut != null) {
        Path out = Path.of(outValue(words, defaultOut));
        remove(out.resolve("results.json"));
        remove(out.resolve(ResultsFolder.REPORT));
      }
      return usual.handleParseException(e, args);
    };
  }

  private static String defaultOut(String command) {
    return switch (command) {
      case "evaluate", "audit", "simulate", "mrmc" -> "radtrial-out";
      case "demo" -> "radtrial-demo";
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

package org.radtrial.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.radtrial.io.AtomicFiles;

/** The folder a command-line run writes to: results.json and, unless asked not to, report.html beside it. */
public record ResultsFolder(Path directory, boolean withReport) {
  public static final String RESULTS = "results.json";
  public static final String REPORT = "report.html";

  public Path resultsFile() {
    return directory.resolve(RESULTS);
  }

  public Path reportFile() {
    return directory.resolve(REPORT);
  }

  /** Writes the outcome's results.json and report, each atomically. */
  public void write(RunOutcome outcome) {
    String text = outcome.resultsText();
    AtomicFiles.writeString(resultsFile(), text);
    if (withReport) {
      AtomicFiles.writeString(reportFile(), RunOutcome.report(text));
    }
  }

  /** Removes files an earlier run left, so that they never pass for the result of a run that fails. */
  public void removeStale() {
    remove(resultsFile());
    remove(reportFile());
  }

  static void remove(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the previous " + file, e);
    }
  }
}

package org.radtrial.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.radtrial.io.AtomicFiles;

/**
 * The folder a command-line run writes to: results.json and, unless asked not to, report.html beside
 * it. A run that fails never touches what an earlier run wrote there: the new files replace the old
 * ones only once the run has succeeded and both are rendered.
 */
public record ResultsFolder(Path directory, boolean withReport) {
  public static final String RESULTS = "results.json";
  public static final String REPORT = "report.html";

  public Path resultsFile() {
    return directory.resolve(RESULTS);
  }

  public Path reportFile() {
    return directory.resolve(REPORT);
  }

  /**
   * Checks, before any computation, that OUT is (or can become) a folder this process may write to.
   *
   * @throws IllegalArgumentException naming --out, what is in the way and the fix
   */
  public void check() {
    Path existing = directory.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    if (!Files.isDirectory(existing)) {
      throw new IllegalArgumentException("--out " + directory + ": " + (existing.equals(directory.toAbsolutePath())
          ? "this is a file" : existing + " is a file") + "; OUT must be a folder (results.json and " + REPORT
          + " are written into it): give a folder's path, e.g. --out " + suggestion());
    }
    if (!Files.isWritable(existing)) {
      throw new IllegalArgumentException("--out " + directory + ": cannot write into " + existing
          + " (permission denied); choose another --out or make the folder writable");
    }
  }

  private String suggestion() {
    Path name = directory.getFileName();
    return (name == null ? "results" : name + "-results") + "/";
  }

  /** Whether results.json or report.html of an earlier run are in the folder. */
  public boolean holdsEarlierResults() {
    return Files.exists(resultsFile()) || Files.exists(reportFile());
  }

  /**
   * Writes the outcome's results.json and report: both are rendered and written to temporary files
   * first, then renamed over the earlier ones. Without a report, an earlier run's report.html is
   * removed once the new results.json is in place, so that it never passes for the new run's.
   */
  public void write(RunOutcome outcome) {
    String text = outcome.resultsText();
    StepTimes.step("results.json text");
    write(text);
  }

  /** Writes a results.json text (and its report), as {@link #write(RunOutcome)} does. */
  public void write(String text) {
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(resultsFile(), text);
    if (withReport) {
      files.put(reportFile(), RunOutcome.report(text));
      StepTimes.step("report.html");
    }
    AtomicFiles.writeStrings(files);
    StepTimes.step("write the files");
    if (!withReport) {
      try {
        Files.deleteIfExists(reportFile());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the earlier run's " + reportFile() + ", which does not match the new "
            + RESULTS, e);
      }
    }
  }
}

package org.radtrial.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.stat.ProgressListener;
import picocli.CommandLine.Option;

/**
 * The {@code --progress} / {@code --no-progress} option of the commands that compute for long: a
 * bar on standard error, by default only on a terminal, so that logs and pipes get no carriage
 * returns.
 */
final class ProgressOption {
  @Option(names = "--progress", negatable = true, description = "Show a progress bar (default: when on a terminal).")
  @Nullable Boolean progress;

  /** Whether the bar is drawn: as asked, else when on a terminal. */
  boolean shown() {
    return progress != null ? progress : System.console() != null;
  }

  /**
   * Runs work that may draw the bar; if it fails, ends the bar's line first, so that the error's one
   * line starts on a line of its own.
   */
  <T> T ending(PrintWriter err, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      if (shown()) {
        err.println();
        err.flush();
      }
      throw e;
    }
  }

  /** A bar counting {@code what} on {@code err} when {@link #shown()}, else nothing. */
  ProgressListener bar(PrintWriter err, String what) {
    return shown() ? new ProgressBar(err, what) : ProgressListener.NONE;
  }
}

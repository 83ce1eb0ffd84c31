package org.radtrial.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.radtrial.dicom.pacs.PacsPull;

/**
 * The progress of a pull on stderr: the phase, exams done of all, files written and MB/s. Redrawn
 * at most ten times a second on a terminal; elsewhere (a log file, a pipe) only each phase's final
 * line is written, without carriage returns.
 */
final class PullProgressBar implements PacsPull.Listener {
  private static final int WIDTH = 30;
  private final PrintWriter out;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private long lastDrawn;

  PullProgressBar(PrintWriter out) {
    this(out, System.console() != null);
  }

  PullProgressBar(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public synchronized void progress(String phase, int done, int total, long files, long bytes) {
    long now = System.nanoTime();
    if (done < total && (!terminal || now - lastDrawn < 100_000_000L)) {
      return;
    }
    lastDrawn = now;
    int filled = (int) Math.round((total == 0 ? 1 : done / (double) total) * WIDTH);
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    out.printf(Locale.ROOT, (terminal ? "\r" : "") + "%-10s [%s%s] %d/%d exams  %d files  %.1f MB/s ", phase, "#".repeat(filled),
        " ".repeat(WIDTH - filled), done, total, files, bytes / 1e6 / seconds);
    if (done >= total) {
      out.println();
    }
    out.flush();
  }
}

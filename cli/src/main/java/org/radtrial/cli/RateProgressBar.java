package org.radtrial.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.radtrial.dicom.scan.ScanListener;

/**
 * A one-line progress bar on stderr with files/s and MB/s, redrawn at most ten times a second on a
 * terminal; elsewhere (a log file, a pipe) only the final line is written, without carriage returns.
 */
final class RateProgressBar implements ScanListener {
  private static final int WIDTH = 30;
  private final PrintWriter out;
  private final String label;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private long lastDrawn;

  RateProgressBar(PrintWriter out, String label) {
    this(out, label, System.console() != null);
  }

  RateProgressBar(PrintWriter out, String label, boolean terminal) {
    this.out = out;
    this.label = label;
    this.terminal = terminal;
  }

  @Override
  public synchronized void scanned(long files, long total, long bytes) {
    long now = System.nanoTime();
    if (files < total && (!terminal || now - lastDrawn < 100_000_000L)) {
      return;
    }
    lastDrawn = now;
    double fraction = total == 0 ? 1 : files / (double) total;
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    out.printf(Locale.ROOT, (terminal ? "\r" : "") + "%s [%s%s] %d/%d files  %.0f files/s  %.1f MB/s ", label, "#".repeat(filled),
        " ".repeat(WIDTH - filled), files, total, files / seconds, bytes / 1e6 / seconds);
    if (files >= total) {
      out.println();
    }
    out.flush();
  }
}

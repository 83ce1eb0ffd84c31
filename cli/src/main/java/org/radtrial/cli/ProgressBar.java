package org.radtrial.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.radtrial.core.stat.ProgressListener;

/** A one-line progress bar on stderr, redrawn at most ten times a second. */
final class ProgressBar implements ProgressListener {
  private static final int WIDTH = 30;
  private final PrintWriter out;
  private final String label;
  private final long started = System.nanoTime();
  private long lastDrawn;

  ProgressBar(PrintWriter out, String label) {
    this.out = out;
    this.label = label;
  }

  @Override
  public synchronized void progress(long done, long total) {
    long now = System.nanoTime();
    if (done < total && now - lastDrawn < 100_000_000L) {
      return;
    }
    lastDrawn = now;
    double fraction = total == 0 ? 1 : done / (double) total;
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = (now - started) / 1e9;
    double eta = fraction > 0 ? seconds * (1 - fraction) / fraction : 0;
    out.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%%  %.1fs elapsed, ~%.0fs left ", label,
        "#".repeat(filled), " ".repeat(WIDTH - filled), 100 * fraction, seconds, eta);
    if (done >= total) {
      out.println();
    }
    out.flush();
  }
}

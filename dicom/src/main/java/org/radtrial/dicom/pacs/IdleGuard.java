package org.radtrial.dicom.pacs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a response stream on which nothing has arrived for the idle timeout, so that a stalled
 * archive ends a transfer with an error instead of blocking it for ever (the JDK's request timeout
 * covers only the wait for the response headers).
 */
final class IdleGuard extends FilterInputStream {
  private final long idleNanos;
  private final ScheduledFuture<?> check;
  private volatile long lastRead = System.nanoTime();
  private volatile boolean stalled;

  IdleGuard(InputStream in, Duration idle, ScheduledExecutorService watchdog) {
    super(in);
    this.idleNanos = idle.toNanos();
    long period = Math.max(100, Math.min(1000, idle.toMillis() / 4));
    this.check = watchdog.scheduleAtFixedRate(this::closeIfIdle, period, period, TimeUnit.MILLISECONDS);
  }

  private void closeIfIdle() {
    if (System.nanoTime() - lastRead > idleNanos) {
      stalled = true;
      try {
        in.close();
      } catch (IOException ignored) {
        // closing is all that is wanted
      }
      check.cancel(false);
    }
  }

  @Override
  public int read() throws IOException {
    return guarded(() -> super.read());
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return guarded(() -> super.read(b, off, len));
  }

  private interface Read {
    int run() throws IOException;
  }

  private int guarded(Read read) throws IOException {
    try {
      int n = read.run();
      lastRead = System.nanoTime();
      return n;
    } catch (IOException e) {
      if (stalled) {
        throw new IOException("nothing arrived for " + idleNanos / 1_000_000_000L + " s; the transfer was stopped", e);
      }
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    check.cancel(false);
    super.close();
  }
}

package org.radtrial.core.stat;

/** Told how far a long computation has come; the core never prints, the CLI draws the bar. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  /** Called with work units done so far out of the total. Must be thread-safe. */
  void progress(long done, long total);
}

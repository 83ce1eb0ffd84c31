package org.radtrial.io;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats of reader-study ratings. */
public enum RatingsFormat {
  /** A table with one row per reading (CSV, TSV or Parquet) and named columns. */
  TABLE,
  /** The FDA iMRMC program's input format ({@code .imrmc}). */
  IMRMC,
  /** The OR-DBM MRMC program's input format ({@code .lrc}). */
  LRC;

  /** The format a file name suggests: .imrmc, .lrc, else a table. */
  public static RatingsFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".imrmc")) {
      return IMRMC;
    }
    return name.endsWith(".lrc") ? LRC : TABLE;
  }
}

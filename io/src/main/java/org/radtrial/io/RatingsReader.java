package org.radtrial.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.radtrial.core.mrmc.ReaderStudy;

/**
 * Reads the ratings of a multi-reader multi-case study into a {@link ReaderStudy}: a table with one
 * row per reading (CSV, TSV or Parquet), an iMRMC file ({@code .imrmc}) or an OR-DBM MRMC file
 * ({@code .lrc}). The design must be fully crossed; duplicate readings, a case whose truth differs
 * between rows, a reader who missed a case, a non-numeric rating or an unknown column each stop the
 * read with a {@link CaseTableException} naming the file and the rows or lines concerned. The file is
 * never modified.
 */
public final class RatingsReader {
  private RatingsReader() {}

  public static ReaderStudy read(Path path, RatingsSpec spec) {
    String file = path.toString();
    if (!Files.isRegularFile(path)) {
      throw new CaseTableException(file, 0, null, Files.exists(path)
          ? "is not a regular file; give the path of a ratings file"
          : "no such file; check the path given to --ratings");
    }
    RatingsFormat format = spec.format() != null ? spec.format() : RatingsFormat.of(path);
    return switch (format) {
      case TABLE -> RatingsTableReader.read(path, spec);
      case IMRMC -> ImrmcReader.read(path, spec);
      case LRC -> LrcReader.read(path, spec);
    };
  }
}

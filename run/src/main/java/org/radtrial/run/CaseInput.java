package org.radtrial.run;

import java.nio.file.Path;
import org.radtrial.io.CaseTableSpec;

/**
 * The case table a run reads and the roles of its columns.
 *
 * @param file where the table's bytes are
 * @param name the table as its user knows it (the path typed on the command line, or the uploaded
 *     file's name): shown in provenance and in messages
 * @param spec the columns' roles
 */
public record CaseInput(Path file, String name, CaseTableSpec spec) {
  public CaseInput {
    if (file == null || name == null || spec == null) {
      throw new IllegalArgumentException("a case input needs a file, its name and the columns' roles");
    }
  }

  /** A table named by its path, as on the command line. */
  public static CaseInput of(Path file, CaseTableSpec spec) {
    return new CaseInput(file, file.toString(), spec);
  }
}

package org.radtrial.cli;

import java.nio.file.Path;
import org.radtrial.run.ResultsFolder;

/** Where the report of a results.json goes. */
final class ReportFiles {
  static final String NAME = ResultsFolder.REPORT;

  private ReportFiles() {}

  static Path besideResults(Path results) {
    Path parent = results.toAbsolutePath().getParent();
    return parent == null ? Path.of(NAME) : parent.resolve(NAME);
  }
}

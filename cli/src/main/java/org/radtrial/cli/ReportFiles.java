package org.radtrial.cli;

import java.nio.file.Path;

/** Where the report of a results.json goes. */
final class ReportFiles {
  static final String NAME = "report.html";

  private ReportFiles() {}

  static Path besideResults(Path results) {
    Path parent = results.toAbsolutePath().getParent();
    return parent == null ? Path.of(NAME) : parent.resolve(NAME);
  }
}

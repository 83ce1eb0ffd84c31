package org.radtrial.dicom.scan;

import java.util.Objects;

/**
 * What is wrong with one file.
 *
 * @param file the file, relative to the scanned folder
 * @param severity whether the file still yields a row
 * @param problem what is wrong, in words, naming the attribute where there is one
 */
public record ScanProblem(String file, Severity severity, String problem) {
  public ScanProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(problem, "problem");
  }

  @Override
  public String toString() {
    return file + ": " + severity.label() + ": " + problem;
  }
}

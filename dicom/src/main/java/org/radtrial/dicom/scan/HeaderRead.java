package org.radtrial.dicom.scan;

import java.util.List;
import java.util.Optional;

/**
 * What reading one file gave: its row (absent when an error or a skip prevented one) and its
 * problems, each naming the file.
 */
public record HeaderRead(Optional<InstanceRow> row, List<ScanProblem> problems, long bytes) {
  public HeaderRead {
    problems = List.copyOf(problems);
  }
}

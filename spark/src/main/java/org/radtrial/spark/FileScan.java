package org.radtrial.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radtrial.dicom.scan.HeaderRead;
import org.radtrial.dicom.scan.HeaderReader;
import org.radtrial.dicom.scan.InstanceRow;
import org.radtrial.dicom.scan.ScanProblem;
import org.radtrial.dicom.scan.Severity;

/**
 * What reading one file's header gave, in a form Spark can move between machines: the instance row's
 * cells (null when the file gave none) and its problems, in the order the reader found them.
 */
record FileScan(String file, String[] cells, List<Problem> problems, long bytes) implements Serializable {
  /** One problem of the file; {@code order} keeps the reader's order within the file. */
  record Problem(String file, int order, String severity, String text) implements Serializable {}

  /**
   * Reads one file with the single-machine scan's {@link HeaderReader}. Never throws: anything the
   * reader itself lets escape (a stack overflow on a pathological nesting, a file that vanished from an
   * object store) is the file's error, so one file cannot fail the job.
   */
  static FileScan read(Archive archive, String name, HeaderReader reader, Path scratch) {
    Path local = null;
    try {
      local = archive.fetch(name, scratch);
      HeaderRead read = reader.read(local);
      List<Problem> problems = new ArrayList<>();
      for (ScanProblem p : read.problems()) {
        problems.add(new Problem(name, problems.size(), p.severity().label(), p.problem()));
      }
      String[] cells = read.row().map(InstanceRow::cells).map(c -> c.toArray(String[]::new)).orElse(null);
      return new FileScan(name, cells, problems, read.bytes());
    } catch (IOException | RuntimeException | StackOverflowError e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().replace('\n', ' ');
      return new FileScan(name, null, List.of(new Problem(name, 0, Severity.ERROR.label(), "cannot be read: " + m)), 0);
    } finally {
      if (local != null && !archive.local()) {
        try {
          Files.deleteIfExists(local);
        } catch (IOException ignored) {
          // a scratch copy left behind is removed with the executor's local directory
        }
      }
    }
  }
}

package org.radtrial.dicom.deid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radtrial.dicom.DicomFileException;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.dicom.scan.ScanProblem;
import org.radtrial.dicom.scan.Severity;

/** Re-reads every file of a de-identified tree and lists what {@link DeidChecker} finds in each. */
public final class CheckDeid {
  private CheckDeid() {}

  /** @return one problem per finding (file, what still holds a value); empty when the tree is clean */
  public static Report check(Path out) {
    List<Path> files = DicomFiles.under(out);
    List<ScanProblem> findings = new ArrayList<>();
    for (Path file : files) {
      String name = DicomFiles.relative(out, file);
      try {
        // the whole file: attributes after Pixel Data (Data Set Trailing Padding) are in the table too
        DeidChecker.check(DicomFiles.readAll(file)).forEach(f -> findings.add(new ScanProblem(name, Severity.ERROR, f)));
      } catch (DicomFileException e) {
        findings.add(new ScanProblem(name, Severity.ERROR, "cannot be checked: " + e.getMessage()));
      }
    }
    return new Report(files.size(), findings);
  }

  /** Files checked and what was found. */
  public record Report(int files, List<ScanProblem> findings) {
    public Report {
      findings = List.copyOf(findings);
    }
  }
}

package org.radtrial.dicom.scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.radtrial.dicom.table.Column;
import org.radtrial.dicom.table.TableFile;

/**
 * Writes a scan's three tables beside each other: OUT (exams), OUT's name with ".instances" and
 * with ".errors" before the extension. All CSV or all Parquet, as OUT's extension says.
 */
public final class ScanTables {
  private ScanTables() {}

  public static Path instancesFile(Path out) {
    return sibling(out, "instances");
  }

  public static Path errorsFile(Path out) {
    return sibling(out, "errors");
  }

  /** Checks that OUT is .csv or .parquet, before any work is done. */
  public static void checkName(Path out) {
    TableFile.isParquet(out);
  }

  public static void write(Path out, ScanResult scan, ExamTable.Exams exams, List<ScanProblem> problems) {
    TableFile.write(instancesFile(out), Arrays.stream(InstanceColumn.values()).map(InstanceColumn::column).toList(),
        scan.instances().stream().map(InstanceRow::cells).toList());
    TableFile.write(errorsFile(out), List.of(Column.text("file"), Column.text("severity"), Column.text("problem")),
        problems.stream().map(p -> List.of(p.file(), p.severity().label(), p.problem())).toList());
    TableFile.write(out, Arrays.stream(ExamColumn.values()).map(ExamColumn::column).toList(),
        exams.rows().stream().map(ExamRow::cells).toList());
  }

  /** The problems of the scan and of grouping into exams, ordered by file. */
  public static List<ScanProblem> allProblems(ScanResult scan, ExamTable.Exams exams) {
    List<ScanProblem> all = new ArrayList<>(scan.problems());
    all.addAll(exams.problems());
    all.sort((a, b) -> a.file().compareTo(b.file()));
    return all;
  }

  private static Path sibling(Path out, String part) {
    String name = out.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    return out.resolveSibling(stem + "." + part + extension);
  }
}

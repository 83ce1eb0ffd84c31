package org.radtrial.dicom.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Groups instance rows into one row per study (StudyInstanceUID), by the rules of {@link ExamColumn}. */
public final class ExamTable {
  private static final String SEGMENTATION = "1.2.840.10008.5.1.4.1.1.66.4";

  private ExamTable() {}

  /**
   * The exams, ordered by StudyInstanceUID, and the problems found on the way: a SOPInstanceUID in
   * two files is reported for the second file (its instance is counted once).
   */
  public static Exams build(List<InstanceRow> instances) {
    Map<String, List<InstanceRow>> byStudy = new TreeMap<>();
    Map<String, String> firstFileOfInstance = new HashMap<>();
    List<ScanProblem> problems = new ArrayList<>();
    for (InstanceRow row : instances) {
      String sop = row.get(InstanceColumn.SOP_INSTANCE_UID);
      String earlier = firstFileOfInstance.putIfAbsent(sop, row.get(InstanceColumn.FILE));
      if (earlier != null) {
        problems.add(new ScanProblem(row.get(InstanceColumn.FILE), Severity.WARNING,
            "same SOPInstanceUID as " + earlier + "; the instance is counted once in its exam"));
        continue;
      }
      byStudy.computeIfAbsent(row.get(InstanceColumn.STUDY_INSTANCE_UID), k -> new ArrayList<>()).add(row);
    }
    List<ExamRow> exams = new ArrayList<>();
    byStudy.forEach((study, rows) -> exams.add(exam(study, rows)));
    return new Exams(exams, problems);
  }

  /** The exam rows and the problems found while grouping. */
  public record Exams(List<ExamRow> rows, List<ScanProblem> problems) {
    public Exams {
      rows = List.copyOf(rows);
      problems = List.copyOf(problems);
    }
  }

  private static ExamRow exam(String study, List<InstanceRow> all) {
    List<InstanceRow> images = all.stream().filter(ExamTable::isImage).toList();
    List<InstanceRow> described = images.isEmpty() ? all : images;
    List<String> cells = new ArrayList<>();
    for (ExamColumn column : ExamColumn.values()) {
      cells.add(switch (column.rule()) {
        case KEY -> study;
        case DISTINCT -> distinct(described, column.source());
        case MOST_COMMON -> mostCommon(described, column.source());
        case COUNT_DISTINCT_ALL -> Long.toString(all.stream().map(r -> r.get(column.source())).distinct().count());
        case SUM_ALL -> Long.toString(all.stream().map(r -> r.get(column.source())).filter(v -> !v.isEmpty())
            .mapToLong(Long::parseLong).sum());
      });
    }
    return new ExamRow(cells);
  }

  static boolean isImage(InstanceRow row) {
    return !row.get(InstanceColumn.ROWS).isEmpty() && !SEGMENTATION.equals(row.get(InstanceColumn.SOP_CLASS_UID));
  }

  private static String distinct(List<InstanceRow> rows, InstanceColumn source) {
    TreeSet<String> values = new TreeSet<>();
    rows.forEach(r -> {
      String v = r.get(source);
      if (!v.isEmpty()) {
        values.add(v);
      }
    });
    return String.join("|", values);
  }

  private static String mostCommon(List<InstanceRow> rows, InstanceColumn source) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    rows.forEach(r -> {
      String v = r.get(source);
      if (!v.isEmpty()) {
        counts.merge(v, 1, Integer::sum);
      }
    });
    return counts.entrySet().stream()
        .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
            .thenComparing(e -> -Double.parseDouble(e.getKey())))
        .map(Map.Entry::getKey)
        .orElse("");
  }
}

package org.radtrial.dicom.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.radtrial.dicom.scan.DicomValues;
import org.radtrial.dicom.table.Column;

/**
 * Model scores per exam, ready to join to a case table: for each model, the maximum (or mean) score
 * of its findings in the study and how many findings there were. A study with a report from the
 * model but no scored finding gets the --no-finding-score value, or an empty cell (missing).
 */
public final class ExamScores {
  /** How a model's findings in one study become its exam score. */
  public enum Aggregate { MAX, MEAN }

  private ExamScores() {}

  public record Table(List<Column> columns, List<List<String>> rows) {}

  public static Table of(AiResults results, Aggregate aggregate, Double noFindingScore) {
    TreeSet<String> models = new TreeSet<>();
    Map<String, String> accession = new TreeMap<>();
    Map<String, Map<String, List<Double>>> scores = new TreeMap<>();
    for (AiResults.Report r : results.reports()) {
      models.add(r.model());
      accession.merge(r.studyInstanceUid(), r.accessionNumber(), (a, b) -> a.isEmpty() ? b : a);
      scores.computeIfAbsent(r.studyInstanceUid(), k -> new TreeMap<>()).computeIfAbsent(r.model(), k -> new ArrayList<>());
    }
    for (Finding f : results.findings()) {
      scores.get(f.studyInstanceUid()).get(f.model()).add(f.score());
    }
    List<Column> columns = new ArrayList<>(List.of(Column.text("study_instance_uid"), Column.text("accession_number")));
    for (String m : models) {
      columns.add(Column.decimal(m));
      columns.add(Column.integer(m + "_findings"));
    }
    List<List<String>> rows = new ArrayList<>();
    scores.forEach((study, byModel) -> {
      List<String> row = new ArrayList<>(List.of(study, accession.getOrDefault(study, "")));
      for (String m : models) {
        List<Double> s = byModel.get(m);
        if (s == null) {
          row.add("");
          row.add("");
        } else {
          row.add(s.isEmpty() ? (noFindingScore == null ? "" : DicomValues.cell(noFindingScore)) : DicomValues.cell(combine(s, aggregate)));
          row.add(Integer.toString(s.size()));
        }
      }
      rows.add(row);
    });
    return new Table(columns, rows);
  }

  private static double combine(List<Double> scores, Aggregate aggregate) {
    return switch (aggregate) {
      case MAX -> scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      case MEAN -> scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    };
  }
}

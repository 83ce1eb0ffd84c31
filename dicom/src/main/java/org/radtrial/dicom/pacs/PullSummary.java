package org.radtrial.dicom.pacs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radtrial.dicom.table.Column;
import org.radtrial.dicom.table.TableFile;

/**
 * The pull's summary table, one row per exam: key, status (pulled, present, found, not_found,
 * ambiguous, failed), the study or studies the key matched, instances, fetched in this run, and the
 * reason for a failure. Written atomically, CSV or Parquet.
 */
public final class PullSummary {
  static final List<Column> COLUMNS = List.of(Column.text("key"), Column.text("status"), Column.text("study_instance_uid"),
      Column.integer("instances"), Column.integer("fetched"), Column.text("message"));

  private PullSummary() {}

  /** The default place: beside OUT, so that a scan of OUT does not meet it. */
  public static Path besides(Path out) {
    Path absolute = out.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + ".pull.csv");
  }

  public static void write(Path file, PacsPull.Result result) {
    List<List<String>> rows = new ArrayList<>();
    for (PacsPull.Exam e : result.exams()) {
      rows.add(List.of(e.key(), e.status().name().toLowerCase(java.util.Locale.ROOT), String.join("|", e.studies()),
          Integer.toString(e.instances()), Integer.toString(e.fetched()), e.message()));
    }
    TableFile.write(file, COLUMNS, rows);
  }
}

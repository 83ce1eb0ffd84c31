package org.radtrial.dicom.scan;

import java.util.List;

/** One study's row: a cell per {@link ExamColumn}. */
public record ExamRow(List<String> cells) {
  public ExamRow {
    if (cells.size() != ExamColumn.values().length) {
      throw new IllegalArgumentException("expected " + ExamColumn.values().length + " cells, got " + cells.size());
    }
    cells = List.copyOf(cells);
  }

  public String get(ExamColumn column) {
    return cells.get(column.ordinal());
  }
}

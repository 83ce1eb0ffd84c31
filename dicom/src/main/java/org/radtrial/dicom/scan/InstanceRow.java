package org.radtrial.dicom.scan;

import java.util.Arrays;
import java.util.List;

/** One DICOM file's row: a cell per {@link InstanceColumn}, empty when the file has no usable value. */
public record InstanceRow(List<String> cells) {
  public InstanceRow {
    if (cells.size() != InstanceColumn.values().length) {
      throw new IllegalArgumentException("expected " + InstanceColumn.values().length + " cells, got " + cells.size());
    }
    cells = List.copyOf(cells);
  }

  static InstanceRow of(String[] cells) {
    return new InstanceRow(Arrays.stream(cells).map(c -> c == null ? "" : c).toList());
  }

  public String get(InstanceColumn column) {
    return cells.get(column.ordinal());
  }
}

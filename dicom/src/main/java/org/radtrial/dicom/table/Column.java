package org.radtrial.dicom.table;

import java.util.Objects;

/** A named, typed column of a table written by {@link TableFile}. */
public record Column(String name, ColumnType type) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("column names are snake_case: " + name);
    }
  }

  public static Column text(String name) {
    return new Column(name, ColumnType.TEXT);
  }

  public static Column integer(String name) {
    return new Column(name, ColumnType.INTEGER);
  }

  public static Column decimal(String name) {
    return new Column(name, ColumnType.DECIMAL);
  }
}

package org.radtrial.dicom.table;

/** The type a column has in a Parquet file; CSV cells are text either way. */
public enum ColumnType {
  TEXT("VARCHAR"),
  INTEGER("BIGINT"),
  DECIMAL("DOUBLE"),
  BOOLEAN("BOOLEAN");

  private final String sql;

  ColumnType(String sql) {
    this.sql = sql;
  }

  String sql() {
    return sql;
  }
}

package org.radtrial.io;

import org.jspecify.annotations.Nullable;

/**
 * A case table that cannot be used as given. The message names the file, the row and column where
 * known, what was found, and what would fix it.
 */
public final class CaseTableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long row;
  private final @Nullable String column;

  /**
   * @param file the file's name as the user gave it
   * @param row 1-based data row (the header is not counted), or 0 when the problem is not in one row
   * @param column the column, or null
   * @param problem what is wrong and how to fix it
   */
  public CaseTableException(String file, long row, @Nullable String column, String problem) {
    super(locate(file, row, column) + ": " + problem);
    this.file = file;
    this.row = row;
    this.column = column;
  }

  private static String locate(String file, long row, @Nullable String column) {
    StringBuilder where = new StringBuilder(file);
    if (row > 0) {
      where.append(", row ").append(row);
    }
    if (column != null) {
      where.append(", column '").append(column).append('\'');
    }
    return where.toString();
  }

  public String file() {
    return file;
  }

  public long row() {
    return row;
  }

  public @Nullable String column() {
    return column;
  }
}

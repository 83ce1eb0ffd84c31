package org.radtrial.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.radtrial.io.CaseTableException;

/**
 * The option the user typed for a column. Commands pass columns named by --group, --threshold-by or
 * --diagnosis-months to the case-table reader as metadata, so its "no such column (named by
 * --metadata)" is re-told here with the option actually given.
 */
final class ColumnOptions {
  private static final String READER_OPTION = "(named by --metadata)";

  private final Map<String, String> optionOf = new LinkedHashMap<>();

  /** Records that {@code option} named {@code columns}, unless they were also given to --metadata. */
  ColumnOptions add(String option, Collection<String> columns, Collection<String> metadata) {
    for (String column : columns) {
      if (column != null && !metadata.contains(column)) {
        optionOf.putIfAbsent(column, option);
      }
    }
    return this;
  }

  /** The same error, naming the option the user typed for the column where it was not --metadata. */
  RuntimeException retold(CaseTableException e) {
    String option = e.column() == null ? null : optionOf.get(e.column());
    String prefix = e.file() + (e.row() > 0 ? ", row " + e.row() : "") + ", column '" + e.column() + "': ";
    if (option == null || !e.getMessage().startsWith(prefix) || !e.getMessage().contains(READER_OPTION)) {
      return e;
    }
    String problem = e.getMessage().substring(prefix.length()).replace(READER_OPTION, "(named by " + option + ")");
    CaseTableException retold = new CaseTableException(e.file(), e.row(), e.column(), problem);
    retold.initCause(e);
    return retold;
  }
}

package org.radtrial.io;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where things are in a ratings file, for messages: data rows of a table ("row 12", the header not
 * counted, as {@link CaseTableException} counts them) or lines of a text format ("line 17").
 *
 * @param file the file as the user named it
 * @param unit "row" or "line"
 */
record FilePositions(String file, String unit) {
  static FilePositions rows(String file) {
    return new FilePositions(file, "row");
  }

  static FilePositions lines(String file) {
    return new FilePositions(file, "line");
  }

  /** An error at one position (0 for none), naming the column of a table where known. */
  CaseTableException error(long position, @Nullable String column, String problem) {
    if (unit.equals("row")) {
      return new CaseTableException(file, position, column, problem);
    }
    return new CaseTableException(file, 0, null, position > 0 ? "line " + position + ": " + problem : problem);
  }

  /** "row 12", "rows 3, 17 and 40", or "rows 3, 17, 40 and 2 more" (at most {@code shown} listed). */
  String list(List<Long> positions, int shown) {
    if (positions.size() == 1) {
      return unit + " " + positions.get(0);
    }
    int more = positions.size() - shown;
    if (more > 0) {
      return unit + "s " + join(positions.subList(0, shown)) + " and " + more + " more";
    }
    return unit + "s " + join(positions.subList(0, positions.size() - 1)) + " and " + positions.get(positions.size() - 1);
  }

  private static String join(List<Long> positions) {
    return positions.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}

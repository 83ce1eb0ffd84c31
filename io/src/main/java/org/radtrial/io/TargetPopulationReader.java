package org.radtrial.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a target population's mix of strata: a small CSV with one column per stratifying metadata
 * column (for example age and density) and a {@code share} column (any positive numbers; they are
 * normalised). For a banded column the value is the band's label, for example "[50, 60)".
 */
public final class TargetPopulationReader {
  /** The name of the column that holds each stratum's share. */
  public static final String SHARE = "share";

  private TargetPopulationReader() {}

  /** The target's strata columns (the header without "share") and the share of each stratum. */
  public record Target(List<String> columns, Map<List<String>, Double> shares) {}

  public static Target read(Path path) {
    String file = path.toString();
    if (!Files.isRegularFile(path)) {
      throw new CaseTableException(file, 0, null, "no such file; check the path given to --target-population");
    }
    try (RowSource source = new CsvRowSource(path, path.toString().endsWith(".tsv") ? '\t' : ',')) {
      List<String> header = source.header();
      int share = header.indexOf(SHARE);
      if (share < 0) {
        throw new CaseTableException(file, 0, SHARE, "no such column; the target population needs a 'share' column"
            + " beside its strata columns. The header has: " + String.join(", ", header));
      }
      if (header.size() < 2) {
        throw new CaseTableException(file, 0, null, "name at least one stratum column beside 'share'");
      }
      List<String> columns = new ArrayList<>(header);
      columns.remove(share);
      Map<List<String>, Double> shares = new LinkedHashMap<>();
      long row = 0;
      for (String[] cells = source.next(); cells != null; cells = source.next()) {
        row++;
        if (cells.length == 1 && (cells[0] == null || cells[0].isBlank())) {
          continue;
        }
        if (cells.length != header.size()) {
          throw new CaseTableException(file, row, null, "the row has " + cells.length + " cells but the header has "
              + header.size() + " columns");
        }
        double value;
        try {
          value = Double.parseDouble(cells[share].trim());
        } catch (NumberFormatException e) {
          throw new CaseTableException(file, row, SHARE, "'" + cells[share] + "' is not a number; shares are positive numbers");
        }
        if (!(value > 0) || !Double.isFinite(value)) {
          throw new CaseTableException(file, row, SHARE, "share " + cells[share] + " must be a positive number");
        }
        List<String> stratum = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
          if (c != share) {
            stratum.add(cells[c].trim());
          }
        }
        if (shares.put(List.copyOf(stratum), value) != null) {
          throw new CaseTableException(file, row, null, "stratum " + stratum + " is listed twice");
        }
      }
      if (shares.isEmpty()) {
        throw new CaseTableException(file, 0, null, "the target population lists no strata");
      }
      return new Target(List.copyOf(columns), shares);
    }
  }
}

package org.radtrial.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radtrial.core.recon.ExamCost;

/**
 * Reads what each exam of each protocol costs for {@code radtrial recon --savings}: a CSV with the
 * columns {@code case} (a case id of the case table, or {@code *} for every case), {@code image}
 * (the reference's column name or a method's) and any of {@code minutes}, {@code ctdivol_mgy},
 * {@code dlp_mgy_cm}, {@code activity_mbq} (an empty cell: not known). A row for one case overrides
 * a {@code *} row of the same image. Problems name the file, row and column.
 */
public final class SavingsTableReader {
  private static final List<String> QUANTITIES = List.of("minutes", "ctdivol_mgy", "dlp_mgy_cm", "activity_mbq");

  private SavingsTableReader() {}

  /**
   * costs[case][protocol], protocols the reference then each method, ExamCost.UNKNOWN where the table is silent.
   *
   * @param caseIds the case table's ids, in order
   * @param protocols the reference's column name, then each method's
   */
  public static ExamCost[][] read(Path file, List<String> caseIds, List<String> protocols) {
    String name = file.toString();
    Map<String, Integer> caseIndex = new HashMap<>();
    for (int i = 0; i < caseIds.size(); i++) {
      caseIndex.put(caseIds.get(i), i);
    }
    ExamCost[][] specific = new ExamCost[caseIds.size()][protocols.size()];
    ExamCost[] everyCase = new ExamCost[protocols.size()];
    try (CsvRowSource source = new CsvRowSource(file, ',')) {
      List<String> header = source.header().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
      int caseAt = required(header, "case", name);
      int imageAt = required(header, "image", name);
      int[] at = new int[QUANTITIES.size()];
      boolean any = false;
      for (int q = 0; q < at.length; q++) {
        at[q] = header.indexOf(QUANTITIES.get(q));
        any |= at[q] >= 0;
      }
      if (!any) {
        throw new CaseTableException(name, 0, null, "no cost column; give at least one of " + QUANTITIES);
      }
      String[] cells;
      long row = 0;
      while ((cells = source.next()) != null) {
        row++;
        if (cells.length == 1 && (cells[0] == null || cells[0].isBlank())) {
          continue;
        }
        String caseId = text(cells, caseAt);
        String image = text(cells, imageAt);
        int p = protocols.indexOf(image);
        if (p < 0) {
          throw new CaseTableException(name, row, "image", "'" + image + "' is neither the reference nor a method; use one of "
              + protocols);
        }
        double[] v = new double[at.length];
        for (int q = 0; q < at.length; q++) {
          String cell = at[q] < 0 ? "" : text(cells, at[q]);
          try {
            v[q] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
          } catch (NumberFormatException e) {
            throw new CaseTableException(name, row, QUANTITIES.get(q), "'" + cell + "' is not a number");
          }
        }
        ExamCost cost;
        try {
          cost = new ExamCost(v[0], v[1], v[2], v[3]);
        } catch (IllegalArgumentException e) {
          throw new CaseTableException(name, row, null, String.valueOf(e.getMessage()));
        }
        if (caseId.equals("*")) {
          everyCase[p] = cost;
        } else {
          Integer c = caseIndex.get(caseId);
          if (c == null) {
            throw new CaseTableException(name, row, "case", "'" + caseId + "' is not a case of the case table (or * for every case)");
          }
          specific[c][p] = cost;
        }
      }
    }
    ExamCost[][] out = new ExamCost[caseIds.size()][protocols.size()];
    for (int c = 0; c < out.length; c++) {
      for (int p = 0; p < protocols.size(); p++) {
        ExamCost general = everyCase[p] == null ? ExamCost.UNKNOWN : everyCase[p];
        out[c][p] = specific[c][p] == null ? general : specific[c][p].orElse(general);
      }
    }
    return out;
  }

  private static String text(String[] cells, int at) {
    return at < cells.length && cells[at] != null ? cells[at].trim() : "";
  }

  private static int required(List<String> header, String column, String name) {
    int at = header.indexOf(column);
    if (at < 0) {
      throw new CaseTableException(name, 0, column, "no such column; a savings table needs case, image and at least one of "
          + QUANTITIES);
    }
    return at;
  }
}

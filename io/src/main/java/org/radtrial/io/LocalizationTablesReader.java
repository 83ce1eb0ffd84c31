package org.radtrial.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radtrial.core.lesions.LesionCase;
import org.radtrial.core.lesions.LesionStudy;
import org.radtrial.core.lesions.LesionTruth;
import org.radtrial.core.lesions.Reading;

/**
 * Reads already-classified free-response data in RJafroc's layout (its Excel format's Truth, NL and LL
 * sheets, as CSV): {@code truth.csv} (case_id, lesion_id, weight; a normal case has one row with
 * lesion_id 0), {@code nl.csv} (reader, modality, case_id, rating: one row per non-lesion mark) and
 * {@code ll.csv} (reader, modality, case_id, lesion_id, rating: one row per marked lesion). Every
 * problem is a {@link CaseTableException} naming the file, row and column, and the fix.
 */
public final class LocalizationTablesReader {
  private static final List<String> TRUTH = List.of("case_id", "lesion_id", "weight");
  private static final List<String> NL = List.of("reader", "modality", "case_id", "rating");
  private static final List<String> LL = List.of("reader", "modality", "case_id", "lesion_id", "rating");

  private LocalizationTablesReader() {}

  /** The study the three tables describe; modalities and readers in natural order (numbers by value). */
  public static LesionStudy read(Path truthFile, Path nlFile, Path llFile) {
    LesionTruth truth = truth(truthFile);
    Map<String, Integer> caseIndex = new HashMap<>();
    for (int k = 0; k < truth.size(); k++) {
      caseIndex.put(truth.get(k).id(), k);
    }
    List<String[]> nlRows = new ArrayList<>();
    List<String[]> llRows = new ArrayList<>();
    Set<String> modalities = new LinkedHashSet<>();
    Set<String> readers = new LinkedHashSet<>();
    String nlName = nlFile.toString();
    String llName = llFile.toString();
    rows(nlFile, NL, nlRows);
    rows(llFile, LL, llRows);
    for (String[] row : nlRows) {
      readers.add(row[0]);
      modalities.add(row[1]);
    }
    for (String[] row : llRows) {
      readers.add(row[0]);
      modalities.add(row[1]);
    }
    if (readers.isEmpty()) {
      throw new CaseTableException(llName, 0, null, "neither " + nlName + " nor " + llName + " has a mark; each needs"
          + " one row per mark");
    }
    List<String> modalityList = sorted(modalities);
    List<String> readerList = sorted(readers);
    int t = modalityList.size();
    int r = readerList.size();
    List<List<List<Double>>> nl = new ArrayList<>();
    double[][][][] ll = new double[t][r][truth.size()][];
    for (int i = 0; i < t * r; i++) {
      List<List<Double>> perCase = new ArrayList<>();
      for (int k = 0; k < truth.size(); k++) {
        perCase.add(new ArrayList<>());
      }
      nl.add(perCase);
    }
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        for (int k = 0; k < truth.size(); k++) {
          ll[i][j][k] = new double[truth.get(k).lesions()];
          java.util.Arrays.fill(ll[i][j][k], Double.NEGATIVE_INFINITY);
        }
      }
    }
    for (int n = 0; n < nlRows.size(); n++) {
      String[] row = nlRows.get(n);
      int k = knownCase(caseIndex, row[2], nlName, n + 1, truthFile);
      double rating = number(row[3], nlName, n + 1, "rating");
      int cell = modalityList.indexOf(row[1]) * r + readerList.indexOf(row[0]);
      nl.get(cell).get(k).add(rating);
    }
    for (int n = 0; n < llRows.size(); n++) {
      String[] row = llRows.get(n);
      int k = knownCase(caseIndex, row[2], llName, n + 1, truthFile);
      LesionCase c = truth.get(k);
      int l = c.lesionIndex(row[3]);
      if (l < 0) {
        throw new CaseTableException(llName, n + 1, "lesion_id", "case " + row[2] + " has no lesion " + row[3] + " in "
            + truthFile + (c.isNormal() ? " (it is a normal case)" : " (its lesions: " + String.join(", ", c.lesionIds())
            + ")") + "; a lesion localization must name a lesion of the truth, else list the mark in the NL table");
      }
      double rating = number(row[4], llName, n + 1, "rating");
      int i = modalityList.indexOf(row[1]);
      int j = readerList.indexOf(row[0]);
      if (ll[i][j][k][l] != Double.NEGATIVE_INFINITY) {
        throw new CaseTableException(llName, n + 1, "lesion_id", "reader " + row[0] + ", modality " + row[1] + " marks"
            + " lesion " + row[3] + " of case " + row[2] + " twice; keep one row per lesion (its highest rating)");
      }
      ll[i][j][k][l] = rating;
    }
    Reading[][] readings = new Reading[t][r];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        double[][] nlArray = new double[truth.size()][];
        for (int k = 0; k < truth.size(); k++) {
          nlArray[k] = nl.get(i * r + j).get(k).stream().mapToDouble(Double::doubleValue).toArray();
        }
        readings[i][j] = new Reading(nlArray, ll[i][j]);
      }
    }
    return new LesionStudy(truth, modalityList, readerList, readings);
  }

  /** The truth table: lesion weights as given, or 1/L each when every weight of a case is 0. */
  public static LesionTruth truth(Path file) {
    String name = file.toString();
    List<String[]> rows = new ArrayList<>();
    rows(file, TRUTH, rows);
    Map<String, List<String>> lesions = new LinkedHashMap<>();
    Map<String, List<Double>> weights = new HashMap<>();
    Map<String, Long> normalRow = new HashMap<>();
    for (int n = 0; n < rows.size(); n++) {
      String[] row = rows.get(n);
      String caseId = row[0];
      String lesion = row[1];
      double weight = number(row[2], name, n + 1, "weight");
      if (weight < 0) {
        throw new CaseTableException(name, n + 1, "weight", "a weight must be ≥ 0, was " + row[2]);
      }
      List<String> ids = lesions.computeIfAbsent(caseId, c -> new ArrayList<>());
      List<Double> ws = weights.computeIfAbsent(caseId, c -> new ArrayList<>());
      if (lesion.equals("0")) {
        if (!ids.isEmpty() || normalRow.containsKey(caseId)) {
          throw new CaseTableException(name, n + 1, "lesion_id", "case " + caseId + " is listed as normal (lesion_id 0)"
              + " and again; a normal case has exactly one row with lesion_id 0, a case with lesions none");
        }
        normalRow.put(caseId, (long) n + 1);
        continue;
      }
      if (normalRow.containsKey(caseId)) {
        throw new CaseTableException(name, n + 1, "lesion_id", "case " + caseId + " was listed as normal (lesion_id 0)"
            + " on row " + normalRow.get(caseId) + "; remove that row if the case has lesions");
      }
      if (ids.contains(lesion)) {
        throw new CaseTableException(name, n + 1, "lesion_id", "duplicate lesion id " + lesion + " in case " + caseId
            + "; give every lesion of a case its own id");
      }
      ids.add(lesion);
      ws.add(weight);
    }
    if (lesions.isEmpty()) {
      throw new CaseTableException(name, 0, null, "the truth lists no cases; it needs one row per lesion and one row"
          + " (lesion_id 0) per normal case");
    }
    List<LesionCase> cases = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : lesions.entrySet()) {
      List<Double> ws = weights.getOrDefault(e.getKey(), List.of());
      if (e.getValue().isEmpty()) {
        cases.add(LesionCase.normal(e.getKey()));
      } else if (ws.stream().allMatch(w -> w == 0)) {
        cases.add(LesionCase.equallyWeighted(e.getKey(), e.getValue()));
      } else {
        double sum = ws.stream().mapToDouble(Double::doubleValue).sum();
        if (ws.contains(0.0) || Math.abs(sum - 1) > 1e-6) {
          throw new CaseTableException(name, 0, "weight", "the lesion weights of case " + e.getKey() + " are " + ws
              + "; give each lesion a weight > 0 with the case's weights summing to 1, or all 0 for equal weights");
        }
        cases.add(new LesionCase(e.getKey(), e.getValue(), ws.stream().mapToDouble(Double::doubleValue).toArray()));
      }
    }
    return new LesionTruth(cases);
  }

  private static int knownCase(Map<String, Integer> caseIndex, String caseId, String file, long row, Path truthFile) {
    Integer k = caseIndex.get(caseId);
    if (k == null) {
      throw new CaseTableException(file, row, "case_id", "a mark on case " + caseId + ", which " + truthFile
          + " does not list; add the case to the truth or remove the mark");
    }
    return k;
  }

  private static double number(String cell, String file, long row, String column) {
    try {
      double v = Double.parseDouble(cell.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CaseTableException(file, row, column, "'" + cell + "' is not a finite number; write a number such as 3"
        + " or 0.75");
  }

  /** Reads the named columns of every row, trimmed, refusing a missing column or an empty cell. */
  private static void rows(Path path, List<String> columns, List<String[]> out) {
    String file = path.toString();
    try (CsvRowSource source = new CsvRowSource(path, ',')) {
      List<String> header = source.header().stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList();
      int[] at = new int[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        at[c] = header.indexOf(columns.get(c));
        if (at[c] < 0) {
          throw new CaseTableException(file, 0, columns.get(c), "no such column; the header has " + source.header()
              + " and this table needs " + columns + " (RJafroc's layout)");
        }
      }
      String[] cells;
      long row = 0;
      while ((cells = source.next()) != null) {
        row++;
        if (cells.length == 1 && cells[0].isBlank()) {
          continue;
        }
        String[] picked = new String[at.length];
        for (int c = 0; c < at.length; c++) {
          String v = at[c] < cells.length && cells[at[c]] != null ? cells[at[c]].trim() : "";
          if (v.isEmpty()) {
            throw new CaseTableException(file, row, columns.get(c), "the cell is empty; every row needs "
                + String.join(", ", columns));
          }
          picked[c] = v;
        }
        out.add(picked);
      }
    }
  }

  private static List<String> sorted(Set<String> names) {
    boolean numeric = names.stream().allMatch(s -> s.matches("-?\\d+(\\.\\d+)?"));
    Comparator<String> order = numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
    return names.stream().sorted(order).toList();
  }
}

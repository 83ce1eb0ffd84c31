package org.radtrial.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the case table of {@code radtrial masks}: one row per case, with columns naming the
 * reference's and each model's mask file (paths relative to the table's folder, or absolute), an
 * optional PET column and group columns. Every problem is a {@link CaseTableException} naming the
 * file, the row and the column: a missing column, an empty cell, a repeated case id, a file that
 * does not exist.
 */
public final class MaskCasesReader {
  private MaskCasesReader() {}

  /**
   * @param table the CSV (or TSV, by its .tsv name)
   * @param id the case id column
   * @param reference the reference masks' column
   * @param models the models' columns
   * @param pet the PET column, or null
   * @param series the column of the DICOM series SEG masks are placed on, or null
   * @param groups group columns (values read as text)
   */
  public static MaskCases read(Path table, String id, String reference, List<String> models, @Nullable String pet,
      @Nullable String series, List<String> groups) {
    String file = table.toString();
    if (models.isEmpty()) {
      throw new IllegalArgumentException("name at least one model's column with --models");
    }
    Path parent = table.toAbsolutePath().getParent();
    Path folder = parent == null ? Path.of("").toAbsolutePath() : parent;
    List<MaskCases.Case> cases = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (CsvRowSource source = new CsvRowSource(table, file.endsWith(".tsv") ? '\t' : ',')) {
      List<String> header = source.header();
      int idAt = column(header, id, file, "--id");
      int refAt = column(header, reference, file, "--reference");
      int[] modelAt = new int[models.size()];
      for (int m = 0; m < modelAt.length; m++) {
        modelAt[m] = column(header, models.get(m), file, "--models");
      }
      int petAt = pet == null ? -1 : column(header, pet, file, "--pet");
      int seriesAt = series == null ? -1 : column(header, series, file, "--series");
      int[] groupAt = new int[groups.size()];
      for (int g = 0; g < groupAt.length; g++) {
        groupAt[g] = column(header, groups.get(g), file, "--group");
      }
      String[] cells;
      long row = 0;
      while ((cells = source.next()) != null) {
        row++;
        if (cells.length == 1 && (cells[0] == null || cells[0].isBlank())) {
          continue;
        }
        String caseId = cell(cells, idAt, file, row, id);
        if (!seen.add(caseId)) {
          throw new CaseTableException(file, row, id, "case id '" + caseId + "' appears twice; give each case one row");
        }
        Path ref = existing(folder, cell(cells, refAt, file, row, reference), file, row, reference);
        List<Path> predictions = new ArrayList<>();
        for (int m = 0; m < modelAt.length; m++) {
          predictions.add(existing(folder, cell(cells, modelAt[m], file, row, models.get(m)), file, row, models.get(m)));
        }
        Path petFile = pet == null ? null : existing(folder, cell(cells, petAt, file, row, pet), file, row, pet);
        Path seriesFolder = null;
        if (series != null && seriesAt < cells.length && cells[seriesAt] != null && !cells[seriesAt].isBlank()) {
          seriesFolder = existing(folder, cells[seriesAt].trim(), file, row, series); // empty: a case without SEG
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int g = 0; g < groupAt.length; g++) {
          String v = groupAt[g] < cells.length && cells[groupAt[g]] != null ? cells[groupAt[g]].trim() : "";
          values.put(groups.get(g), v.isEmpty() ? "(missing)" : v);
        }
        cases.add(new MaskCases.Case(caseId, row, ref, predictions, petFile, seriesFolder, values));
      }
    }
    if (cases.isEmpty()) {
      throw new CaseTableException(file, 0, null, "the table has a header but no case; add one row per case");
    }
    return new MaskCases(file, models, groups, cases);
  }

  private static int column(List<String> header, String name, String file, String option) {
    int at = header.indexOf(name);
    if (at < 0) {
      throw new CaseTableException(file, 0, name, "no such column (named by " + option + "); the header has " + header);
    }
    return at;
  }

  private static String cell(String[] cells, int at, String file, long row, String column) {
    String v = at < cells.length && cells[at] != null ? cells[at].trim() : "";
    if (v.isEmpty()) {
      throw new CaseTableException(file, row, column, "the cell is empty; every case needs its file");
    }
    return v;
  }

  private static Path existing(Path folder, String cell, String file, long row, String column) {
    Path p = Path.of(cell);
    Path resolved = p.isAbsolute() ? p : folder.resolve(p);
    if (!Files.exists(resolved)) {
      throw new CaseTableException(file, row, column, "'" + cell + "' does not exist (looked for " + resolved
          + "); paths are relative to the table's folder");
    }
    return resolved;
  }
}

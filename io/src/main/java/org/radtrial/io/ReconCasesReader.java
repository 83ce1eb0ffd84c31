package org.radtrial.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the case table of {@code radtrial recon}: one row per case, with its id, the path of its
 * reference image, the path of each candidate method's image and optionally of its regions of
 * interest. Paths are relative to the table's folder (or absolute). Every problem is a
 * {@link CaseTableException} naming the file, row and column and what would fix it: a missing
 * column, an empty cell (an unpaired case), a repeated id, a file that does not exist.
 */
public final class ReconCasesReader {
  private ReconCasesReader() {}

  /**
   * One case's images.
   *
   * @param id the case's id
   * @param row its 1-based data row
   * @param reference the reference image (NIfTI file or DICOM series folder)
   * @param methods each method's image, in the order of the method columns
   * @param roi the regions of interest (box table or label mask), or null
   */
  public record ReconCase(String id, long row, Path reference, List<Path> methods, @Nullable Path roi) {
    public ReconCase {
      methods = List.copyOf(methods);
    }
  }

  /** The cases, in the table's order. */
  public static List<ReconCase> read(Path table, String idColumn, String referenceColumn, List<String> methodColumns,
      @Nullable String roiColumn) {
    String file = table.toString();
    Path parent = table.toAbsolutePath().getParent();
    Path folder = parent == null ? Path.of(".") : parent;
    char delimiter = file.toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
    List<ReconCase> cases = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    try (CsvRowSource source = new CsvRowSource(table, delimiter)) {
      List<String> header = source.header();
      int id = column(header, idColumn, file, "--id");
      int ref = column(header, referenceColumn, file, "--reference");
      int[] methods = new int[methodColumns.size()];
      for (int m = 0; m < methods.length; m++) {
        methods[m] = column(header, methodColumns.get(m), file, "--methods");
      }
      int roi = roiColumn == null ? -1 : column(header, roiColumn, file, "--roi");
      String[] cells;
      long row = 0;
      while ((cells = source.next()) != null) {
        row++;
        if (cells.length == 1 && (cells[0] == null || cells[0].isBlank())) {
          continue;
        }
        String caseId = cell(cells, id, file, row, idColumn, "the case id is empty; every row needs one");
        Long earlier = seen.put(caseId, row);
        if (earlier != null) {
          throw new CaseTableException(file, row, idColumn, "case '" + caseId + "' appears again (first in row " + earlier
              + "); each case needs exactly one row");
        }
        Path reference = image(folder, cells, ref, file, row, referenceColumn, caseId, "reference");
        List<Path> images = new ArrayList<>();
        for (int m = 0; m < methods.length; m++) {
          images.add(image(folder, cells, methods[m], file, row, methodColumns.get(m), caseId, "method '"
              + methodColumns.get(m) + "'"));
        }
        Path regions = roiColumn == null ? null : image(folder, cells, roi, file, row, roiColumn, caseId, "regions of interest");
        cases.add(new ReconCase(caseId, row, reference, images, regions));
      }
    }
    if (cases.isEmpty()) {
      throw new CaseTableException(file, 0, null, "the table has no case; it needs one row per case");
    }
    return cases;
  }

  private static Path image(Path folder, String[] cells, int column, String file, long row, String columnName,
      String caseId, String what) {
    String value = cell(cells, column, file, row, columnName, "case '" + caseId + "' has no " + what
        + " image: every case needs the reference and each method's image (an unpaired case)");
    Path path = folder.resolve(value).normalize();
    if (!Files.exists(path)) {
      throw new CaseTableException(file, row, columnName, "'" + value + "' does not exist (looked for " + path
          + "); paths are relative to the table's folder");
    }
    return path;
  }

  private static String cell(String[] cells, int column, String file, long row, String columnName, String problem) {
    String v = column < cells.length && cells[column] != null ? cells[column].trim() : "";
    if (v.isEmpty()) {
      throw new CaseTableException(file, row, columnName, problem);
    }
    return v;
  }

  private static int column(List<String> header, String name, String file, String option) {
    int at = header.indexOf(name);
    if (at < 0) {
      throw new CaseTableException(file, 0, name, "no such column (named by " + option + "); the header has " + header);
    }
    return at;
  }
}

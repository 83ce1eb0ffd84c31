package org.radtrial.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.lesions.Box;
import org.radtrial.core.lesions.GroupSensitivity;
import org.radtrial.core.lesions.LesionCase;
import org.radtrial.core.lesions.LesionStudy;
import org.radtrial.core.lesions.LesionTruth;
import org.radtrial.core.lesions.Location;
import org.radtrial.core.lesions.Mark;
import org.radtrial.core.lesions.MatchCriterion;
import org.radtrial.core.lesions.Matching;
import org.radtrial.core.lesions.Reading;

/**
 * Reads located lesions and marks from CSV and matches them ({@link Matching}, LUNA16's rule):
 *
 * <ul>
 *   <li>truth: {@code case_id}, {@code lesion_id}, {@code x}, {@code y}, optional {@code z}, and
 *       {@code radius} or {@code diameter} (centre matching) or {@code x0}, {@code y0}, {@code x1},
 *       {@code y1} (box matching); optional {@code weight} and {@code type} (for sensitivity per type), and
 *       optional {@code image_width}, {@code image_height} (and {@code image_depth}): the case's image size in
 *       the coordinates' units, against which every lesion and mark is checked. Mask matching needs {@code mask}
 *       (the case's NIfTI label image, relative to the truth's folder) and {@code mask_label} instead of a radius. A normal case has one row with
 *       an empty {@code lesion_id} and no location.
 *   <li>marks: {@code model}, {@code case_id}, {@code x}, {@code y}, optional {@code z},
 *       {@code confidence}, and for box matching {@code x0}, {@code y0}, {@code x1}, {@code y1}.
 * </ul>
 *
 * The study has one modality, "stand-alone", and one reader per model, in order of first appearance.
 * Every problem is a {@link CaseTableException} naming the file, row and column, and the fix.
 */
public final class LocatedMarksReader {
  /** The modality of every model's reading. */
  public static final String STANDALONE = "stand-alone";

  private LocatedMarksReader() {}

  /**
   * The matched study; per model, how many marks were second marks on an already-found lesion; and the
   * lesion groups: by size class (from the radius or diameter; null with box matching) and by the
   * optional {@code type} column (null without it), each groups[k][l] for lesion l of case k.
   */
  public record Located(LesionStudy study, Map<String, Integer> secondMarks, String @Nullable [][] sizeClasses,
      String @Nullable [][] types) {}

  public static Located read(Path truthFile, Path marksFile, MatchCriterion criterion) {
    boolean boxes = criterion instanceof MatchCriterion.BoxIou;
    MatchCriterion.InsideMask byMask = criterion instanceof MatchCriterion.InsideMask m ? m : null;
    Table truthTable = Table.read(truthFile);
    String tname = truthFile.toString();
    truthTable.require(List.of("case_id", "lesion_id", "x", "y"));
    if (boxes) {
      truthTable.require(List.of("x0", "y0", "x1", "y1"));
    } else if (byMask != null) {
      truthTable.require(List.of("mask", "mask_label"));
    } else if (!truthTable.has("radius") && !truthTable.has("diameter")) {
      throw new CaseTableException(tname, 0, "radius", "no such column; centre matching needs each lesion's radius"
          + " (column 'radius') or diameter (column 'diameter')");
    }
    Map<String, List<String>> lesionIds = new LinkedHashMap<>();
    Map<String, List<Location>> locations = new HashMap<>();
    Map<String, List<Double>> weights = new HashMap<>();
    Map<String, List<String>> typeOf = new HashMap<>();
    boolean typed = truthTable.has("type");
    Map<String, ImageExtent> extents = new HashMap<>();
    Map<String, LabelImages.Source> masks = new HashMap<>();
    for (int n = 0; n < truthTable.rows.size(); n++) {
      long row = n + 1;
      String caseId = truthTable.cell(n, "case_id");
      if (caseId.isEmpty()) {
        throw new CaseTableException(tname, row, "case_id", "the cell is empty; every row names its case");
      }
      ImageExtent extent = ImageExtent.read(truthTable, n, tname);
      if (extent != null) {
        ImageExtent before = extents.putIfAbsent(caseId, extent);
        if (before != null && !before.equals(extent)) {
          throw new CaseTableException(tname, row, "image_width", "case " + caseId + " has image size " + extent
              + " here but " + before + " on an earlier row; give one size per case");
        }
      }
      String lesion = truthTable.cell(n, "lesion_id");
      List<String> ids = lesionIds.computeIfAbsent(caseId, c -> new ArrayList<>());
      if (lesion.isEmpty() || lesion.equals("0")) {
        continue;
      }
      if (ids.contains(lesion)) {
        throw new CaseTableException(tname, row, "lesion_id", "duplicate lesion id " + lesion + " in case " + caseId
            + "; give every lesion of a case its own id");
      }
      String missing = truthTable.firstEmpty(n, boxes ? List.of("x", "y", "x0", "y0", "x1", "y1")
          : byMask != null ? List.of("x", "y", "mask", "mask_label")
          : List.of("x", "y", truthTable.has("radius") ? "radius" : "diameter"));
      if (missing != null) {
        throw new CaseTableException(tname, row, missing, "lesion " + lesion + " of case " + caseId + " has no location"
            + " here; give every lesion its centre and " + (boxes ? "box" : "radius or diameter")
            + " (a normal case has an empty lesion_id)");
      }
      double radius = boxes || byMask != null ? 0 : truthTable.has("radius") ? truthTable.number(n, "radius", tname)
          : truthTable.number(n, "diameter", tname) / 2;
      int label = 0;
      if (byMask != null) {
        label = maskLabel(truthTable, n, tname);
        LabelImages.Source mask = new LabelImages.Source(truthFile.toAbsolutePath().resolveSibling(truthTable.cell(n, "mask")),
            truthTable.cell(n, "mask"));
        LabelImages.Source before = masks.putIfAbsent(caseId, mask);
        if (before != null && !before.equals(mask)) {
          throw new CaseTableException(tname, row, "mask", "case " + caseId + " names mask " + mask.named()
              + " here but " + before.named() + " on an earlier row; give one label image per case");
        }
      }
      if (radius < 0) {
        throw new CaseTableException(tname, row, truthTable.has("radius") ? "radius" : "diameter", "must be ≥ 0");
      }
      ids.add(lesion);
      Location lesionAt = new Location(truthTable.number(n, "x", tname), truthTable.number(n, "y", tname),
          truthTable.optional(n, "z", tname), radius, boxes ? truthTable.box(n, tname) : null, label);
      if (extent != null) {
        extent.check(lesionAt, tname, row, "lesion " + lesion + " of case " + caseId);
      }
      locations.computeIfAbsent(caseId, c -> new ArrayList<>()).add(lesionAt);
      typeOf.computeIfAbsent(caseId, c -> new ArrayList<>()).add(typed ? truthTable.cell(n, "type") : "");
      weights.computeIfAbsent(caseId, c -> new ArrayList<>()).add(truthTable.has("weight")
          && !truthTable.cell(n, "weight").isEmpty() ? truthTable.number(n, "weight", tname) : 0);
    }
    List<LesionCase> cases = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    Location[][] where = new Location[lesionIds.size()][];
    for (Map.Entry<String, List<String>> e : lesionIds.entrySet()) {
      List<Double> ws = weights.getOrDefault(e.getKey(), List.of());
      LesionCase c;
      if (e.getValue().isEmpty()) {
        c = LesionCase.normal(e.getKey());
      } else if (ws.stream().allMatch(w -> w == 0)) {
        c = LesionCase.equallyWeighted(e.getKey(), e.getValue());
      } else {
        try {
          c = new LesionCase(e.getKey(), e.getValue(), ws.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IllegalArgumentException bad) {
          throw new CaseTableException(tname, 0, "weight", bad.getMessage() + "; or leave every weight of the case empty");
        }
      }
      where[cases.size()] = locations.getOrDefault(e.getKey(), List.of()).toArray(new Location[0]);
      index.put(e.getKey(), cases.size());
      cases.add(c);
    }
    LesionTruth truth = new LesionTruth(cases);
    String[][] sizes = boxes || byMask != null ? null : new String[cases.size()][];
    String[][] types = typed ? new String[cases.size()][] : null;
    for (int k = 0; k < cases.size(); k++) {
      String id = cases.get(k).id();
      if (sizes != null) {
        sizes[k] = java.util.Arrays.stream(where[k]).map(loc -> GroupSensitivity.sizeClass(2 * loc.radius()))
            .toArray(String[]::new);
      }
      if (types != null) {
        types[k] = typeOf.getOrDefault(id, List.of()).stream().map(t -> t.isEmpty() ? "(no type)" : t)
            .toArray(String[]::new);
      }
    }

    Table marksTable = Table.read(marksFile);
    String mname = marksFile.toString();
    marksTable.require(List.of("model", "case_id", "x", "y", "confidence"));
    if (boxes) {
      marksTable.require(List.of("x0", "y0", "x1", "y1"));
    }
    Map<String, List<Mark>> perModel = new LinkedHashMap<>();
    Map<Mark, Long> rowOf = new java.util.IdentityHashMap<>();
    for (int n = 0; n < marksTable.rows.size(); n++) {
      long row = n + 1;
      String model = marksTable.cell(n, "model");
      if (model.isEmpty()) {
        throw new CaseTableException(mname, row, "model", "the cell is empty; name the model that made the mark");
      }
      String caseId = marksTable.cell(n, "case_id");
      Integer k = index.get(caseId);
      if (k == null) {
        throw new CaseTableException(mname, row, "case_id", "a mark on case " + caseId + ", which " + tname
            + " does not list; add the case to the truth or remove the mark");
      }
      Location at = new Location(marksTable.number(n, "x", mname), marksTable.number(n, "y", mname),
          marksTable.optional(n, "z", mname), 0, boxes ? marksTable.box(n, mname) : null);
      ImageExtent extent = extents.get(caseId);
      if (extent != null) {
        extent.check(at, mname, row, "a mark of " + model + " on case " + caseId);
      }
      Mark mark = new Mark(k, at, marksTable.number(n, "confidence", mname));
      perModel.computeIfAbsent(model, m -> new ArrayList<>()).add(mark);
      rowOf.put(mark, row);
    }
    if (byMask != null) {
      Map<Integer, LabelImages.Source> byIndex = new HashMap<>();
      masks.forEach((id, source) -> byIndex.put(index.get(id), source));
      Map<Mark, Mark> labelled = LabelImages.resolve(rowOf, byIndex, cases, where, byMask.voxelCoordinates(), tname, mname);
      perModel.replaceAll((model, list) -> list.stream().map(labelled::get).toList());
    }
    if (perModel.isEmpty()) {
      throw new CaseTableException(mname, 0, null, "no marks; the table needs one row per mark");
    }
    Reading[][] readings = new Reading[1][perModel.size()];
    Map<String, Integer> second = new LinkedHashMap<>();
    int j = 0;
    for (Map.Entry<String, List<Mark>> e : perModel.entrySet()) {
      Matching.Result r = Matching.classify(truth, where, e.getValue(), criterion);
      readings[0][j++] = r.reading();
      second.put(e.getKey(), r.secondMarks());
    }
    return new Located(new LesionStudy(truth, List.of(STANDALONE), List.copyOf(perModel.keySet()), readings), second,
        sizes, types);
  }

  /** A lesion's label in its case's label image: a whole number ≥ 1 (0 is background). */
  private static int maskLabel(Table t, int n, String name) {
    double v = t.number(n, "mask_label", name);
    if (v < 1 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
      throw new CaseTableException(name, n + 1, "mask_label", "'" + t.cell(n, "mask_label") + "' is not a label; give the"
          + " lesion's value in the label image, a whole number ≥ 1 (0 is background)");
    }
    return (int) v;
  }

  /**
   * A case's image size from the truth's optional {@code image_width}, {@code image_height} and
   * {@code image_depth} columns, in the coordinates' units; valid coordinates lie in [0, size] (DICOM's
   * image-relative SCOORD convention: (0, 0) is the outer corner of the first pixel). Depth is +∞ when
   * not given.
   */
  private record ImageExtent(double width, double height, double depth) {
    static @Nullable ImageExtent read(Table t, int n, String name) {
      if (!t.has("image_width") && !t.has("image_height")) {
        return null;
      }
      t.require(List.of("image_width", "image_height"));
      if (t.cell(n, "image_width").isEmpty() && t.cell(n, "image_height").isEmpty()) {
        return null;
      }
      double w = t.number(n, "image_width", name);
      double h = t.number(n, "image_height", name);
      double d = t.has("image_depth") && !t.cell(n, "image_depth").isEmpty() ? t.number(n, "image_depth", name)
          : Double.POSITIVE_INFINITY;
      if (!(w > 0) || !(h > 0) || !(d > 0)) {
        throw new CaseTableException(name, n + 1, !(w > 0) ? "image_width" : !(h > 0) ? "image_height" : "image_depth",
            "an image size must be positive");
      }
      return new ImageExtent(w, h, d);
    }

    void check(Location at, String file, long row, String what) {
      Box box = at.box();
      outside(at.x(), width, file, row, "x", what, "wide");
      outside(at.y(), height, file, row, "y", what, "high");
      outside(at.z(), depth, file, row, "z", what, "deep");
      if (box != null) {
        outside(box.x0(), width, file, row, "x0", what, "wide");
        outside(box.x1(), width, file, row, "x1", what, "wide");
        outside(box.y0(), height, file, row, "y0", what, "high");
        outside(box.y1(), height, file, row, "y1", what, "high");
      }
    }

    private static void outside(double v, double size, String file, long row, String column, String what, String extent) {
      if (v < 0 || v > size) {
        throw new CaseTableException(file, row, column, what + " lies outside its image: " + column + " = "
            + num(v) + ", the image is " + num(size) + " " + extent
            + " (0 to " + num(size) + "); check the units (mm or pixels) and the image size in the truth");
      }
    }

    private static String num(double v) {
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
      return num(width) + " × " + num(height)
          + (Double.isInfinite(depth) ? "" : " × " + num(depth));
    }
  }

  /** A CSV table held as trimmed strings, with its header in lower case. */
  private static final class Table {
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    private final String file;

    private Table(String file, List<String> header) {
      this.file = file;
      this.header = header;
    }

    static Table read(Path path) {
      try (CsvRowSource source = new CsvRowSource(path, ',')) {
        Table t = new Table(path.toString(), source.header().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        String[] cells;
        while ((cells = source.next()) != null) {
          if (cells.length == 1 && cells[0].isBlank()) {
            continue;
          }
          t.rows.add(cells);
        }
        return t;
      }
    }

    boolean has(String column) {
      return header.contains(column);
    }

    void require(List<String> columns) {
      for (String c : columns) {
        if (!has(c)) {
          throw new CaseTableException(file, 0, c, "no such column; the header has " + header + " and this table needs "
              + columns);
        }
      }
    }

    String cell(int n, String column) {
      int at = header.indexOf(column);
      String[] row = rows.get(n);
      return at >= 0 && at < row.length && row[at] != null ? row[at].trim() : "";
    }

    @Nullable String firstEmpty(int n, List<String> columns) {
      for (String c : columns) {
        if (cell(n, c).isEmpty()) {
          return c;
        }
      }
      return null;
    }

    double number(int n, String column, String name) {
      String v = cell(n, column);
      try {
        double d = Double.parseDouble(v);
        if (Double.isFinite(d)) {
          return d;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new CaseTableException(name, n + 1, column, "'" + v + "' is not a finite number; write a number such as"
          + " 12.5");
    }

    double optional(int n, String column, String name) {
      return has(column) && !cell(n, column).isEmpty() ? number(n, column, name) : 0;
    }

    Box box(int n, String name) {
      double x0 = number(n, "x0", name);
      double y0 = number(n, "y0", name);
      double x1 = number(n, "x1", name);
      double y1 = number(n, "y1", name);
      if (x1 < x0 || y1 < y0) {
        throw new CaseTableException(name, n + 1, x1 < x0 ? "x1" : "y1", "the box's far corner (" + x1 + ", " + y1
            + ") lies before its near corner (" + x0 + ", " + y0 + "); x1 ≥ x0 and y1 ≥ y0");
      }
      return new Box(x0, y0, x1, y1);
    }
  }
}

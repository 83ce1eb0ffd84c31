package org.radtrial.dicom.image;

import com.pixelmed.dicom.AttributeList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.io.image.ImageFileException;

/**
 * A DICOM series folder, or one file, as a {@link SeriesVolume}.
 *
 * <ul>
 *   <li>Files are grouped by SeriesInstanceUID. Non-DICOM files, Segmentations and non-image
 *       objects of other series are set aside and listed in {@link SeriesVolume#skipped}. Two image
 *       series and no UID asked for is an error naming both; a non-image object (no Rows, no
 *       PixelData: an SR, say) inside the series read is an error naming the file.
 *   <li>Every frame is placed by ImagePositionPatient and ImageOrientationPatient (enhanced
 *       multi-frame images: the per-frame, else shared, functional groups' PlanePosition,
 *       PlaneOrientation and PixelMeasures). All must share Rows, Columns, orientation and
 *       PixelSpacing.
 *   <li>Slices are sorted by their position projected on the slice normal (row direction × column
 *       direction, ImageOrientationPatient); slice 0 is the lowest. The spacing must be uniform:
 *       a gap is an error naming it ("slice spacing 2.5 mm except between z=40.0 and z=45.0: a slice
 *       is missing"), where z is that projection, and two slices at one position are an error too.
 *   <li>Grid: origin = the first slice's position; axis i along the row direction with spacing
 *       PixelSpacing[1] (between columns), axis j along the column direction with PixelSpacing[0];
 *       axis k from the first slice to the last (so a tilted gantry gives a sheared grid), spacing
 *       the distance between neighbours. A single slice takes the normal and SpacingBetweenSlices,
 *       else SliceThickness, else 1 mm.
 *   <li>Values: stored × RescaleSlope + RescaleIntercept (default 1 and 0; enhanced images from
 *       PixelValueTransformationSequence). Stored values keep BitsStored bits, signed per
 *       PixelRepresentation.
 * </ul>
 */
public final class DicomSeries {
  static final String SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.4";

  private DicomSeries() {}

  /** The one image series under a folder, or one file (single- or multi-frame). */
  public static SeriesVolume read(Path folderOrFile) {
    return read(folderOrFile, "");
  }

  /**
   * The series with this SeriesInstanceUID under a folder ("" for the only image series there); a
   * file is read alone, and must then be of that series when a UID is given.
   *
   * <p>Two passes: the headers place and sort the slices and give the grid ({@link #headers}); then
   * each file's pixels are decoded, rescaled into the one float volume and dropped, so the peak
   * memory is the volume plus one file's raw pixels, not every file's raw pixels at once.
   */
  public static SeriesVolume read(Path folderOrFile, String seriesInstanceUid) {
    SeriesHeaders h = headers(folderOrFile, seriesInstanceUid);
    Grid grid = h.grid();
    int plane = grid.nx() * grid.ny();
    float[] voxels = new float[grid.size()];
    Map<Path, List<Integer>> slicesOf = new LinkedHashMap<>();
    for (int k = 0; k < h.sorted().size(); k++) {
      slicesOf.computeIfAbsent(h.sorted().get(k).source().file(), f -> new ArrayList<>()).add(k);
    }
    for (Map.Entry<Path, List<Integer>> e : slicesOf.entrySet()) {
      Path file = e.getKey();
      StoredPixels pixels = StoredPixels.of(DicomImageFiles.withPixels(file), file);
      if (pixels.rows() != grid.ny() || pixels.columns() != grid.nx()) {
        throw new ImageFileException(file + ": " + pixels.rows() + " x " + pixels.columns() + " pixels, but the header read"
            + " first said " + grid.ny() + " x " + grid.nx());
      }
      for (int k : e.getValue()) {
        Frame f = h.sorted().get(k);
        for (int p = 0; p < plane; p++) {
          voxels[k * plane + p] = (float) (pixels.value(f.index(), p) * f.slope() + f.intercept());
        }
      }
    }
    return new SeriesVolume(new Volume(grid, voxels), h.seriesInstanceUid(), h.studyInstanceUid(), h.modality(), h.slices(),
        h.skipped());
  }

  /**
   * The series' headers alone, no pixel decoded: the same choice of series, placement, sorting,
   * checks and grid as {@link #read}, for what needs only the geometry and the slices' UIDs (a SEG's
   * source series, the SUV's header values).
   */
  static SeriesHeaders headers(Path folderOrFile, String seriesInstanceUid) {
    if (!Files.exists(folderOrFile)) {
      throw new ImageFileException(folderOrFile + ": no such file or folder");
    }
    boolean single = !Files.isDirectory(folderOrFile);
    List<Path> files = single ? List.of(folderOrFile) : DicomFiles.under(folderOrFile);
    List<String> skipped = new ArrayList<>();
    Map<String, List<Path>> images = new LinkedHashMap<>();
    Map<String, List<Path>> nonImages = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    Map<Path, AttributeList> headerOf = new HashMap<>();
    for (Path file : files) {
      if (!single && DicomFiles.notDicom(file).isPresent()) {
        skipped.add(file + ": " + DicomFiles.notDicom(file).orElse(""));
        continue;
      }
      AttributeList header = DicomImageFiles.header(file);
      String series = DataSet.value(header, "SeriesInstanceUID");
      String sopClass = DataSet.value(header, "SOPClassUID");
      if (sopClass.equals(SEGMENTATION_STORAGE) && !single) {
        skipped.add(file + ": a Segmentation (SEG); read it with SegmentationMasks and its source series");
      } else if (DataSet.value(header, "Rows").isEmpty() || sopClass.equals("1.2.840.10008.1.3.10")) {
        nonImages.computeIfAbsent(series, s -> new ArrayList<>()).add(file);
      } else {
        images.computeIfAbsent(series, s -> new ArrayList<>()).add(file);
        headerOf.put(file, header);
        descriptions.putIfAbsent(series, DataSet.value(header, "Modality") + " '" + DataSet.value(header, "SeriesDescription") + "'");
      }
    }
    String uid = choose(folderOrFile, seriesInstanceUid, images, nonImages, descriptions);
    for (Map.Entry<String, List<Path>> e : nonImages.entrySet()) {
      for (Path file : e.getValue()) {
        if (e.getKey().equals(uid)) {
          throw notAnImage(file);
        }
        skipped.add(file + ": not an image (no Rows), series " + e.getKey());
      }
    }
    for (Map.Entry<String, List<Path>> e : images.entrySet()) {
      if (!e.getKey().equals(uid)) {
        e.getValue().forEach(f -> skipped.add(f + ": another series, " + e.getKey()));
      }
    }
    List<Frame> frames = new ArrayList<>();
    String study = "";
    String modality = "";
    for (Path file : images.get(uid)) {
      AttributeList header = headerOf.get(file);
      study = DataSet.value(header, "StudyInstanceUID");
      modality = DataSet.value(header, "Modality");
      frames.addAll(Frame.of(header, StoredPixels.shape(header, file), file));
    }
    List<Frame> sorted = sortAndCheck(frames);
    return new SeriesHeaders(uid, study, modality, grid(sorted), sorted, skipped);
  }

  /** A series' headers: its slices sorted and checked, and their grid. */
  record SeriesHeaders(String seriesInstanceUid, String studyInstanceUid, String modality, Grid grid, List<Frame> sorted,
      List<String> skipped) {
    List<SliceSource> slices() {
      return sorted.stream().map(Frame::source).toList();
    }
  }

  private static String choose(Path where, String asked, Map<String, List<Path>> images, Map<String, List<Path>> nonImages,
      Map<String, String> descriptions) {
    if (!asked.isEmpty()) {
      if (images.containsKey(asked)) {
        return asked;
      }
      if (nonImages.containsKey(asked)) {
        throw notAnImage(nonImages.get(asked).get(0));
      }
      throw new ImageFileException(where + ": no image series " + asked + " here" + (images.isEmpty() ? ""
          : "; it holds " + list(images, descriptions)));
    }
    if (images.isEmpty()) {
      if (!nonImages.isEmpty()) {
        throw notAnImage(nonImages.values().iterator().next().get(0));
      }
      throw new ImageFileException(where + ": no DICOM image here");
    }
    if (images.size() > 1) {
      throw new ImageFileException(where + ": holds " + images.size() + " image series, " + list(images, descriptions)
          + "; name the one to read by its SeriesInstanceUID");
    }
    return images.keySet().iterator().next();
  }

  private static String list(Map<String, List<Path>> images, Map<String, String> descriptions) {
    return images.entrySet().stream()
        .map(e -> e.getKey() + " (" + descriptions.get(e.getKey()) + ", " + e.getValue().size() + " files)")
        .collect(Collectors.joining(" and "));
  }

  private static ImageFileException notAnImage(Path file) {
    AttributeList header = DicomImageFiles.header(file);
    String sopClass = DataSet.value(header, "SOPClassUID");
    return new ImageFileException(file + ": not an image: no Rows and no PixelData (SOPClassUID " + sopClass
        + (sopClass.startsWith("1.2.840.10008.5.1.4.1.1.88.") ? ", a structured report" : "") + ")");
  }

  /** Frames sorted along the normal, after checking they form one evenly spaced stack. */
  static List<Frame> sortAndCheck(List<Frame> frames) {
    Frame first = frames.get(0);
    for (Frame f : frames) {
      if (f.pixels().rows() != first.pixels().rows() || f.pixels().columns() != first.pixels().columns()) {
        throw new ImageFileException(f.source().file() + ": " + f.pixels().rows() + " x " + f.pixels().columns()
            + " pixels, but " + first.source().file() + " has " + first.pixels().rows() + " x " + first.pixels().columns());
      }
      if (!close(f.orientation(), first.orientation(), 1e-4)) {
        throw new ImageFileException(f.source().file() + ": ImageOrientationPatient " + text(f.orientation()) + " differs from "
            + text(first.orientation()) + " in " + first.source().file() + ": not one stack of parallel slices");
      }
      if (!close(f.pixelSpacing(), first.pixelSpacing(), 1e-3)) {
        throw new ImageFileException(f.source().file() + ": PixelSpacing " + text(f.pixelSpacing()) + " differs from "
            + text(first.pixelSpacing()) + " in " + first.source().file());
      }
    }
    double[] n = first.normal();
    List<Frame> sorted = new ArrayList<>(frames);
    sorted.sort(Comparator.comparingDouble(f -> dot(n, f.position())));
    if (sorted.size() < 2) {
      return sorted;
    }
    double[] d = sorted.stream().mapToDouble(f -> dot(n, f.position())).toArray();
    double[] gaps = new double[d.length - 1];
    for (int k = 0; k < gaps.length; k++) {
      gaps[k] = d[k + 1] - d[k];
      if (gaps[k] < 0.01) {
        Frame a = sorted.get(k);
        Frame b = sorted.get(k + 1);
        throw new ImageFileException(a.source().file() + ": two slices at z=" + mm(d[k]) + " (" + where(a) + " and " + where(b)
            + "): several acquisitions or time points in one series? name one series, or split them");
      }
    }
    double[] ordered = gaps.clone();
    java.util.Arrays.sort(ordered);
    double spacing = ordered[ordered.length / 2];
    double tolerance = Math.max(0.01, 0.01 * spacing);
    for (int k = 0; k < gaps.length; k++) {
      if (Math.abs(gaps[k] - spacing) > tolerance) {
        double ratio = gaps[k] / spacing;
        long missing = Math.round(ratio) - 1;
        String what = missing >= 1 && Math.abs(ratio - Math.rint(ratio)) * spacing <= tolerance
            ? (missing == 1 ? "a slice is missing" : missing + " slices are missing")
            : "uneven spacing (" + mm(gaps[k]) + " mm)";
        throw new ImageFileException(sorted.get(k).source().file().getParent() + ": slice spacing " + mm(spacing)
            + " mm except between z=" + mm(d[k]) + " and z=" + mm(d[k + 1]) + ": " + what + " (" + where(sorted.get(k))
            + ", " + where(sorted.get(k + 1)) + ")");
      }
    }
    return sorted;
  }

  private static String where(Frame f) {
    return f.source().file().getFileName() + (f.pixels().frames() > 1 ? " frame " + f.source().frame() : "");
  }

  static Grid grid(List<Frame> sorted) {
    Frame first = sorted.get(0);
    double[] o = first.orientation();
    double[] k;
    double sz;
    if (sorted.size() == 1) {
      k = first.normal();
      sz = first.thickness() > 0 ? first.thickness() : 1.0;
    } else {
      Frame last = sorted.get(sorted.size() - 1);
      double[] p0 = first.position();
      double[] step = new double[3];
      for (int c = 0; c < 3; c++) {
        step[c] = (last.position()[c] - p0[c]) / (sorted.size() - 1);
      }
      sz = Math.sqrt(dot(step, step));
      k = new double[] {step[0] / sz, step[1] / sz, step[2] / sz};
      double tolerance = Math.max(0.01, 0.01 * sz);
      for (int s = 1; s < sorted.size() - 1; s++) {
        double[] p = sorted.get(s).position();
        double off = 0;
        for (int c = 0; c < 3; c++) {
          double e = p[c] - (p0[c] + s * step[c]);
          off += e * e;
        }
        if (Math.sqrt(off) > tolerance) {
          throw new ImageFileException(sorted.get(s).source().file() + ": slice " + where(sorted.get(s)) + " at " + text(p)
              + " lies " + mm(Math.sqrt(off)) + " mm off the line from the first slice to the last");
        }
      }
    }
    // + 0.0 turns -0.0 (from "-0" in a header or a cross product) into 0.0, which Grid.equals tells apart
    double[] direction = {o[0] + 0.0, o[1] + 0.0, o[2] + 0.0, o[3] + 0.0, o[4] + 0.0, o[5] + 0.0, k[0] + 0.0, k[1] + 0.0, k[2] + 0.0};
    double[] spacing = {first.pixelSpacing()[1], first.pixelSpacing()[0], sz};
    double[] p = first.position();
    return new Grid(first.pixels().columns(), first.pixels().rows(), sorted.size(), spacing,
        new double[] {p[0] + 0.0, p[1] + 0.0, p[2] + 0.0}, direction);
  }

  static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static boolean close(double[] a, double[] b, double tolerance) {
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > tolerance) {
        return false;
      }
    }
    return true;
  }

  /** Millimetres as written in messages: up to 3 decimals, at least one ("40.0", "2.5", "0.625"). */
  static String mm(double v) {
    BigDecimal b = BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (b.scale() < 1) {
      b = b.setScale(1, RoundingMode.UNNECESSARY);
    }
    return b.toPlainString();
  }

  private static String text(double[] v) {
    return java.util.Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.4g", x)).collect(Collectors.joining("\\"));
  }
}

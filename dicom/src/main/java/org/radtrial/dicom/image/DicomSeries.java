package org.radtrial.dicom.image;

import com.pixelmed.dicom.AttributeList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
   */
  public static SeriesVolume read(Path folderOrFile, String seriesInstanceUid) {
    if (!Files.exists(folderOrFile)) {
      throw new ImageFileException(folderOrFile + ": no such file or folder");
    }
    boolean single = !Files.isDirectory(folderOrFile);
    List<Path> files = single ? List.of(folderOrFile) : DicomFiles.under(folderOrFile);
    List<String> skipped = new ArrayList<>();
    Map<String, List<Path>> images = new LinkedHashMap<>();
    Map<String, List<Path>> nonImages = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
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
      AttributeList list = DicomImageFiles.withPixels(file);
      study = DataSet.value(list, "StudyInstanceUID");
      modality = DataSet.value(list, "Modality");
      frames.addAll(Frame.of(list, file));
    }
    List<Frame> sorted = sortAndCheck(frames);
    Volume volume = new Volume(grid(sorted), voxels(sorted));
    return new SeriesVolume(volume, uid, study, modality, sorted.stream().map(Frame::source).toList(), skipped);
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
    double[] direction = {o[0], o[1], o[2], o[3], o[4], o[5], k[0], k[1], k[2]};
    double[] spacing = {first.pixelSpacing()[1], first.pixelSpacing()[0], sz};
    return new Grid(first.pixels().columns(), first.pixels().rows(), sorted.size(), spacing, first.position().clone(), direction);
  }

  static float[] voxels(List<Frame> sorted) {
    int plane = sorted.get(0).pixels().rows() * sorted.get(0).pixels().columns();
    float[] out = new float[plane * sorted.size()];
    for (int s = 0; s < sorted.size(); s++) {
      Frame f = sorted.get(s);
      for (int p = 0; p < plane; p++) {
        out[s * plane + p] = (float) (f.pixels().value(f.index(), p) * f.slope() + f.intercept());
      }
    }
    return out;
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

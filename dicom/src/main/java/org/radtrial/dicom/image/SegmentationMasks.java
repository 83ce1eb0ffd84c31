package org.radtrial.dicom.image;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.results.Segment;
import org.radtrial.dicom.results.SegmentFrame;
import org.radtrial.dicom.results.Segmentation;
import org.radtrial.dicom.results.SegmentationReader;
import org.radtrial.io.image.ImageFileException;

/**
 * A DICOM Segmentation's segments as binary masks on the grid of its source series.
 *
 * <ul>
 *   <li>PerFrameFunctionalGroupsSequence must have one item per frame (NumberOfFrames).
 *   <li>Each frame is placed on a source slice by its DerivationImageSequence › SourceImageSequence
 *       ReferencedSOPInstanceUID (and ReferencedFrameNumber for a multi-frame source); without one,
 *       by its PlanePositionSequence ImagePositionPatient, which must fall on a slice of the source
 *       grid (within 1% of the slice spacing, or 0.01 mm). When both are present they must agree. A
 *       reference to an image that is not in the source series is an error, never a reason to fall
 *       back on the position: a SEG that names other images was drawn on something else, and placing
 *       it silently could put a mask on the wrong anatomy.
 *   <li>Frames must have the source's Rows, Columns and (PlaneOrientationSequence) orientation.
 *   <li>BINARY: a voxel is inside when its bit is 1. FRACTIONAL: inside when value /
 *       MaximumFractionalValue ≥ {@value #FRACTIONAL_THRESHOLD} (probability or occupancy of at
 *       least one half); MaximumFractionalValue is Type 1 for FRACTIONAL and its absence an error.
 *       Several frames of one segment on one slice are combined (or).
 *   <li>A source series that is absent, a frame referring to an image not in it, or a frame off its
 *       grid is a one-line error naming the SEG file and the frame.
 * </ul>
 *
 * Memory: the source series is read from its headers only (no pixel decoded); a mask array is
 * allocated only for a segment with at least one voxel inside (segments with none share one array
 * of zeros, which {@link Volume}'s readers only read), and {@link ImageFiles#readLabels} builds the
 * label volume directly in one array, checking overlaps as frames are placed. Segment descriptions
 * come from {@link SegmentationReader}, the reader of {@code dicom results}.
 */
public final class SegmentationMasks {
  /** A FRACTIONAL segment holds a voxel when its fraction is at least this. */
  public static final double FRACTIONAL_THRESHOLD = 0.5;

  private SegmentationMasks() {}

  /** The source series as placing frames needs it: its UID, grid and slices. */
  private record Source(String seriesInstanceUid, Grid grid, List<SliceSource> slices) {}

  /** Where each voxel inside a segment goes. */
  private interface Sink {
    void inside(int segment, int voxel);
  }

  /** The SEG's segments on the grid of its source series, found in {@code sourceFolder} by ReferencedSeriesSequence. */
  public static List<SegmentMask> read(Path seg, Path sourceFolder) {
    return masks(seg, source(seg, sourceFolder));
  }

  /** The SEG's segments on the source series' grid. */
  public static List<SegmentMask> read(Path seg, SeriesVolume source) {
    return masks(seg, new Source(source.seriesInstanceUid(), source.volume().grid(), source.slices()));
  }

  /** The SEG's segments as one label volume ({@link #labels}), built directly without a mask per segment. */
  static Volume readLabels(Path seg, Path sourceFolder) {
    Source source = source(seg, sourceFolder);
    Grid grid = source.grid();
    float[] labels = new float[grid.size()];
    Segmentation segmentation = place(seg, source, (segment, n) -> {
      if (labels[n] != 0f && labels[n] != segment) {
        throw overlap(seg, grid, n, (int) labels[n], segment);
      }
      labels[n] = segment;
    });
    if (segmentation.segments().isEmpty()) {
      throw new ImageFileException(seg + ": no segments");
    }
    return new Volume(grid, labels);
  }

  private static Source source(Path seg, Path sourceFolder) {
    AttributeList header = DicomImageFiles.header(seg);
    requireSegmentation(header, seg);
    String series = referencedSeries(header).orElse("");
    DicomSeries.SeriesHeaders source;
    try {
      source = DicomSeries.headers(sourceFolder, series);
    } catch (ImageFileException e) {
      if (series.isEmpty()) {
        throw new ImageFileException(seg + ": no ReferencedSeriesSequence, and its source folder cannot be read as one series: "
            + e.getMessage(), e);
      }
      throw new ImageFileException(seg + ": its source series " + series + " cannot be read from " + sourceFolder + " ("
          + e.getMessage() + ")", e);
    }
    return new Source(source.seriesInstanceUid(), source.grid(), source.slices());
  }

  private static List<SegmentMask> masks(Path seg, Source source) {
    Grid grid = source.grid();
    Map<Integer, float[]> masks = new HashMap<>();
    Segmentation segmentation = place(seg, source,
        (segment, n) -> masks.computeIfAbsent(segment, s -> new float[grid.size()])[n] = 1f);
    float[] none = null;
    List<SegmentMask> out = new ArrayList<>();
    for (Segment s : segmentation.segments()) {
      float[] mask = masks.get(s.number());
      if (mask == null) {
        none = none == null ? new float[grid.size()] : none;
        mask = none;
      }
      out.add(new SegmentMask(s, new Volume(grid, mask)));
    }
    return out;
  }

  /** Reads the SEG, checks it against the source and hands every voxel inside a segment to {@code sink}. */
  private static Segmentation place(Path seg, Source source, Sink sink) {
    AttributeList list = DicomImageFiles.withPixels(seg);
    requireSegmentation(list, seg);
    Optional<String> series = referencedSeries(list);
    if (series.isPresent() && !series.get().equals(source.seriesInstanceUid())) {
      throw new ImageFileException(seg + ": drawn on series " + series.get() + ", not on the series given ("
          + source.seriesInstanceUid() + ")");
    }
    List<String> problems = new ArrayList<>();
    Segmentation segmentation = SegmentationReader.read(list, seg.toString(), problems);
    if (!problems.isEmpty()) {
      throw new ImageFileException(seg + ": " + problems.get(0));
    }
    String type = DataSet.value(list, "SegmentationType");
    long inside;
    if (type.equals("BINARY")) {
      inside = 1;
    } else if (type.equals("FRACTIONAL")) {
      if (DataSet.value(list, "MaximumFractionalValue").isEmpty()) {
        throw new ImageFileException(seg + ": SegmentationType FRACTIONAL but no MaximumFractionalValue (Type 1: the stored"
            + " value that means a fraction of 1)");
      }
      int maximum = StoredPixels.integer(list, "MaximumFractionalValue", -1, seg);
      if (maximum < 1) {
        throw new ImageFileException(seg + ": MaximumFractionalValue " + maximum + "; it must be at least 1");
      }
      inside = (long) Math.ceil(maximum * FRACTIONAL_THRESHOLD);
    } else {
      throw new ImageFileException(seg + ": SegmentationType '" + type + "'; radtrial reads BINARY and FRACTIONAL");
    }
    Grid grid = source.grid();
    StoredPixels pixels = StoredPixels.of(list, seg);
    if (pixels.rows() != grid.ny() || pixels.columns() != grid.nx()) {
      throw new ImageFileException(seg + ": frames of " + pixels.rows() + " x " + pixels.columns() + " pixels, but the source"
          + " series' slices are " + grid.ny() + " x " + grid.nx());
    }
    List<AttributeList> perFrame = Frame.items(list, "PerFrameFunctionalGroupsSequence");
    if (perFrame.size() != pixels.frames()) {
      throw new ImageFileException(seg + ": PerFrameFunctionalGroupsSequence has " + perFrame.size() + " items but"
          + " NumberOfFrames is " + pixels.frames() + ": each frame needs its own item");
    }
    Map<String, Integer> sliceOf = new HashMap<>();
    for (int k = 0; k < source.slices().size(); k++) {
      SliceSource s = source.slices().get(k);
      sliceOf.put(s.sopInstanceUid() + "#" + s.frame(), k);
    }
    Set<Integer> described = new HashSet<>();
    segmentation.segments().forEach(s -> described.add(s.number()));
    Optional<AttributeList> shared = Frame.items(list, "SharedFunctionalGroupsSequence").stream().findFirst();
    int plane = grid.nx() * grid.ny();
    for (SegmentFrame frame : segmentation.frames()) {
      int f = frame.frame() - 1;
      if (!described.contains(frame.segmentNumber())) {
        throw new ImageFileException(seg + ": frame " + frame.frame() + " belongs to segment " + frame.segmentNumber()
            + ", which SegmentSequence does not describe");
      }
      Optional<AttributeList> own = Optional.of(perFrame.get(f));
      checkOrientation(list, own, shared, grid, seg, frame.frame());
      int k = slice(list, own, frame, sliceOf, source, seg);
      for (int p = 0; p < plane; p++) {
        if (pixels.value(f, p) >= inside) {
          sink.inside(frame.segmentNumber(), k * plane + p);
        }
      }
    }
    return segmentation;
  }

  /**
   * The masks as one label volume: each voxel the number of the segment that holds it, 0 for none.
   * A voxel in two segments is an error naming both (overlapping segments need separate masks).
   */
  public static Volume labels(List<SegmentMask> masks, Path seg) {
    if (masks.isEmpty()) {
      throw new ImageFileException(seg + ": no segments");
    }
    Grid grid = masks.get(0).mask().grid();
    float[] labels = new float[grid.size()];
    for (SegmentMask m : masks) {
      float[] v = m.mask().voxels();
      for (int n = 0; n < v.length; n++) {
        if (v[n] != 0f) {
          if (labels[n] != 0f) {
            throw overlap(seg, grid, n, (int) labels[n], m.segment().number());
          }
          labels[n] = m.segment().number();
        }
      }
    }
    return new Volume(grid, labels);
  }

  private static ImageFileException overlap(Path seg, Grid grid, int n, int first, int second) {
    int i = n % grid.nx();
    int j = n / grid.nx() % grid.ny();
    int k = n / grid.nx() / grid.ny();
    return new ImageFileException(seg + ": segments " + first + " and " + second + " overlap (voxel " + i + ", " + j + ", " + k
        + "): read them as separate masks");
  }

  private static void requireSegmentation(AttributeList list, Path seg) {
    String sopClass = DataSet.value(list, "SOPClassUID");
    if (!sopClass.equals(DicomSeries.SEGMENTATION_STORAGE)) {
      throw new ImageFileException(seg + ": not a Segmentation (SOPClassUID " + sopClass + ", Modality "
          + DataSet.value(list, "Modality") + ")");
    }
  }

  private static Optional<String> referencedSeries(AttributeList list) {
    return Frame.items(list, "ReferencedSeriesSequence").stream().map(i -> DataSet.value(i, "SeriesInstanceUID"))
        .filter(s -> !s.isEmpty()).findFirst();
  }

  private static void checkOrientation(AttributeList list, Optional<AttributeList> own, Optional<AttributeList> shared, Grid grid,
      Path seg, int frame) {
    Optional<Attribute> orientation = Frame.lookup(list, own, shared, "PlaneOrientationSequence", "ImageOrientationPatient");
    if (orientation.isEmpty()) {
      return;
    }
    double[] o = doubles(orientation.get(), seg, frame);
    double[] d = grid.direction();
    for (int c = 0; c < 6; c++) {
      if (o.length != 6 || Math.abs(o[c] - d[c]) > 1e-3) {
        throw new ImageFileException(seg + ": frame " + frame + " has ImageOrientationPatient "
            + orientation.get().getDelimitedStringValuesOrEmptyString() + ", not the source series' orientation");
      }
    }
  }

  private static int slice(AttributeList list, Optional<AttributeList> own, SegmentFrame frame, Map<String, Integer> sliceOf,
      Source source, Path seg) {
    Integer byReference = null;
    if (!frame.sourceSopInstanceUid().isEmpty()) {
      String number = Frame.items(own.orElseThrow(), "DerivationImageSequence").stream()
          .flatMap(d -> Frame.items(d, "SourceImageSequence").stream()).findFirst()
          .map(s -> DataSet.value(s, "ReferencedFrameNumber")).orElse("");
      int referencedFrame;
      try {
        referencedFrame = number.isEmpty() ? 1 : Integer.parseInt(number.strip());
      } catch (NumberFormatException e) {
        throw new ImageFileException(seg + ": frame " + frame.frame() + ": ReferencedFrameNumber '" + number
            + "' in its SourceImageSequence is not a whole number");
      }
      byReference = sliceOf.get(frame.sourceSopInstanceUid() + "#" + referencedFrame);
      if (byReference == null) {
        throw new ImageFileException(seg + ": frame " + frame.frame() + " refers to SOPInstanceUID " + frame.sourceSopInstanceUid()
            + (referencedFrame != 1 ? " frame " + referencedFrame : "") + ", which is not in source series "
            + source.seriesInstanceUid() + ": it was drawn on another image");
      }
    }
    Optional<Attribute> position = Frame.lookup(list, own, Optional.empty(), "PlanePositionSequence", "ImagePositionPatient");
    Integer byPosition = null;
    if (position.isPresent()) {
      byPosition = onGrid(doubles(position.get(), seg, frame.frame()), source.grid(), seg, frame.frame());
    }
    if (byReference != null) {
      if (byPosition != null && !byPosition.equals(byReference)) {
        throw new ImageFileException(seg + ": frame " + frame.frame() + " refers to source slice " + byReference
            + " but its PlanePositionSequence lies on slice " + byPosition);
      }
      return byReference;
    }
    if (byPosition != null) {
      return byPosition;
    }
    throw new ImageFileException(seg + ": frame " + frame.frame() + " has neither a source image reference"
        + " (DerivationImageSequence) nor a PlanePositionSequence: it cannot be placed");
  }

  /** The slice a frame position falls on: within 1% of the spacing (or 0.01 mm) of slice k's first voxel. */
  static int onGrid(double[] p, Grid g, Path seg, int frame) {
    double[] d = g.direction();
    double[] o = g.origin();
    double[][] m = new double[3][3];
    for (int axis = 0; axis < 3; axis++) {
      for (int c = 0; c < 3; c++) {
        m[c][axis] = d[3 * axis + c] * g.spacing(axis);
      }
    }
    double[] r = {p[0] - o[0], p[1] - o[1], p[2] - o[2]};
    double[] ijk = g.continuousIndex(p[0], p[1], p[2]);
    long k = Math.round(ijk[2]);
    double off = 0;
    for (int c = 0; c < 3; c++) {
      double e = r[c] - k * m[c][2];
      off += e * e;
    }
    double tolerance = Math.max(0.01, 0.01 * g.spacing(2));
    if (Math.sqrt(off) > tolerance || k < 0 || k >= g.nz()) {
      throw new ImageFileException(String.format(Locale.ROOT,
          "%s: frame %d at (%.3f, %.3f, %.3f) does not fall on the source grid (voxel %.2f, %.2f, %.2f of %dx%dx%d)", seg, frame,
          p[0], p[1], p[2], ijk[0], ijk[1], ijk[2], g.nx(), g.ny(), g.nz()));
    }
    return (int) k;
  }

  private static double[] doubles(Attribute a, Path seg, int frame) {
    try {
      double[] v = a.getDoubleValues();
      if (v == null || v.length < 3) {
        throw new ImageFileException(seg + ": frame " + frame + ": " + DataSet.describe(a.getTag()) + " has too few values");
      }
      return v;
    } catch (DicomException e) {
      throw new ImageFileException(seg + ": frame " + frame + ": " + DataSet.describe(a.getTag()) + " is not numeric", e);
    }
  }
}

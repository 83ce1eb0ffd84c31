package org.radtrial.dicom.image;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.radtrial.dicom.DataSet;
import org.radtrial.io.image.ImageFileException;

/**
 * One frame of an image with where it lies: ImagePositionPatient, ImageOrientationPatient and
 * PixelSpacing looked up, for an enhanced multi-frame image, in the frame's item of
 * PerFrameFunctionalGroupsSequence, then in SharedFunctionalGroupsSequence, then at the top level.
 */
record Frame(SliceSource source, StoredPixels pixels, int index, double[] position, double[] orientation,
    double[] pixelSpacing, double thickness, double slope, double intercept) {

  /** The row direction × the column direction: the slice normal. */
  double[] normal() {
    double[] o = orientation;
    return new double[] {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
  }

  /**
   * Every frame of a file, from its header; {@code pixels} is the file's shape ({@link
   * StoredPixels#shape}) or its decoded values.
   */
  static List<Frame> of(AttributeList list, StoredPixels pixels, Path file) {
    String sop = DataSet.value(list, "SOPInstanceUID");
    List<AttributeList> perFrame = items(list, "PerFrameFunctionalGroupsSequence");
    Optional<AttributeList> shared = items(list, "SharedFunctionalGroupsSequence").stream().findFirst();
    if (!perFrame.isEmpty() && perFrame.size() != pixels.frames()) {
      throw new ImageFileException(file + ": PerFrameFunctionalGroupsSequence has " + perFrame.size()
          + " items for NumberOfFrames " + pixels.frames());
    }
    if (perFrame.isEmpty() && pixels.frames() > 1) {
      throw new ImageFileException(file + ": NumberOfFrames " + pixels.frames() + " but no PerFrameFunctionalGroupsSequence:"
          + " its frames have no positions of their own" + (list.get(DataSet.tag("GridFrameOffsetVector")) != null
              ? " (GridFrameOffsetVector, as RT Dose has, is not read)" : ""));
    }
    List<Frame> frames = new ArrayList<>();
    for (int f = 0; f < pixels.frames(); f++) {
      Optional<AttributeList> own = perFrame.isEmpty() ? Optional.empty() : Optional.of(perFrame.get(f));
      String where = pixels.frames() > 1 ? " of frame " + (f + 1) : "";
      double[] position = doubles(list, own, shared, "PlanePositionSequence", "ImagePositionPatient", 3, file, where);
      double[] orientation = doubles(list, own, shared, "PlaneOrientationSequence", "ImageOrientationPatient", 6, file, where);
      double[] spacing = doubles(list, own, shared, "PixelMeasuresSequence", "PixelSpacing", 2, file, where);
      double thickness = optional(list, own, shared, "PixelMeasuresSequence", "SpacingBetweenSlices", file)
          .or(() -> optional(list, own, shared, "PixelMeasuresSequence", "SliceThickness", file)).orElse(0.0);
      double slope = optional(list, own, shared, "PixelValueTransformationSequence", "RescaleSlope", file).orElse(1.0);
      double intercept = optional(list, own, shared, "PixelValueTransformationSequence", "RescaleIntercept", file).orElse(0.0);
      frames.add(new Frame(new SliceSource(file, sop, f + 1), pixels, f, position, unit(orientation, file, where), spacing,
          thickness, slope, intercept));
    }
    return frames;
  }

  private static double[] unit(double[] o, Path file, String where) {
    double a = Math.sqrt(o[0] * o[0] + o[1] * o[1] + o[2] * o[2]);
    double b = Math.sqrt(o[3] * o[3] + o[4] * o[4] + o[5] * o[5]);
    double dot = o[0] * o[3] + o[1] * o[4] + o[2] * o[5];
    if (Math.abs(a - 1) > 1e-3 || Math.abs(b - 1) > 1e-3 || Math.abs(dot) > 1e-3) {
      throw new ImageFileException(file + ": ImageOrientationPatient" + where + " " + java.util.Arrays.toString(o)
          + " is not two orthogonal unit vectors");
    }
    return new double[] {o[0] / a, o[1] / a, o[2] / a, o[3] / b, o[4] / b, o[5] / b};
  }

  static List<AttributeList> items(AttributeList list, String sequence) {
    List<AttributeList> items = new ArrayList<>();
    if (list.get(DataSet.tag(sequence)) instanceof SequenceAttribute s) {
      for (int i = 0; i < s.getNumberOfItems(); i++) {
        items.add(s.getItem(i).getAttributeList());
      }
    }
    return items;
  }

  /** The attribute from the frame's functional group, else the shared one, else the top level. */
  static Optional<Attribute> lookup(AttributeList list, Optional<AttributeList> own, Optional<AttributeList> shared,
      String group, String keyword) {
    for (Optional<AttributeList> groups : List.of(own, shared)) {
      if (groups.isPresent()) {
        for (AttributeList item : items(groups.get(), group)) {
          Attribute a = item.get(DataSet.tag(keyword));
          if (a != null && a.getVM() > 0) {
            return Optional.of(a);
          }
        }
      }
    }
    Attribute top = list.get(DataSet.tag(keyword));
    return top != null && top.getVM() > 0 ? Optional.of(top) : Optional.empty();
  }

  private static double[] doubles(AttributeList list, Optional<AttributeList> own, Optional<AttributeList> shared,
      String group, String keyword, int count, Path file, String where) {
    Attribute a = lookup(list, own, shared, group, keyword).orElseThrow(() -> new ImageFileException(
        file + ": no " + keyword + where + " (nor in " + group + "): the image cannot be placed in patient space"));
    try {
      double[] v = a.getDoubleValues();
      if (v == null || v.length != count) {
        throw new ImageFileException(file + ": " + keyword + where + " has " + (v == null ? 0 : v.length) + " values, not "
            + count);
      }
      for (double x : v) {
        if (!Double.isFinite(x)) {
          throw new ImageFileException(file + ": " + keyword + where + " holds " + x);
        }
      }
      return v;
    } catch (DicomException e) {
      throw new ImageFileException(file + ": " + keyword + where + " is not numeric (" + e.getMessage() + ")", e);
    }
  }

  private static Optional<Double> optional(AttributeList list, Optional<AttributeList> own, Optional<AttributeList> shared,
      String group, String keyword, Path file) {
    return lookup(list, own, shared, group, keyword).map(a -> {
      double v;
      try {
        v = a.getDoubleValues()[0];
      } catch (DicomException | RuntimeException e) {
        v = Double.NaN;
      }
      if (!Double.isFinite(v)) {
        throw new ImageFileException(file + ": " + keyword + " '" + a.getDelimitedStringValuesOrEmptyString() + "' is not a number");
      }
      return v;
    });
  }
}

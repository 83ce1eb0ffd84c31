package org.radtrial.dicom.image;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.results.Concept;
import org.radtrial.dicom.synth.SyntheticDicom;

/**
 * Writes binary masks on a source series' grid as a minimal, standard-conformant DICOM
 * Segmentation (PS3.3 A.51): SegmentationType BINARY, frames bit-packed (1 bit, contiguous across
 * frames), one frame per segment and slice that holds any voxel (at least one frame per segment),
 * SegmentSequence, SharedFunctionalGroups with PixelMeasures and PlaneOrientation, per frame
 * PlanePosition, DerivationImage (the source slice), FrameContent with dimension index values
 * (segment, slice) and SegmentIdentification; ReferencedSeriesSequence lists the source instances.
 * Patient and study attributes are copied from the source. For tests and synthetic data.
 */
public final class SegmentationWriter {
  /** A segment to write: its label, its coded category and type, and its mask (non-zero = inside). */
  public record Segment(String label, Concept category, Concept type, Volume mask) {
    /** A segment of "Morphologically Altered Structure" / "Mass", the usual code of a lesion. */
    public static Segment lesion(String label, Volume mask) {
      return new Segment(label, new Concept("49755003", "SCT", "Morphologically Altered Structure"),
          new Concept("4147007", "SCT", "Mass"), mask);
    }
  }

  private SegmentationWriter() {}

  /**
   * Writes the SEG and returns its SOPInstanceUID. Each mask must lie on the source's grid
   * (differences are named). UIDs come from {@code random}: the same seed writes the same file.
   */
  public static String write(Path file, SeriesVolume source, List<Segment> segments, String algorithmName, Random random) {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException(file + ": a Segmentation needs at least one segment");
    }
    Grid grid = source.volume().grid();
    for (Segment s : segments) {
      List<String> differences = s.mask().grid().differencesFrom(grid);
      if (!differences.isEmpty()) {
        throw new IllegalArgumentException(file + ": the mask of segment '" + s.label() + "' is not on the source series' grid ("
            + String.join(", ", differences) + ")");
      }
    }
    Map<Path, AttributeList> headers = new LinkedHashMap<>();
    for (SliceSource slice : source.slices()) {
      headers.computeIfAbsent(slice.file(), DicomImageFiles::header);
    }
    AttributeList first = headers.values().iterator().next();
    AttributeList list = new AttributeList();
    String sop = SyntheticDicom.uid(random);
    copy(first, list, "PatientName", "PatientID", "PatientBirthDate", "PatientSex", "StudyInstanceUID", "StudyDate",
        "StudyTime", "ReferringPhysicianName", "StudyID", "AccessionNumber", "FrameOfReferenceUID");
    DataSet.set(list, "PositionReferenceIndicator");
    DataSet.set(list, "SOPClassUID", DicomSeries.SEGMENTATION_STORAGE);
    DataSet.set(list, "SOPInstanceUID", sop);
    DataSet.set(list, "Modality", "SEG");
    DataSet.set(list, "SeriesInstanceUID", SyntheticDicom.uid(random));
    DataSet.set(list, "SeriesNumber", "300");
    DataSet.set(list, "SeriesDescription", "Segmentation by " + algorithmName);
    DataSet.set(list, "InstanceNumber", "1");
    String now = LocalDateTime.of(2024, 1, 1, 12, 0).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    DataSet.set(list, "ContentDate", now.substring(0, 8));
    DataSet.set(list, "ContentTime", now.substring(8));
    DataSet.set(list, "ContentLabel", "SEGMENTATION");
    DataSet.set(list, "ContentDescription", "masks written by radtrial");
    DataSet.set(list, "ContentCreatorName", "radtrial^");
    DataSet.set(list, "Manufacturer", "radtrial");
    DataSet.set(list, "ManufacturerModelName", "radtrial");
    DataSet.set(list, "DeviceSerialNumber", "0");
    DataSet.set(list, "SoftwareVersions", "radtrial");
    DataSet.set(list, "ImageType", "DERIVED", "PRIMARY");
    DataSet.set(list, "SegmentationType", "BINARY");
    DataSet.set(list, "SamplesPerPixel", "1");
    DataSet.set(list, "PhotometricInterpretation", "MONOCHROME2");
    DataSet.set(list, "Rows", Integer.toString(grid.ny()));
    DataSet.set(list, "Columns", Integer.toString(grid.nx()));
    DataSet.set(list, "BitsAllocated", "1");
    DataSet.set(list, "BitsStored", "1");
    DataSet.set(list, "HighBit", "0");
    DataSet.set(list, "PixelRepresentation", "0");
    DataSet.set(list, "LossyImageCompression", "00");

    String dimensionUid = SyntheticDicom.uid(random);
    DataSet.set(DataSet.addItem(list, "DimensionOrganizationSequence"), "DimensionOrganizationUID", dimensionUid);
    dimension(list, dimensionUid, "SegmentIdentificationSequence", "ReferencedSegmentNumber", "Segment");
    dimension(list, dimensionUid, "PlanePositionSequence", "ImagePositionPatient", "Slice position");

    for (int s = 0; s < segments.size(); s++) {
      Segment segment = segments.get(s);
      AttributeList item = DataSet.addItem(list, "SegmentSequence");
      DataSet.set(item, "SegmentNumber", Integer.toString(s + 1));
      DataSet.set(item, "SegmentLabel", segment.label());
      DataSet.set(item, "SegmentAlgorithmType", "AUTOMATIC");
      DataSet.set(item, "SegmentAlgorithmName", algorithmName);
      DataSet.code(item, "SegmentedPropertyCategoryCodeSequence", segment.category().value(), segment.category().scheme(),
          segment.category().meaning());
      DataSet.code(item, "SegmentedPropertyTypeCodeSequence", segment.type().value(), segment.type().scheme(),
          segment.type().meaning());
    }

    AttributeList shared = DataSet.addItem(list, "SharedFunctionalGroupsSequence");
    AttributeList measures = DataSet.addItem(shared, "PixelMeasuresSequence");
    DataSet.set(measures, "PixelSpacing", ds(grid.spacing(1)), ds(grid.spacing(0)));
    DataSet.set(measures, "SliceThickness", ds(grid.spacing(2)));
    DataSet.set(measures, "SpacingBetweenSlices", ds(grid.spacing(2)));
    double[] d = grid.direction();
    DataSet.set(DataSet.addItem(shared, "PlaneOrientationSequence"), "ImageOrientationPatient", ds(d[0]), ds(d[1]), ds(d[2]),
        ds(d[3]), ds(d[4]), ds(d[5]));

    int plane = grid.nx() * grid.ny();
    List<int[]> frames = new ArrayList<>(); // {segment index, slice}
    for (int s = 0; s < segments.size(); s++) {
      float[] v = segments.get(s).mask().voxels();
      int before = frames.size();
      for (int k = 0; k < grid.nz(); k++) {
        for (int p = 0; p < plane; p++) {
          if (v[k * plane + p] != 0f) {
            frames.add(new int[] {s, k});
            break;
          }
        }
      }
      if (frames.size() == before) {
        frames.add(new int[] {s, 0}); // an empty segment keeps one (empty) frame
      }
    }
    byte[] bits = new byte[(int) (((long) frames.size() * plane + 7) / 8 + 1) & ~1];
    long bit = 0;
    for (int[] f : frames) {
      int s = f[0];
      int k = f[1];
      SliceSource slice = source.slices().get(k);
      AttributeList header = headers.get(slice.file());
      AttributeList item = DataSet.addItem(list, "PerFrameFunctionalGroupsSequence");
      AttributeList derivation = DataSet.addItem(item, "DerivationImageSequence");
      DataSet.code(derivation, "DerivationCodeSequence", "113076", "DCM", "Segmentation");
      AttributeList sourceImage = DataSet.addItem(derivation, "SourceImageSequence");
      DataSet.set(sourceImage, "ReferencedSOPClassUID", DataSet.value(header, "SOPClassUID"));
      DataSet.set(sourceImage, "ReferencedSOPInstanceUID", slice.sopInstanceUid());
      if (!DataSet.value(header, "NumberOfFrames").isEmpty()) {
        DataSet.set(sourceImage, "ReferencedFrameNumber", Integer.toString(slice.frame()));
      }
      DataSet.code(sourceImage, "PurposeOfReferenceCodeSequence", "121322", "DCM",
          "Source image for image processing operation");
      DataSet.set(DataSet.addItem(item, "FrameContentSequence"), "DimensionIndexValues", Integer.toString(s + 1),
          Integer.toString(k + 1));
      double[] position = position(grid, k);
      DataSet.set(DataSet.addItem(item, "PlanePositionSequence"), "ImagePositionPatient", ds(position[0]), ds(position[1]),
          ds(position[2]));
      DataSet.set(DataSet.addItem(item, "SegmentIdentificationSequence"), "ReferencedSegmentNumber", Integer.toString(s + 1));
      float[] v = segments.get(s).mask().voxels();
      for (int p = 0; p < plane; p++, bit++) {
        if (v[k * plane + p] != 0f) {
          bits[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
        }
      }
    }
    DataSet.set(list, "NumberOfFrames", Integer.toString(frames.size()));

    AttributeList referenced = DataSet.addItem(list, "ReferencedSeriesSequence");
    DataSet.set(referenced, "SeriesInstanceUID", source.seriesInstanceUid());
    for (AttributeList header : headers.values()) {
      AttributeList instance = DataSet.addItem(referenced, "ReferencedInstanceSequence");
      DataSet.set(instance, "ReferencedSOPClassUID", DataSet.value(header, "SOPClassUID"));
      DataSet.set(instance, "ReferencedSOPInstanceUID", DataSet.value(header, "SOPInstanceUID"));
    }
    try {
      OtherByteAttribute pixels = new OtherByteAttribute(TagFromName.PixelData);
      pixels.setValues(bits);
      list.put(pixels);
    } catch (DicomException e) {
      throw new IllegalStateException(e);
    }
    SyntheticDicom.write(list, file);
    return sop;
  }

  private static void dimension(AttributeList list, String uid, String sequence, String keyword, String description) {
    AttributeList item = DataSet.addItem(list, "DimensionIndexSequence");
    DataSet.set(item, "DimensionOrganizationUID", uid);
    pointer(item, "DimensionIndexPointer", keyword);
    pointer(item, "FunctionalGroupPointer", sequence);
    DataSet.set(item, "DimensionDescriptionLabel", description);
  }

  /** An AT attribute holding the tag of a keyword. */
  private static void pointer(AttributeList item, String pointer, String keyword) {
    try {
      com.pixelmed.dicom.AttributeTagAttribute a = new com.pixelmed.dicom.AttributeTagAttribute(DataSet.tag(pointer));
      a.addValue(DataSet.tag(keyword));
      item.put(a);
    } catch (DicomException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy(AttributeList from, AttributeList to, String... keywords) {
    for (String k : keywords) {
      DataSet.set(to, k, DataSet.value(from, k));
    }
  }

  static double[] position(Grid g, int k) {
    double[] o = g.origin();
    double[] d = g.direction();
    return new double[] {o[0] + k * g.spacing(2) * d[6], o[1] + k * g.spacing(2) * d[7], o[2] + k * g.spacing(2) * d[8]};
  }

  private static String ds(double v) {
    String s = String.format(java.util.Locale.ROOT, "%.10g", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+(?=$|e)", "").replaceAll("\\.(?=$|e)", "");
    }
    return s.length() <= 16 ? s : String.format(java.util.Locale.ROOT, "%.8g", v);
  }
}

package org.radtrial.dicom.synth;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.DataSet;

/**
 * A synthetic image series written from a {@link Volume}: one single-frame file per slice
 * (CT, MR or PT Image Storage), or one Enhanced CT file whose frames are placed by per-frame
 * functional groups. Values are stored as signed 16-bit integers through RescaleSlope and
 * RescaleIntercept; the volume's values must be whole multiples of the slope from the intercept.
 * Not real patients.
 */
public final class SyntheticSeries {
  public static final String ENHANCED_CT = "1.2.840.10008.5.1.4.1.1.2.1";
  public static final String PET_IMAGE = "1.2.840.10008.5.1.4.1.1.128";

  private SyntheticSeries() {}

  /** The identifiers and value encoding of a series to write. */
  public record Options(String modality, String studyUid, String seriesUid, double slope, double intercept) {
    /** A CT series: HU stored with slope 1 and intercept -1024. */
    public static Options ct(Random random) {
      return new Options("CT", SyntheticDicom.uid(random), SyntheticDicom.uid(random), 1, -1024);
    }
  }

  /** What was written: the files and the SOPInstanceUID of slice k (k = 0 first along the grid's third axis). */
  public record Written(List<Path> files, List<String> sopInstanceUids) {
    public Written {
      files = List.copyOf(files);
      sopInstanceUids = List.copyOf(sopInstanceUids);
    }
  }

  /** One file per slice, {@code slice-0001.dcm} ..., into the folder. */
  public static Written write(Path folder, Volume volume, Options options, Random random) {
    Grid g = volume.grid();
    List<Path> files = new ArrayList<>();
    List<String> sops = new ArrayList<>();
    for (int k = 0; k < g.nz(); k++) {
      String sop = SyntheticDicom.uid(random);
      AttributeList list = header(options, sop, k + 1);
      DataSet.set(list, "SOPClassUID", sopClass(options.modality()));
      geometry(list, g);
      DataSet.set(list, "ImagePositionPatient", text(position(g, k)));
      DataSet.set(list, "RescaleSlope", number(options.slope()));
      DataSet.set(list, "RescaleIntercept", number(options.intercept()));
      pixels(list, volume, k, 1, options);
      Path file = folder.resolve(String.format(Locale.ROOT, "slice-%04d.dcm", k + 1));
      SyntheticDicom.write(list, file);
      files.add(file);
      sops.add(sop);
    }
    return new Written(files, sops);
  }

  /** One Enhanced CT Image file: PlanePosition per frame, PixelMeasures, PlaneOrientation and rescale shared. */
  public static Written writeEnhanced(Path file, Volume volume, Options options, Random random) {
    Grid g = volume.grid();
    String sop = SyntheticDicom.uid(random);
    AttributeList list = header(options, sop, 1);
    DataSet.set(list, "SOPClassUID", ENHANCED_CT);
    DataSet.set(list, "NumberOfFrames", Integer.toString(g.nz()));
    AttributeList shared = DataSet.addItem(list, "SharedFunctionalGroupsSequence");
    AttributeList measures = DataSet.addItem(shared, "PixelMeasuresSequence");
    DataSet.set(measures, "PixelSpacing", number(g.spacing(1)), number(g.spacing(0)));
    DataSet.set(measures, "SliceThickness", number(g.spacing(2)));
    DataSet.set(measures, "SpacingBetweenSlices", number(g.spacing(2)));
    DataSet.set(DataSet.addItem(shared, "PlaneOrientationSequence"), "ImageOrientationPatient", orientation(g));
    AttributeList transform = DataSet.addItem(shared, "PixelValueTransformationSequence");
    DataSet.set(transform, "RescaleSlope", number(options.slope()));
    DataSet.set(transform, "RescaleIntercept", number(options.intercept()));
    DataSet.set(transform, "RescaleType", "HU");
    for (int k = 0; k < g.nz(); k++) {
      AttributeList frame = DataSet.addItem(list, "PerFrameFunctionalGroupsSequence");
      DataSet.set(DataSet.addItem(frame, "PlanePositionSequence"), "ImagePositionPatient", text(position(g, k)));
      AttributeList content = DataSet.addItem(frame, "FrameContentSequence");
      DataSet.set(content, "InStackPositionNumber", Integer.toString(k + 1));
    }
    pixels(list, volume, 0, g.nz(), options);
    SyntheticDicom.write(list, file);
    List<String> sops = new ArrayList<>();
    for (int k = 0; k < g.nz(); k++) {
      sops.add(sop);
    }
    return new Written(List.of(file), sops);
  }

  private static AttributeList header(Options options, String sop, int instance) {
    SyntheticPatient patient = new SyntheticPatient("SYN-0001", "Synthetic^Series", LocalDate.of(1960, 5, 17), "O",
        LocalDate.of(2024, 3, 4), "ACC-SERIES", options.studyUid());
    SyntheticDevice device = new SyntheticDevice("Vendor A", "Alpha CT", "SN-A-0001", "North Hospital");
    AttributeList list = SyntheticDicom.image(patient, device, options.modality().equals("PT") ? "NM" : options.modality(),
        options.seriesUid(), sop, instance);
    DataSet.set(list, "Modality", options.modality());
    DataSet.set(list, "SeriesDescription", "synthetic " + options.modality() + " volume");
    DataSet.set(list, "FrameOfReferenceUID", options.studyUid() + ".1");
    return list;
  }

  private static String sopClass(String modality) {
    return switch (modality) {
      case "CT" -> SyntheticDicom.CT_IMAGE;
      case "MR" -> SyntheticDicom.MR_IMAGE;
      case "PT" -> PET_IMAGE;
      default -> throw new IllegalArgumentException("no synthetic " + modality + " series (CT, MR or PT)");
    };
  }

  private static void geometry(AttributeList list, Grid g) {
    DataSet.set(list, "ImageOrientationPatient", orientation(g));
    DataSet.set(list, "PixelSpacing", number(g.spacing(1)), number(g.spacing(0)));
    DataSet.set(list, "SliceThickness", number(g.spacing(2)));
  }

  private static String[] orientation(Grid g) {
    double[] d = g.direction();
    return new String[] {number(d[0]), number(d[1]), number(d[2]), number(d[3]), number(d[4]), number(d[5])};
  }

  /** The centre of voxel (0, 0, k). */
  public static double[] position(Grid g, int k) {
    double[] o = g.origin();
    double[] d = g.direction();
    return new double[] {o[0] + k * g.spacing(2) * d[6], o[1] + k * g.spacing(2) * d[7], o[2] + k * g.spacing(2) * d[8]};
  }

  private static void pixels(AttributeList list, Volume volume, int fromSlice, int slices, Options options) {
    Grid g = volume.grid();
    int plane = g.nx() * g.ny();
    short[] values = new short[plane * slices];
    for (int s = 0; s < slices; s++) {
      for (int p = 0; p < plane; p++) {
        float v = volume.voxels()[(fromSlice + s) * plane + p];
        double stored = (v - options.intercept()) / options.slope();
        long rounded = Math.round(stored);
        if (Math.abs(stored - rounded) > 1e-3 || rounded < Short.MIN_VALUE || rounded > Short.MAX_VALUE) {
          throw new IllegalArgumentException("voxel value " + v + " is not stored exactly as a signed 16-bit integer with slope "
              + options.slope() + " and intercept " + options.intercept());
        }
        values[s * plane + p] = (short) rounded;
      }
    }
    DataSet.set(list, "Rows", Integer.toString(g.ny()));
    DataSet.set(list, "Columns", Integer.toString(g.nx()));
    DataSet.set(list, "BitsAllocated", "16");
    DataSet.set(list, "BitsStored", "16");
    DataSet.set(list, "HighBit", "15");
    DataSet.set(list, "PixelRepresentation", "1");
    try {
      OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
      pixels.setValues(values);
      list.put(pixels);
    } catch (DicomException e) {
      throw new IllegalStateException(e);
    }
  }

  static String number(double v) {
    String s = String.format(Locale.ROOT, "%.10g", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+(?=$|e)", "").replaceAll("\\.(?=$|e)", "");
    }
    return s.length() <= 16 ? s : String.format(Locale.ROOT, "%.8g", v);
  }

  private static String[] text(double[] v) {
    return new String[] {number(v[0]), number(v[1]), number(v[2])};
  }
}

package org.radtrial.dicom.synth;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.radtrial.dicom.DataSet;

/**
 * Synthetic DICOM instances written with PixelMed: headers as a modality would fill them, identifying
 * attributes included (in sequences and private elements too) so that de-identification has work to
 * do, and tiny pixel data. Not real patients.
 */
public final class SyntheticDicom {
  public static final String MAMMOGRAPHY_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.2";
  public static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
  public static final String MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4";
  public static final String US_IMAGE = "1.2.840.10008.5.1.4.1.1.6.1";
  public static final String NM_IMAGE = "1.2.840.10008.5.1.4.1.1.20";
  public static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
  static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

  private SyntheticDicom() {}

  /** A random UID under 2.25 (a UUID-derived root), reproducible with the same random source. */
  public static String uid(Random random) {
    return "2.25." + new BigInteger(127, random);
  }

  /**
   * An image of the given modality: MG, CT, MR, US or NM, with that modality's acquisition fields
   * (MG: view, laterality, kVp, mAs; CT: kVp, slice thickness; MR: field strength; NM: a
   * radiopharmaceutical; US: BurnedInAnnotation YES), 8 x 8 pixels of 16 bits.
   */
  public static AttributeList image(SyntheticPatient patient, SyntheticDevice device, String modality, String seriesUid,
      String sopUid, int instanceNumber) {
    AttributeList list = new AttributeList();
    String sopClass = switch (modality) {
      case "MG" -> MAMMOGRAPHY_FOR_PRESENTATION;
      case "CT" -> CT_IMAGE;
      case "MR" -> MR_IMAGE;
      case "US" -> US_IMAGE;
      case "NM" -> NM_IMAGE;
      case "OT" -> SECONDARY_CAPTURE;
      default -> throw new IllegalArgumentException("no synthetic " + modality + " images");
    };
    DataSet.set(list, "SOPClassUID", sopClass);
    DataSet.set(list, "SOPInstanceUID", sopUid);
    DataSet.set(list, "Modality", modality);
    DataSet.set(list, "SeriesInstanceUID", seriesUid);
    DataSet.set(list, "SeriesNumber", "1");
    DataSet.set(list, "InstanceNumber", Integer.toString(instanceNumber));
    DataSet.set(list, "SeriesDescription", modality + " series of " + patient.patientName());
    patientAndStudy(list, patient);
    equipment(list, device);
    pixels(list);
    switch (modality) {
      case "MG" -> {
        DataSet.set(list, "BodyPartExamined", "BREAST");
        DataSet.set(list, "KVP", "29");
        DataSet.set(list, "Exposure", "120");
      }
      case "CT" -> {
        DataSet.set(list, "KVP", "120");
        DataSet.set(list, "SliceThickness", "2.5");
        DataSet.set(list, "BodyPartExamined", "CHEST");
      }
      case "MR" -> {
        DataSet.set(list, "MagneticFieldStrength", "1.5");
        DataSet.set(list, "SliceThickness", "5");
        DataSet.set(list, "BodyPartExamined", "HEAD");
      }
      case "US" -> DataSet.set(list, "BurnedInAnnotation", "YES");
      case "NM" -> DataSet.set(DataSet.addItem(list, "RadiopharmaceuticalInformationSequence"), "Radiopharmaceutical", "Tc-99m MDP");
      default -> DataSet.set(list, "BurnedInAnnotation", "YES");
    }
    return list;
  }

  /** A mammogram: laterality L or R, view CC or MLO. */
  public static AttributeList mammogram(SyntheticPatient patient, SyntheticDevice device, String seriesUid, String sopUid,
      String laterality, String view, int instanceNumber) {
    AttributeList list = image(patient, device, "MG", seriesUid, sopUid, instanceNumber);
    DataSet.set(list, "ImageLaterality", laterality);
    DataSet.set(list, "ViewPosition", view);
    return list;
  }

  /** The patient, study and request attributes, identifying ones included, some inside sequences. */
  static void patientAndStudy(AttributeList list, SyntheticPatient p) {
    DataSet.set(list, "PatientName", p.patientName());
    DataSet.set(list, "PatientID", p.patientId());
    DataSet.set(list, "IssuerOfPatientID", "SYNTHETIC HOSPITAL");
    DataSet.set(list, "PatientBirthDate", p.birthDate().format(DA));
    DataSet.set(list, "PatientSex", p.sex());
    DataSet.set(list, "PatientAddress", "1 Synthetic Street, Nowhere");
    DataSet.set(list, "PatientTelephoneNumbers", "555-0100");
    DataSet.set(list, "OtherPatientIDs", "OTHER-" + p.patientId());
    DataSet.set(list, "PatientWeight", "70");
    DataSet.set(list, "PatientSize", "1.65");
    DataSet.set(list, "StudyInstanceUID", p.studyUid());
    DataSet.set(list, "StudyDate", p.studyDate().format(DA));
    DataSet.set(list, "StudyTime", "093000");
    DataSet.set(list, "SeriesDate", p.studyDate().format(DA));
    DataSet.set(list, "ContentDate", p.studyDate().format(DA));
    DataSet.set(list, "AcquisitionDateTime", p.studyDate().format(DA) + "093512");
    DataSet.set(list, "AccessionNumber", p.accession());
    DataSet.set(list, "StudyID", "S" + p.accession());
    DataSet.set(list, "StudyDescription", "Screening of " + p.patientName());
    DataSet.set(list, "ReferringPhysicianName", "Referrer^Robert");
    DataSet.set(list, "PerformingPhysicianName", "Performer^Paula");
    DataSet.set(list, "OperatorsName", "Operator^Olga");
    AttributeList request = DataSet.addItem(list, "RequestAttributesSequence");
    DataSet.set(request, "RequestedProcedureID", "RP-" + p.accession());
    DataSet.set(request, "ScheduledProcedureStepID", "SPS-" + p.accession());
    AttributeList referenced = DataSet.addItem(list, "ReferencedStudySequence");
    DataSet.set(referenced, "ReferencedSOPClassUID", "1.2.840.10008.3.1.2.3.1");
    DataSet.set(referenced, "ReferencedSOPInstanceUID", p.studyUid() + ".9");
    // a private block: creator + an identifying value
    DataSet.set(list, new com.pixelmed.dicom.AttributeTag(0x0029, 0x0010), "SYNTHETIC PRIVATE");
    DataSet.set(list, new com.pixelmed.dicom.AttributeTag(0x0029, 0x1010), p.patientName());
  }

  static void equipment(AttributeList list, SyntheticDevice d) {
    DataSet.set(list, "Manufacturer", d.manufacturer());
    DataSet.set(list, "ManufacturerModelName", d.model());
    DataSet.set(list, "DeviceSerialNumber", d.serialNumber());
    DataSet.set(list, "StationName", "STATION-" + d.serialNumber());
    DataSet.set(list, "InstitutionName", d.institution());
    DataSet.set(list, "InstitutionAddress", "Hospital Road 1, " + d.institution());
    DataSet.set(list, "SoftwareVersions", "1.0");
  }

  private static void pixels(AttributeList list) {
    DataSet.set(list, "Rows", "8");
    DataSet.set(list, "Columns", "8");
    DataSet.set(list, "SamplesPerPixel", "1");
    DataSet.set(list, "PhotometricInterpretation", "MONOCHROME2");
    DataSet.set(list, "BitsAllocated", "16");
    DataSet.set(list, "BitsStored", "12");
    DataSet.set(list, "HighBit", "11");
    DataSet.set(list, "PixelRepresentation", "0");
    short[] values = new short[64];
    for (int i = 0; i < values.length; i++) {
      values[i] = (short) (i * 37 % 4096);
    }
    try {
      OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
      pixels.setValues(values);
      list.put(pixels);
    } catch (DicomException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a Part 10 file (preamble, meta information) in explicit VR little endian. */
  public static void write(AttributeList list, Path file) {
    write(list, file, TransferSyntax.ExplicitVRLittleEndian);
  }

  public static void write(AttributeList list, Path file, String transferSyntax) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      list.removeGroupLengthAttributes();
      list.remove(TagFromName.DataSetTrailingPadding);
      FileMetaInformation.addFileMetaInformation(list, transferSyntax, "RADTRIAL");
      list.write(file.toFile(), transferSyntax, true, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (DicomException e) {
      throw new IllegalStateException("cannot encode " + file + ": " + e.getMessage(), e);
    }
  }
}

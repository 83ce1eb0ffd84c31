package org.radtrial.dicom.synth;

import com.pixelmed.dicom.AttributeList;
import java.util.List;
import org.radtrial.dicom.DataSet;

/** Synthetic AI results: SRs in the shape of the Mammography CAD SR (TID 4000) and TID 1500, and a SEG. */
public final class SyntheticReports {
  public static final String COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33";
  public static final String MAMMOGRAPHY_CAD_SR = "1.2.840.10008.5.1.4.1.1.88.50";

  private SyntheticReports() {}

  /** A lesion an AI reports: what, where, and its probability of cancer. */
  public record Lesion(String finding, String laterality, double probability) {}

  /**
   * A Mammography CAD SR: root "Mammography CAD Report" (111036, DCM) > "Individual
   * Impression/Recommendation" (111034, DCM) > one "Single Image Finding" (111059, DCM) CODE item
   * per lesion, holding "Probability of cancer" (111047, DCM) and a Laterality.
   */
  public static AttributeList mammographyCad(SyntheticPatient patient, String algorithm, String seriesUid, String sopUid,
      List<Lesion> lesions) {
    AttributeList sr = header(patient, algorithm, MAMMOGRAPHY_CAD_SR, seriesUid, sopUid);
    container(sr, "111036", "DCM", "Mammography CAD Report");
    AttributeList impression = item(sr, "CONTAINER", "111034", "DCM", "Individual Impression/Recommendation");
    DataSet.set(impression, "ContinuityOfContent", "SEPARATE");
    for (Lesion lesion : lesions) {
      AttributeList finding = item(impression, "CODE", "111059", "DCM", "Single Image Finding");
      DataSet.code(finding, "ConceptCodeSequence", lesion.finding().equals("Mass") ? "F-01796" : "F-61769", "SRT", lesion.finding());
      number(finding, "111047", "DCM", "Probability of cancer", lesion.probability());
      AttributeList side = item(finding, "CODE", "272741003", "SCT", "Laterality");
      DataSet.code(side, "ConceptCodeSequence", lesion.laterality().equals("L") ? "7771000" : "24028007", "SCT",
          lesion.laterality().equals("L") ? "Left" : "Right");
    }
    return sr;
  }

  /** A located finding: what, its probability of cancer, and its region on one image (SCOORD, pixels). */
  public record LocatedFinding(String finding, double probability, String graphicType, double[] graphicData,
      String imageSopClassUid, String imageSopInstanceUid) {}

  /**
   * A TID 1500 Measurement Report: root "Imaging Measurement Report" (126000, DCM) > "Imaging
   * Measurements" (126010, DCM) > one "Measurement Group" (125007, DCM) per finding, holding a Finding
   * (121071, DCM) CODE, an "Image Region" (111030, DCM) SCOORD with a SELECTED FROM IMAGE item that names
   * the image, and "Probability of cancer" (111047, DCM).
   */
  public static AttributeList measurementReport(SyntheticPatient patient, String algorithm, String seriesUid, String sopUid,
      List<LocatedFinding> findings) {
    AttributeList sr = header(patient, algorithm, COMPREHENSIVE_SR, seriesUid, sopUid);
    container(sr, "126000", "DCM", "Imaging Measurement Report");
    AttributeList measurements = item(sr, "CONTAINER", "126010", "DCM", "Imaging Measurements");
    DataSet.set(measurements, "ContinuityOfContent", "SEPARATE");
    for (LocatedFinding f : findings) {
      AttributeList group = item(measurements, "CONTAINER", "125007", "DCM", "Measurement Group");
      DataSet.set(group, "ContinuityOfContent", "SEPARATE");
      AttributeList finding = item(group, "CODE", "121071", "DCM", "Finding");
      DataSet.code(finding, "ConceptCodeSequence", "4147007", "SCT", f.finding());
      AttributeList region = item(group, "SCOORD", "111030", "DCM", "Image Region");
      DataSet.set(region, "GraphicType", f.graphicType());
      DataSet.set(region, "GraphicData", java.util.Arrays.stream(f.graphicData())
          .mapToObj(v -> String.format(java.util.Locale.ROOT, "%.3f", v)).toArray(String[]::new));
      AttributeList image = DataSet.addItem(region, "ContentSequence");
      DataSet.set(image, "RelationshipType", "SELECTED FROM");
      DataSet.set(image, "ValueType", "IMAGE");
      AttributeList ref = DataSet.addItem(image, "ReferencedSOPSequence");
      DataSet.set(ref, "ReferencedSOPClassUID", f.imageSopClassUid());
      DataSet.set(ref, "ReferencedSOPInstanceUID", f.imageSopInstanceUid());
      number(group, "111047", "DCM", "Probability of cancer", f.probability());
    }
    return sr;
  }

  private static AttributeList header(SyntheticPatient patient, String algorithm, String sopClass, String seriesUid, String sopUid) {
    AttributeList sr = new AttributeList();
    DataSet.set(sr, "SOPClassUID", sopClass);
    DataSet.set(sr, "SOPInstanceUID", sopUid);
    DataSet.set(sr, "Modality", "SR");
    DataSet.set(sr, "SeriesInstanceUID", seriesUid);
    DataSet.set(sr, "SeriesNumber", "900");
    DataSet.set(sr, "InstanceNumber", "1");
    SyntheticDicom.patientAndStudy(sr, patient);
    DataSet.set(sr, "Manufacturer", "Synthetic AI Inc.");
    DataSet.set(sr, "ManufacturerModelName", algorithm);
    DataSet.set(sr, "CompletionFlag", "COMPLETE");
    DataSet.set(sr, "VerificationFlag", "UNVERIFIED");
    DataSet.set(sr, "ContentTime", "094500");
    return sr;
  }

  private static void container(AttributeList root, String value, String scheme, String meaning) {
    DataSet.set(root, "ValueType", "CONTAINER");
    DataSet.code(root, "ConceptNameCodeSequence", value, scheme, meaning);
    DataSet.set(root, "ContinuityOfContent", "SEPARATE");
  }

  private static AttributeList item(AttributeList parent, String valueType, String value, String scheme, String meaning) {
    AttributeList item = DataSet.addItem(parent, "ContentSequence");
    DataSet.set(item, "RelationshipType", "CONTAINS");
    DataSet.set(item, "ValueType", valueType);
    DataSet.code(item, "ConceptNameCodeSequence", value, scheme, meaning);
    return item;
  }

  private static void number(AttributeList parent, String value, String scheme, String meaning, double number) {
    AttributeList num = item(parent, "NUM", value, scheme, meaning);
    AttributeList measured = DataSet.addItem(num, "MeasuredValueSequence");
    DataSet.set(measured, "NumericValue", String.format(java.util.Locale.ROOT, "%.4f", number));
    DataSet.code(measured, "MeasurementUnitsCodeSequence", "1", "UCUM", "no units");
  }
}

package org.radtrial.dicom.deid;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.AttributeList;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.synth.SyntheticDevice;
import org.radtrial.dicom.synth.SyntheticDicom;
import org.radtrial.dicom.synth.SyntheticPatient;

/** PHI planted by SyntheticDicom, checked attribute by attribute after de-identification. */
class DeidentifySyntheticTest {
  private static final PseudonymKey KEY = PseudonymKey.of(new byte[32]);
  private static final SyntheticPatient PATIENT = new SyntheticPatient("PID42", "Doe^Jane", LocalDate.of(1960, 5, 17), "F",
      LocalDate.of(2023, 3, 1), "ACC42", "2.25.42");
  private static final SyntheticDevice DEVICE = new SyntheticDevice("Vendor A", "Alpha", "SN-1", "North Hospital");

  private static AttributeList deidentified(DeidOption... options) {
    AttributeList list = SyntheticDicom.mammogram(PATIENT, DEVICE, "2.25.43", "2.25.44", "L", "CC", 1);
    new Deidentifier(new DeidSettings(options.length == 0 ? EnumSet.noneOf(DeidOption.class) : EnumSet.of(options[0], options), KEY)).apply(list);
    return list;
  }

  // SoftwareVersions (0018,1020) is not in Table E.1-1 (2024b): it is kept, as the standard allows
  @ParameterizedTest
  @ValueSource(strings = {"PatientBirthDate", "PatientAddress", "PatientTelephoneNumbers", "OtherPatientIDs", "IssuerOfPatientID",
      "AccessionNumber", "StudyID", "ReferringPhysicianName", "PerformingPhysicianName", "OperatorsName", "InstitutionName",
      "InstitutionAddress", "StationName", "DeviceSerialNumber", "StudyDescription", "SeriesDescription", "StudyDate", "ContentDate",
      "AcquisitionDateTime", "PatientAge", "PatientSex", "PatientWeight", "PatientSize"})
  void theBasicProfileLeavesNoValue(String keyword) {
    String v = DataSet.value(deidentified(), keyword);
    assertThat(v.isEmpty() || DummyValues.ALL.contains(v)).as(keyword + " = '" + v + "'").isTrue();
  }

  @Test
  void identifiersInsideSequencesAndPrivateBlocksAreGone() {
    AttributeList list = deidentified();
    assertThat(list.get(DataSet.tag("RequestAttributesSequence"))).isNull();
    assertThat(list.get(new com.pixelmed.dicom.AttributeTag(0x0029, 0x1010))).isNull();
    assertThat(DeidChecker.check(list)).isEmpty();
  }

  @Test
  void patientIdAndNameBecomeTheKeyedPseudonym() {
    AttributeList list = deidentified();
    String pseudonym = KEY.patient("SYNTHETIC HOSPITAL|PID42");
    assertThat(DataSet.value(list, "PatientID")).isEqualTo(pseudonym).matches("RT[0-9A-F]{16}");
    assertThat(DataSet.value(list, "PatientName")).isEqualTo(pseudonym);
  }

  @Test
  void uidsAreReplacedTheSameWayEveryTime() {
    AttributeList a = deidentified();
    AttributeList b = deidentified(DeidOption.RETAIN_DEVICE_IDENTITY);
    assertThat(DataSet.value(a, "StudyInstanceUID")).isEqualTo(KEY.uid("2.25.42")).isEqualTo(DataSet.value(b, "StudyInstanceUID"));
    assertThat(DataSet.value(a, "SOPInstanceUID")).isEqualTo(KEY.uid("2.25.44"));
    assertThat(DataSet.value(a, "SOPClassUID")).isEqualTo(SyntheticDicom.MAMMOGRAPHY_FOR_PRESENTATION);
  }

  @Test
  void retainedCharacteristicsStay() {
    AttributeList list = deidentified(DeidOption.RETAIN_PATIENT_CHARACTERISTICS, DeidOption.RETAIN_DEVICE_IDENTITY);
    // age from the birth date 1960-05-17 to the study date 2023-03-01: 62 full years (PixelMed's DateUtilities)
    assertThat(DataSet.value(list, "PatientAge")).isEqualTo("062Y");
    assertThat(DataSet.value(list, "PatientSex")).isEqualTo("F");
    assertThat(DataSet.value(list, "PatientWeight")).isEqualTo("70");
    assertThat(DataSet.value(list, "DeviceSerialNumber")).isEqualTo("SN-1");
    assertThat(DataSet.value(list, "Manufacturer")).isEqualTo("Vendor A");
    assertThat(DataSet.value(list, "PatientBirthDate")).isEmpty();
    assertThat(DeidChecker.check(list)).isEmpty();
  }

  @Test
  void modifiedDatesMoveByThePatientsShift() {
    AttributeList list = deidentified(DeidOption.RETAIN_LONGITUDINAL_MODIFIED_DATES);
    int days = KEY.dateShiftDays("SYNTHETIC HOSPITAL|PID42");
    assertThat(DataSet.value(list, "StudyDate")).isEqualTo(LocalDate.of(2023, 3, 1).minusDays(days).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
    assertThat(DataSet.value(list, "StudyTime")).isEqualTo("093000");
    assertThat(DataSet.value(list, "LongitudinalTemporalInformationModified")).isEqualTo("MODIFIED");
  }

  @Test
  void theMethodIsRecordedWithDcmCodes() {
    AttributeList list = deidentified(DeidOption.RETAIN_PATIENT_CHARACTERISTICS);
    assertThat(DataSet.value(list, "PatientIdentityRemoved")).isEqualTo("YES");
    var codes = (com.pixelmed.dicom.SequenceAttribute) list.get(DataSet.tag("DeidentificationMethodCodeSequence"));
    List<String> values = new java.util.ArrayList<>();
    for (int i = 0; i < codes.getNumberOfItems(); i++) {
      values.add(DataSet.value(codes.getItem(i).getAttributeList(), "CodeValue"));
    }
    assertThat(values).containsExactly("113100", "113108");
  }

  @Test
  void checkDeidCatchesAValuePlantedDeepInASequence() {
    AttributeList list = deidentified();
    AttributeList item = DataSet.addItem(list, "ReferencedImageSequence");
    DataSet.set(DataSet.addItem(item, "ReferencedStudySequence"), "ReferencedSOPInstanceUID", "1.2.3.4");
    DataSet.set(item, "PatientAddress", "1 Real Street");
    assertThat(DeidChecker.check(list)).anySatisfy(f -> assertThat(f).startsWith("ReferencedImageSequence (0008,1140)[1] > ReferencedStudySequence"))
        .anySatisfy(f -> assertThat(f).contains("PatientAddress (0010,1040): still holds a value"));
  }

  @Test
  void anAttributeTheTableDoesNotListFollowsTheRuleForItsVr() {
    AttributeList list = SyntheticDicom.mammogram(PATIENT, DEVICE, "2.25.43", "2.25.44", "L", "CC", 1);
    DataSet.set(list, "ExpiryDate", "20230301"); // (0014,1020): not in Table E.1-1 (2024b)
    DataSet.set(list, "ExposureTime", "42"); // an acquisition parameter the audit may need
    var newer = new com.pixelmed.dicom.AttributeTag(0x0018, 0x9FF0); // not in PixelMed's dictionary: newer than it
    DataSet.set(list, newer, "Somewhere Hospital");
    new Deidentifier(new DeidSettings(EnumSet.noneOf(DeidOption.class), KEY)).apply(list);
    assertThat(BasicProfile.TABLE.rule(DataSet.tag("ExpiryDate"))).isEmpty();
    assertThat(DataSet.value(list, "ExpiryDate")).isEqualTo("19000101");
    assertThat(DataSet.value(list, "ExposureTime")).isEqualTo("42");
    assertThat(list.get(newer)).isNull();
    assertThat(DeidChecker.check(list)).isEmpty();
  }

  @Test
  void checkDeidHoldsAnUnlistedDateToTheSameRule() {
    AttributeList list = deidentified();
    DataSet.set(list, "ExpiryDate", "20230301");
    assertThat(DeidChecker.check(list)).containsExactly(
        "ExpiryDate (0014,1020): holds '20230301', not a dummy value (radtrial's rule for attributes the table does not list)");
  }

  @Test
  void srTextIsCleanedOfThePatientsNameUnderCleanStructuredContentAndRemovedWithoutIt() {
    AttributeList kept = withTextItem();
    new Deidentifier(new DeidSettings(EnumSet.of(DeidOption.CLEAN_STRUCTURED_CONTENT), KEY)).apply(kept);
    var content = (com.pixelmed.dicom.SequenceAttribute) kept.get(DataSet.tag("ContentSequence"));
    assertThat(DataSet.value(content.getItem(0).getAttributeList(), "TextValue")).isEqualTo("Discussed with REMOVED REMOVED on the phone");
    assertThat(DataSet.value(content.getItem(0).getAttributeList(), "ValueType")).isEqualTo("TEXT");
    AttributeList removed = withTextItem();
    new Deidentifier(new DeidSettings(EnumSet.noneOf(DeidOption.class), KEY)).apply(removed);
    // Content Sequence is D in Table E.1-1 (2024b): radtrial empties it
    assertThat(((com.pixelmed.dicom.SequenceAttribute) removed.get(DataSet.tag("ContentSequence"))).getNumberOfItems()).isZero();
  }

  private static AttributeList withTextItem() {
    AttributeList list = SyntheticDicom.mammogram(PATIENT, DEVICE, "2.25.43", "2.25.44", "L", "CC", 1);
    AttributeList item = DataSet.addItem(list, "ContentSequence");
    DataSet.set(item, "ValueType", "TEXT");
    DataSet.set(item, "TextValue", "Discussed with Jane Doe on the phone");
    return list;
  }
}

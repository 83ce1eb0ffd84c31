package org.radtrial.dicom.deid;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.ClinicalTrialsAttributes;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.scan.DicomValues;

/**
 * De-identifies one data set by the Basic Application Level Confidentiality Profile with the chosen
 * options, in two layers: PixelMed's ClinicalTrialsAttributes does what its author implemented of
 * PS3.15 (and derives PatientAge from the birth date when patient characteristics are kept), then
 * every row of the standard's Table E.1-1 ({@link BasicProfile}) is enforced at every depth, which also replaces UIDs,
 * PatientID and PatientName with keyed values, shifts dates per patient and removes private
 * attributes (all, or the unsafe ones). Finally the method is recorded in the data set.
 */
public final class Deidentifier {
  private static final String WELL_KNOWN_UID_ROOT = "1.2.840.10008.";
  /** VRs of free text (not codes: a CS such as an SR item's ValueType must not be touched). */
  private static final Set<String> FREE_TEXT = Set.of("LO", "LT", "SH", "ST", "UT", "UC");
  private final DeidSettings settings;

  public Deidentifier(DeidSettings settings) {
    this.settings = settings;
  }

  /** What the de-identification of one data set produced. */
  public record Outcome(String originalPatientId, String pseudonym, int dateShiftDays) {}

  public Outcome apply(AttributeList list) {
    String patientId = DataSet.value(list, TagFromName.PatientID);
    String issuer = DataSet.value(list, TagFromName.IssuerOfPatientID);
    String patientKey = patientId.isEmpty() ? "study:" + DataSet.value(list, TagFromName.StudyInstanceUID) : issuer + "|" + patientId;
    String pseudonym = settings.key().patient(patientKey);
    int shift = settings.has(DeidOption.RETAIN_LONGITUDINAL_MODIFIED_DATES) ? settings.key().dateShiftDays(patientKey) : 0;
    Set<String> identifiers = identifiers(list);
    deriveAge(list);
    if (shift > 0) {
      shiftDates(list, shift);
    }
    enforce(list, pseudonym, identifiers, false);
    record(list, shift > 0);
    return new Outcome(patientId, pseudonym, shift);
  }

  /**
   * Under Retain Patient Characteristics, a PatientAge derived from the birth date and the study's
   * date when the file has none (PixelMed's DateUtilities: whole years, months or weeks), before the
   * profile removes the birth date: "Patient's Age might be introduced as a replacement for Patient's
   * Birth Date" (PS3.15 E.1.1).
   */
  private void deriveAge(AttributeList list) {
    if (settings.has(DeidOption.RETAIN_PATIENT_CHARACTERISTICS) && DataSet.value(list, TagFromName.PatientAge).isEmpty()) {
      // PixelMed's DateUtilities formats with one static SimpleDateFormat and DecimalFormat, which are not thread-safe:
      // two files de-identified at once (the Spark job's tasks) got ages such as "2002Y". One at a time.
      synchronized (com.pixelmed.utils.DateUtilities.class) {
        ClinicalTrialsAttributes.addAgeDerivedFromBirthDateAndStudyRelatedDate(list);
      }
    }
  }

  /** Values that identify the patient or staff, to be cut out of descriptors that are cleaned. */
  private static Set<String> identifiers(AttributeList list) {
    Set<String> found = new LinkedHashSet<>();
    for (String keyword : List.of("PatientName", "OtherPatientNames", "ReferringPhysicianName", "PerformingPhysicianName",
        "OperatorsName", "NameOfPhysiciansReadingStudy", "PatientBirthName", "PatientMotherBirthName")) {
      for (String value : values(list, DataSet.tag(keyword))) {
        for (String part : value.split("[\\^= ,]+")) {
          if (part.length() >= 3) {
            found.add(part);
          }
        }
      }
    }
    for (String keyword : List.of("PatientID", "OtherPatientIDs", "AccessionNumber", "PatientBirthDate", "StudyID",
        "PatientAddress", "PatientTelephoneNumbers", "MedicalRecordLocator")) {
      for (String value : values(list, DataSet.tag(keyword))) {
        if (value.length() >= 3) {
          found.add(value);
        }
      }
    }
    return found;
  }

  private static List<String> values(AttributeList list, AttributeTag tag) {
    String[] v = Attribute.getStringValues(list, tag);
    return v == null ? List.of() : List.of(v);
  }

  /** Moves every DA and DT value (at any depth) back by the patient's number of days; times stay. */
  static void shiftDates(AttributeList list, int days) {
    for (Attribute a : new ArrayList<>(list.values())) {
      if (a instanceof SequenceAttribute s) {
        for (int i = 0; i < s.getNumberOfItems(); i++) {
          shiftDates(s.getItem(i).getAttributeList(), days);
        }
        continue;
      }
      String vr = a.getVRAsString();
      if (!vr.equals("DA") && !vr.equals("DT")) {
        continue;
      }
      String[] values = Attribute.getStringValues(a);
      if (values == null || values.length == 0) {
        continue;
      }
      String[] shifted = new String[values.length];
      for (int k = 0; k < values.length; k++) {
        String v = values[k].strip();
        LocalDate date = v.length() >= 8 ? DicomValues.date(v.substring(0, 8)).orElse(null) : null;
        // a value that is not a date cannot be shifted: it is replaced by the dummy date
        shifted[k] = date == null ? DummyValues.of(vr) : date.minusDays(days).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
            + v.substring(8);
      }
      replace(list, a.getTag(), shifted);
    }
  }

  /**
   * Applies the table to every attribute of the list and, through sequences, at every depth. Inside a
   * sequence being cleaned (C: Content Sequence under --clean-structured-content, code sequences under
   * --clean-descriptors) the free text of attributes the table does not list, such as an SR TEXT
   * item's TextValue, is cleaned too.
   */
  private void enforce(AttributeList list, String pseudonym, Set<String> identifiers, boolean cleaning) {
    for (Attribute a : new ArrayList<>(list.values())) {
      AttributeTag tag = a.getTag();
      Treatment t = BasicProfile.TABLE.treatment(a, settings.options());
      if (tag.isPrivate()) {
        // the table's private row: X, or C under Retain Safe Private (the safe ones kept as they are)
        if (t != Treatment.CLEAN || !ClinicalTrialsAttributes.isSafePrivateAttribute(tag, list)) {
          list.remove(tag);
        }
        continue;
      }
      if ((t == Treatment.EMPTY || t == Treatment.DUMMY) && (tag.equals(TagFromName.PatientID) || tag.equals(TagFromName.PatientName))) {
        replace(list, tag, pseudonym); // PatientID is Z/D, PatientName Z: the keyed pseudonym is the dummy
        continue;
      }
      if (t == Treatment.DUMMY && a.getVRAsString().equals("UI")) {
        t = Treatment.REPLACE_UID; // the dummy of a UID: its keyed replacement, consistent across files
      }
      switch (t) {
        case KEEP, REPLACE_UIDS_INSIDE -> {
          if (a instanceof SequenceAttribute s) {
            items(s, pseudonym, identifiers, cleaning);
          } else if (cleaning && BasicProfile.TABLE.rule(tag).isEmpty() && FREE_TEXT.contains(a.getVRAsString())) {
            clean(list, a, pseudonym, identifiers);
          }
        }
        case CLEAN -> clean(list, a, pseudonym, identifiers);
        case REMOVE -> list.remove(tag);
        case EMPTY -> {
          if (a instanceof SequenceAttribute) {
            list.put(new SequenceAttribute(tag));
          } else {
            replace(list, tag);
          }
        }
        case DUMMY -> list.put(DummyValues.dummy(a));
        case REPLACE_UID -> replaceUids(list, a);
      }
    }
  }

  private void items(SequenceAttribute s, String pseudonym, Set<String> identifiers, boolean cleaning) {
    for (int i = 0; i < s.getNumberOfItems(); i++) {
      enforce(s.getItem(i).getAttributeList(), pseudonym, identifiers, cleaning);
    }
  }

  private void clean(AttributeList list, Attribute a, String pseudonym, Set<String> identifiers) {
    if (a instanceof SequenceAttribute s) {
      items(s, pseudonym, identifiers, true);
      return;
    }
    String vr = a.getVRAsString();
    if (!Set.of("LO", "LT", "SH", "ST", "UT", "UC", "PN", "CS").contains(vr)) {
      return; // dates were shifted, numbers and codes say nothing of the patient
    }
    String[] values = Attribute.getStringValues(a);
    if (values == null) {
      return;
    }
    String[] cleaned = new String[values.length];
    for (int k = 0; k < values.length; k++) {
      String v = values[k];
      for (String id : identifiers) {
        v = v.replaceAll("(?i)" + java.util.regex.Pattern.quote(id), "REMOVED");
      }
      cleaned[k] = v;
    }
    replace(list, a.getTag(), cleaned);
  }

  private void replaceUids(AttributeList list, Attribute a) {
    String[] values = Attribute.getStringValues(a);
    if (values == null || values.length == 0) {
      return;
    }
    String[] replaced = new String[values.length];
    for (int k = 0; k < values.length; k++) {
      String v = values[k].strip();
      replaced[k] = v.isEmpty() || v.startsWith(WELL_KNOWN_UID_ROOT) ? v : settings.key().uid(v);
    }
    replace(list, a.getTag(), replaced);
  }

  private static void replace(AttributeList list, AttributeTag tag, String... values) {
    Attribute old = list.get(tag);
    DataSet.set(list, tag, values);
    Attribute now = list.get(tag);
    if (old != null && now != null && !old.getVRAsString().equals(now.getVRAsString()) && old.getVRAsString().length() == 2) {
      // keep the file's own VR (e.g. a UN or a private dictionary mismatch) by writing the same tag again
      list.remove(tag);
      try {
        Attribute again = com.pixelmed.dicom.AttributeFactory.newAttribute(tag, old.getVR());
        for (String v : values) {
          again.addValue(v);
        }
        list.put(again);
      } catch (DicomException e) {
        list.put(now);
      }
    }
  }

  /** PatientIdentityRemoved, DeidentificationMethod and its code sequence, LongitudinalTemporalInformationModified. */
  private void record(AttributeList list, boolean datesShifted) {
    DataSet.set(list, "PatientIdentityRemoved", "YES");
    List<String> method = new ArrayList<>(List.of("radtrial " + DeidOption.BASIC_PROFILE_MEANING));
    settings.options().stream().sorted().forEach(o -> method.add(o.meaning()));
    DataSet.set(list, "DeidentificationMethod", method.toArray(String[]::new));
    list.remove(DataSet.tag("DeidentificationMethodCodeSequence"));
    DataSet.code(list, "DeidentificationMethodCodeSequence", DeidOption.BASIC_PROFILE_CODE, "DCM", DeidOption.BASIC_PROFILE_MEANING);
    settings.options().stream().sorted().forEach(o -> DataSet.code(list, "DeidentificationMethodCodeSequence", o.code(), "DCM", o.meaning()));
    DataSet.set(list, "LongitudinalTemporalInformationModified", datesShifted ? "MODIFIED" : "REMOVED");
    list.remove(TagFromName.DataSetTrailingPadding);
  }
}

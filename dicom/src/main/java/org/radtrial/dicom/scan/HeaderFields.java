package org.radtrial.dicom.scan;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads the instance table's cells from a header; a bad value becomes an empty cell and a warning. */
final class HeaderFields {
  private final AttributeList list;
  private final List<String> warnings;
  private final String[] cells = new String[InstanceColumn.values().length];

  private HeaderFields(AttributeList list, List<String> warnings) {
    this.list = list;
    this.warnings = warnings;
  }

  /**
   * The row of a readable header.
   *
   * @param file path relative to the scanned folder
   * @param bytes the file's size
   * @param siteMap institution name to site code; empty to use the name itself
   * @param warnings receives one sentence per bad value
   */
  static InstanceRow read(AttributeList list, String file, long bytes, Map<String, String> siteMap, List<String> warnings) {
    HeaderFields h = new HeaderFields(list, warnings);
    h.fill(file, bytes, siteMap);
    return InstanceRow.of(h.cells);
  }

  private void fill(String file, long bytes, Map<String, String> siteMap) {
    set(InstanceColumn.FILE, file);
    text(InstanceColumn.STUDY_INSTANCE_UID, TagFromName.StudyInstanceUID);
    text(InstanceColumn.SERIES_INSTANCE_UID, TagFromName.SeriesInstanceUID);
    text(InstanceColumn.SOP_INSTANCE_UID, TagFromName.SOPInstanceUID);
    text(InstanceColumn.SOP_CLASS_UID, TagFromName.SOPClassUID);
    text(InstanceColumn.ACCESSION_NUMBER, TagFromName.AccessionNumber);
    text(InstanceColumn.MODALITY, TagFromName.Modality);
    text(InstanceColumn.MANUFACTURER, TagFromName.Manufacturer);
    text(InstanceColumn.MANUFACTURER_MODEL_NAME, TagFromName.ManufacturerModelName);
    set(InstanceColumn.DEVICE_SERIAL_NUMBER_PRESENT, Boolean.toString(!value(TagFromName.DeviceSerialNumber).isEmpty()));
    String institution = value(TagFromName.InstitutionName);
    set(InstanceColumn.INSTITUTION_NAME, institution);
    set(InstanceColumn.SITE, siteMap.isEmpty() || institution.isEmpty() ? institution : siteMap.getOrDefault(institution, ""));
    text(InstanceColumn.BODY_PART_EXAMINED, TagFromName.BodyPartExamined);
    text(InstanceColumn.VIEW_POSITION, TagFromName.ViewPosition);
    String laterality = value(TagFromName.ImageLaterality);
    set(InstanceColumn.IMAGE_LATERALITY, laterality.isEmpty() ? value(TagFromName.Laterality) : laterality);
    text(InstanceColumn.PATIENT_SEX, TagFromName.PatientSex);
    age();
    date(InstanceColumn.STUDY_DATE, TagFromName.StudyDate);
    text(InstanceColumn.TRANSFER_SYNTAX_UID, TagFromName.TransferSyntaxUID);
    integer(InstanceColumn.ROWS, TagFromName.Rows);
    integer(InstanceColumn.COLUMNS, TagFromName.Columns);
    frames();
    decimal(InstanceColumn.KVP, Tags.KVP);
    exposure();
    decimal(InstanceColumn.SLICE_THICKNESS, TagFromName.SliceThickness);
    decimal(InstanceColumn.MAGNETIC_FIELD_STRENGTH, Tags.MAGNETIC_FIELD_STRENGTH);
    radiopharmaceutical();
    text(InstanceColumn.BURNED_IN_ANNOTATION, TagFromName.BurnedInAnnotation);
    set(InstanceColumn.FILE_BYTES, Long.toString(bytes));
  }

  private void set(InstanceColumn column, String value) {
    cells[column.ordinal()] = value;
  }

  private String value(AttributeTag tag) {
    return value(list, tag);
  }

  static String value(AttributeList list, AttributeTag tag) {
    return Attribute.getSingleStringValueOrEmptyString(list, tag).strip();
  }

  private void text(InstanceColumn column, AttributeTag tag) {
    set(column, value(tag));
  }

  private static String name(AttributeTag tag) {
    String keyword = AttributeList.getDictionary().getNameFromTag(tag);
    return String.format(Locale.ROOT, "%s (%04X,%04X)", keyword == null ? "?" : keyword, tag.getGroup(), tag.getElement());
  }

  private <T> Optional<T> parsed(AttributeTag tag, String vr, Function<String, Optional<T>> parser) {
    String raw = value(tag);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    Optional<T> v = parser.apply(raw);
    if (v.isEmpty()) {
      warnings.add(name(tag) + " is '" + raw + "', not a valid " + vr + "; its cell is left empty");
    }
    return v;
  }

  private void integer(InstanceColumn column, AttributeTag tag) {
    set(column, parsed(tag, "number", DicomValues::integerString).map(String::valueOf).orElse(""));
  }

  private void decimal(InstanceColumn column, AttributeTag tag) {
    set(column, parsed(tag, "decimal string (DS)", DicomValues::decimalString).map(DicomValues::cell).orElse(""));
  }

  private void date(InstanceColumn column, AttributeTag tag) {
    set(column, parsed(tag, "date (DA, YYYYMMDD)", DicomValues::date).map(LocalDate::toString).orElse(""));
  }

  private void frames() {
    Optional<Long> frames = parsed(TagFromName.NumberOfFrames, "integer string (IS)", DicomValues::integerString);
    if (frames.isPresent()) {
      set(InstanceColumn.FRAMES, frames.get().toString());
    } else if (value(TagFromName.NumberOfFrames).isEmpty() && !value(TagFromName.Rows).isEmpty()) {
      set(InstanceColumn.FRAMES, "1");
    } else {
      set(InstanceColumn.FRAMES, "");
    }
  }

  private void exposure() {
    Optional<Long> mas = parsed(Tags.EXPOSURE, "integer string (IS)", DicomValues::integerString);
    if (mas.isPresent()) {
      set(InstanceColumn.EXPOSURE_MAS, mas.get().toString());
      return;
    }
    Optional<Long> uas = parsed(Tags.EXPOSURE_IN_UAS, "integer string (IS)", DicomValues::integerString);
    set(InstanceColumn.EXPOSURE_MAS, uas.map(u -> DicomValues.cell(u / 1000.0)).orElse(""));
  }

  private void age() {
    Optional<Double> stated = parsed(TagFromName.PatientAge, "age string (AS, e.g. 045Y)", DicomValues::ageInYears);
    if (stated.isPresent()) {
      set(InstanceColumn.PATIENT_AGE, DicomValues.cell(Math.round(stated.get() * 1000) / 1000.0));
      set(InstanceColumn.PATIENT_AGE_SOURCE, "PatientAge");
      return;
    }
    Optional<LocalDate> birth = parsed(TagFromName.PatientBirthDate, "date (DA, YYYYMMDD)", DicomValues::date);
    Optional<LocalDate> on = studyRelatedDate();
    Optional<Integer> years = birth.isPresent() && on.isPresent() ? DicomValues.fullYears(birth.get(), on.get()) : Optional.empty();
    if (birth.isPresent() && on.isPresent() && years.isEmpty()) {
      warnings.add("PatientBirthDate (0010,0030) is after the study date; patient_age is left empty");
    }
    set(InstanceColumn.PATIENT_AGE, years.map(String::valueOf).orElse(""));
    set(InstanceColumn.PATIENT_AGE_SOURCE, years.isPresent() ? "PatientBirthDate" : "");
  }

  /** StudyDate, else SeriesDate, AcquisitionDate or ContentDate (PixelMed's order for deriving an age). */
  private Optional<LocalDate> studyRelatedDate() {
    for (AttributeTag tag : List.of(TagFromName.StudyDate, TagFromName.SeriesDate, TagFromName.AcquisitionDate, TagFromName.ContentDate)) {
      Optional<LocalDate> d = DicomValues.date(value(tag));
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private void radiopharmaceutical() {
    String modality = value(TagFromName.Modality);
    String agent = "";
    if (modality.equals("NM") || modality.equals("PT")) {
      Attribute a = list.get(TagFromName.RadiopharmaceuticalInformationSequence);
      if (a instanceof SequenceAttribute s && s.getNumberOfItems() > 0) {
        AttributeList item = s.getItem(0).getAttributeList();
        agent = value(item, Tags.RADIOPHARMACEUTICAL);
        if (agent.isEmpty()) {
          agent = codeMeaning(item, Tags.RADIOPHARMACEUTICAL_CODE_SEQUENCE);
        }
      }
    }
    set(InstanceColumn.RADIOPHARMACEUTICAL, agent);
  }

  private static String codeMeaning(AttributeList item, AttributeTag sequence) {
    Attribute a = item.get(sequence);
    if (a instanceof SequenceAttribute s && s.getNumberOfItems() > 0) {
      return value(s.getItem(0).getAttributeList(), TagFromName.CodeMeaning);
    }
    return "";
  }
}

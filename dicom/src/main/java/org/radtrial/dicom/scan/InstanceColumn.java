package org.radtrial.dicom.scan;

import org.radtrial.dicom.table.Column;
import org.radtrial.dicom.table.ColumnType;

/** The columns of the instance table, one row per DICOM file, in order. */
public enum InstanceColumn {
  FILE(ColumnType.TEXT, "path relative to the scanned folder"),
  STUDY_INSTANCE_UID(ColumnType.TEXT, "StudyInstanceUID (0020,000D)"),
  SERIES_INSTANCE_UID(ColumnType.TEXT, "SeriesInstanceUID (0020,000E)"),
  SOP_INSTANCE_UID(ColumnType.TEXT, "SOPInstanceUID (0008,0018)"),
  SOP_CLASS_UID(ColumnType.TEXT, "SOPClassUID (0008,0016)"),
  ACCESSION_NUMBER(ColumnType.TEXT, "AccessionNumber (0008,0050)"),
  MODALITY(ColumnType.TEXT, "Modality (0008,0060)"),
  MANUFACTURER(ColumnType.TEXT, "Manufacturer (0008,0070)"),
  MANUFACTURER_MODEL_NAME(ColumnType.TEXT, "ManufacturerModelName (0008,1090)"),
  DEVICE_SERIAL_NUMBER_PRESENT(ColumnType.BOOLEAN, "whether DeviceSerialNumber (0018,1000) has a value (the number itself is not copied)"),
  INSTITUTION_NAME(ColumnType.TEXT, "InstitutionName (0008,0080)"),
  SITE(ColumnType.TEXT, "site code from --site-map, else the institution name"),
  BODY_PART_EXAMINED(ColumnType.TEXT, "BodyPartExamined (0018,0015)"),
  VIEW_POSITION(ColumnType.TEXT, "ViewPosition (0018,5101)"),
  IMAGE_LATERALITY(ColumnType.TEXT, "ImageLaterality (0020,0062), else Laterality (0020,0060)"),
  PATIENT_SEX(ColumnType.TEXT, "PatientSex (0010,0040)"),
  PATIENT_AGE(ColumnType.DECIMAL, "age in years: PatientAge (0010,1010), else whole years from PatientBirthDate to the study date"),
  PATIENT_AGE_SOURCE(ColumnType.TEXT, "PatientAge or PatientBirthDate: where patient_age came from"),
  STUDY_DATE(ColumnType.TEXT, "StudyDate (0008,0020) as YYYY-MM-DD"),
  TRANSFER_SYNTAX_UID(ColumnType.TEXT, "TransferSyntaxUID (0002,0010) of the file"),
  ROWS(ColumnType.INTEGER, "Rows (0028,0010)"),
  COLUMNS(ColumnType.INTEGER, "Columns (0028,0011)"),
  FRAMES(ColumnType.INTEGER, "NumberOfFrames (0028,0008); 1 for an image without it"),
  KVP(ColumnType.DECIMAL, "KVP (0018,0060)"),
  EXPOSURE_MAS(ColumnType.DECIMAL, "Exposure (0018,1152) in mAs, else ExposureInuAs (0018,1153) / 1000"),
  SLICE_THICKNESS(ColumnType.DECIMAL, "SliceThickness (0018,0050) in mm"),
  MAGNETIC_FIELD_STRENGTH(ColumnType.DECIMAL, "MagneticFieldStrength (0018,0087) in T"),
  RADIOPHARMACEUTICAL(ColumnType.TEXT, "NM/PT: Radiopharmaceutical (0018,0031) of the first RadiopharmaceuticalInformationSequence item"),
  BURNED_IN_ANNOTATION(ColumnType.TEXT, "BurnedInAnnotation (0028,0301)"),
  FILE_BYTES(ColumnType.INTEGER, "file size in bytes");

  private final ColumnType type;
  private final String meaning;

  InstanceColumn(ColumnType type, String meaning) {
    this.type = type;
    this.meaning = meaning;
  }

  public String columnName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public Column column() {
    return new Column(columnName(), type);
  }

  /** Where the value comes from, for documentation and --help. */
  public String meaning() {
    return meaning;
  }
}

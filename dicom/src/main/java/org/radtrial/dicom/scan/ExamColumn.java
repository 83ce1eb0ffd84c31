package org.radtrial.dicom.scan;

import java.util.Locale;
import org.radtrial.dicom.table.Column;
import org.radtrial.dicom.table.ColumnType;

/**
 * The columns of the exam table, one row per study. Descriptive columns summarise the study's
 * image instances (those with Rows, other than segmentations); a study with no image instance is
 * summarised from all its instances. Several different values are joined with '|' in sorted order,
 * so that a mixed study shows as such instead of hiding behind one of its values.
 */
public enum ExamColumn {
  STUDY_INSTANCE_UID(ColumnType.TEXT, null, Rule.KEY),
  ACCESSION_NUMBER(ColumnType.TEXT, InstanceColumn.ACCESSION_NUMBER, Rule.DISTINCT),
  STUDY_DATE(ColumnType.TEXT, InstanceColumn.STUDY_DATE, Rule.DISTINCT),
  PATIENT_SEX(ColumnType.TEXT, InstanceColumn.PATIENT_SEX, Rule.DISTINCT),
  PATIENT_AGE(ColumnType.DECIMAL, InstanceColumn.PATIENT_AGE, Rule.MOST_COMMON),
  MODALITY(ColumnType.TEXT, InstanceColumn.MODALITY, Rule.DISTINCT),
  MANUFACTURER(ColumnType.TEXT, InstanceColumn.MANUFACTURER, Rule.DISTINCT),
  MANUFACTURER_MODEL_NAME(ColumnType.TEXT, InstanceColumn.MANUFACTURER_MODEL_NAME, Rule.DISTINCT),
  INSTITUTION_NAME(ColumnType.TEXT, InstanceColumn.INSTITUTION_NAME, Rule.DISTINCT),
  SITE(ColumnType.TEXT, InstanceColumn.SITE, Rule.DISTINCT),
  BODY_PART_EXAMINED(ColumnType.TEXT, InstanceColumn.BODY_PART_EXAMINED, Rule.DISTINCT),
  VIEW_POSITION(ColumnType.TEXT, InstanceColumn.VIEW_POSITION, Rule.DISTINCT),
  IMAGE_LATERALITY(ColumnType.TEXT, InstanceColumn.IMAGE_LATERALITY, Rule.DISTINCT),
  KVP(ColumnType.DECIMAL, InstanceColumn.KVP, Rule.MOST_COMMON),
  SLICE_THICKNESS(ColumnType.DECIMAL, InstanceColumn.SLICE_THICKNESS, Rule.MOST_COMMON),
  MAGNETIC_FIELD_STRENGTH(ColumnType.DECIMAL, InstanceColumn.MAGNETIC_FIELD_STRENGTH, Rule.MOST_COMMON),
  RADIOPHARMACEUTICAL(ColumnType.TEXT, InstanceColumn.RADIOPHARMACEUTICAL, Rule.DISTINCT),
  SERIES(ColumnType.INTEGER, InstanceColumn.SERIES_INSTANCE_UID, Rule.COUNT_DISTINCT_ALL),
  INSTANCES(ColumnType.INTEGER, InstanceColumn.SOP_INSTANCE_UID, Rule.COUNT_DISTINCT_ALL),
  FRAMES(ColumnType.INTEGER, InstanceColumn.FRAMES, Rule.SUM_ALL);

  /** How the instances' values become the exam's. */
  enum Rule {
    KEY,
    /** distinct non-empty values of the image instances, sorted, joined with '|' */
    DISTINCT,
    /** the most common non-empty value of the image instances (ties: the smallest number) */
    MOST_COMMON,
    /** distinct values over all instances */
    COUNT_DISTINCT_ALL,
    /** sum over all instances, one per distinct SOPInstanceUID */
    SUM_ALL
  }

  private final ColumnType type;
  private final InstanceColumn source;
  private final Rule rule;

  ExamColumn(ColumnType type, InstanceColumn source, Rule rule) {
    this.type = type;
    this.source = source;
    this.rule = rule;
  }

  public String columnName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Column column() {
    return new Column(columnName(), type);
  }

  InstanceColumn source() {
    return source;
  }

  Rule rule() {
    return rule;
  }
}

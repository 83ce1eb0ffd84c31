package org.radtrial.dicom.deid;

import java.util.Optional;

/** The PS3.15 Annex E options radtrial offers, with their column in ps3.15-table-E.1-1.json and their code in CID 7050. */
public enum DeidOption {
  RETAIN_PATIENT_CHARACTERISTICS("rtnPatCharsOpt", "113108", "Retain Patient Characteristics Option"),
  RETAIN_DEVICE_IDENTITY("rtnDevIdOpt", "113109", "Retain Device Identity Option"),
  RETAIN_LONGITUDINAL_MODIFIED_DATES("rtnLongModifDatesOpt", "113107", "Retain Longitudinal Temporal Information Modified Dates Option"),
  CLEAN_DESCRIPTORS("cleanDescOpt", "113105", "Clean Descriptors Option"),
  RETAIN_SAFE_PRIVATE("rtnSafePrivOpt", "113111", "Retain Safe Private Option"),
  CLEAN_STRUCTURED_CONTENT("cleanStructContOpt", "113104", "Clean Structured Content Option");

  /** (113100, DCM, "Basic Application Confidentiality Profile"). */
  public static final String BASIC_PROFILE_CODE = "113100";
  public static final String BASIC_PROFILE_MEANING = "Basic Application Confidentiality Profile";

  private final String column;
  private final String code;
  private final String meaning;

  DeidOption(String column, String code, String meaning) {
    this.column = column;
    this.code = code;
    this.meaning = meaning;
  }

  String column() {
    return column;
  }

  /** Its code value in DCM (CID 7050 De-identification Method). */
  public String code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  static Optional<DeidOption> ofColumn(String column) {
    for (DeidOption o : values()) {
      if (o.column.equals(column)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  public static Optional<DeidOption> ofCode(String code) {
    for (DeidOption o : values()) {
      if (o.code.equals(code)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}

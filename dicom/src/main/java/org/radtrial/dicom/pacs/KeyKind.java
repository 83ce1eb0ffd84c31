package org.radtrial.dicom.pacs;

/** What the case table's key column holds, and so which attribute the archive is queried by. */
public enum KeyKind {
  ACCESSION("AccessionNumber"),
  STUDY_UID("StudyInstanceUID");

  private final String keyword;

  KeyKind(String keyword) {
    this.keyword = keyword;
  }

  /** The DICOM keyword, as QIDO-RS takes it. */
  String keyword() {
    return keyword;
  }

  /**
   * Refuses a value the archive would read as a pattern rather than a value (wildcards, the
   * backslash of multiple values), so that one exam cannot match many by accident.
   */
  String check(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("an empty " + keyword);
    }
    if (value.chars().anyMatch(c -> c == '*' || c == '?' || c == '\\' || c < 0x20)) {
      throw new IllegalArgumentException(keyword + " '" + value + "' holds a wildcard (* or ?), a backslash or a control character,"
          + " which the archive would read as a pattern: correct the case table");
    }
    if (this == STUDY_UID && !Uids.valid(value)) {
      throw new IllegalArgumentException("'" + value + "' is not a UID (digits and dots, at most 64 characters)");
    }
    return value;
  }
}

package org.radtrial.dicom.deid;

/** What happens to an attribute, once the Basic Profile's action and the options are combined. */
enum Treatment {
  /** K: kept as it is. */
  KEEP,
  /** C: kept, cleaned (descriptors of identifying text, dates shifted). */
  CLEAN,
  /** X: removed. */
  REMOVE,
  /** Z: zero length (PatientID and PatientName: the keyed pseudonym). */
  EMPTY,
  /** D and its composites: a dummy value; a sequence is emptied. */
  DUMMY,
  /** U: the keyed replacement UID. */
  REPLACE_UID,
  /** X/Z/U*: the sequence is kept, the UIDs in it replaced. */
  REPLACE_UIDS_INSIDE;

  static Treatment ofBasic(String action) {
    return switch (action) {
      case "X" -> REMOVE;
      case "Z", "X/Z" -> EMPTY;
      case "D", "X/D", "Z/D", "X/Z/D" -> DUMMY;
      case "U" -> REPLACE_UID;
      case "X/Z/U*" -> REPLACE_UIDS_INSIDE;
      default -> throw new IllegalArgumentException("unknown Basic Profile action " + action);
    };
  }

  static Treatment ofOption(String action) {
    return switch (action) {
      case "K" -> KEEP;
      case "C" -> CLEAN;
      default -> throw new IllegalArgumentException("unknown option action " + action);
    };
  }
}

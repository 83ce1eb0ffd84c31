package org.radtrial.dicom.deid;

import java.util.List;
import java.util.Optional;

/**
 * What happens to an attribute, once the Basic Profile's action and the options are combined. The
 * composite actions (X/Z, X/D, Z/D, X/Z/D) depend on the attribute's Type in the IOD, which radtrial
 * does not look up: it takes the last, which conforms whatever the Type (a removal of a Type 1 or 2
 * attribute would not), and gives no more information than the first.
 */
enum Treatment {
  /** K: kept as it is (a sequence's items are walked). */
  KEEP,
  /** C: kept, cleaned (identifying text cut out of descriptors, dates shifted, a sequence's items walked). */
  CLEAN,
  /** X: removed. */
  REMOVE,
  /** Z and X/Z: zero length (PatientID and PatientName: the keyed pseudonym); a sequence is emptied. */
  EMPTY,
  /** D, X/D, Z/D, X/Z/D: a dummy value of the VR; a sequence is emptied. */
  DUMMY,
  /** U: the keyed replacement UID. */
  REPLACE_UID,
  /** X/Z/U*: the sequence is kept, the UIDs in it replaced (its items are walked). */
  REPLACE_UIDS_INSIDE;

  static final List<String> BASIC_ACTIONS = List.of("X", "Z", "X/Z", "D", "X/D", "Z/D", "X/Z/D", "U", "X/Z/U*");

  static Optional<Treatment> ofBasic(String action) {
    return Optional.ofNullable(switch (action) {
      case "X" -> REMOVE;
      case "Z", "X/Z" -> EMPTY;
      case "D", "X/D", "Z/D", "X/Z/D" -> DUMMY;
      case "U" -> REPLACE_UID;
      case "X/Z/U*" -> REPLACE_UIDS_INSIDE;
      default -> null;
    });
  }

  static Optional<Treatment> ofOption(String action) {
    return Optional.ofNullable(switch (action) {
      case "K" -> KEEP;
      case "C" -> CLEAN;
      default -> null;
    });
  }
}

package org.radtrial.dicom.deid;

import java.util.Set;

/** The dummy value radtrial writes for a D action, per VR; empty where no dummy makes sense. */
final class DummyValues {
  static final String TEXT = "ANONYMIZED";
  static final Set<String> ALL = Set.of(TEXT, "19000101", "19000101000000", "000000", "0", "000Y");

  private DummyValues() {}

  static String of(String vr) {
    return switch (vr) {
      case "DA" -> "19000101";
      case "DT" -> "19000101000000";
      case "TM" -> "000000";
      case "DS", "IS" -> "0";
      case "AS" -> "000Y";
      case "AE", "CS", "LO", "LT", "PN", "SH", "ST", "UC", "UT" -> TEXT;
      default -> "";
    };
  }
}

package org.radtrial.dicom.deid;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.UnknownAttribute;
import java.util.Set;

/**
 * The dummy value radtrial writes for a D action (PS3.15: "a non-zero length value that may be a
 * dummy value and consistent with the VR"), per VR: text, a date, a time, a zero; two zero bytes for
 * binary VRs and UN. A sequence is emptied (zero items) rather than given an invented item.
 */
final class DummyValues {
  static final String TEXT = "ANONYMIZED";
  static final Set<String> ALL = Set.of(TEXT, "19000101", "19000101000000", "000000", "0", "0.0", "000Y");
  static final Set<String> BINARY = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "UN");

  private DummyValues() {}

  static String of(String vr) {
    return switch (vr) {
      case "DA" -> "19000101";
      case "DT" -> "19000101000000";
      case "TM" -> "000000";
      case "DS", "IS", "US", "SS", "UL", "SL", "UV", "SV", "FL", "FD", "AT" -> "0";
      case "AS" -> "000Y";
      case "AE", "CS", "LO", "LT", "PN", "SH", "ST", "UC", "UT", "UR" -> TEXT;
      default -> "";
    };
  }

  /** A new attribute with the tag and VR of the given one, holding the dummy value. */
  static Attribute dummy(Attribute a) {
    if (a instanceof SequenceAttribute) {
      return new SequenceAttribute(a.getTag());
    }
    String vr = a.getVRAsString();
    try {
      Attribute d = a instanceof UnknownAttribute ? new UnknownAttribute(a.getTag()) : AttributeFactory.newAttribute(a.getTag(), a.getVR());
      if (BINARY.contains(vr) || d instanceof UnknownAttribute) {
        d.setValues(new byte[2]);
      } else if (!of(vr).isEmpty()) {
        d.addValue(of(vr));
      }
      return d;
    } catch (DicomException e) {
      throw new IllegalStateException("cannot write a dummy " + vr + " value for " + a.getTag() + ": " + e.getMessage(), e);
    }
  }

  /** Whether an attribute holds only a dummy value of {@link #dummy}. */
  static boolean isDummy(Attribute a, java.util.List<String> values) {
    if (BINARY.contains(a.getVRAsString()) || a instanceof UnknownAttribute) {
      try {
        byte[] b = a.getByteValues();
        return b == null || new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).chars().allMatch(c -> c == 0);
      } catch (DicomException e) {
        return false;
      }
    }
    return values.stream().allMatch(ALL::contains);
  }
}

package org.radtrial.dicom.deid;

import com.pixelmed.dicom.AttributeList;
import java.util.Optional;
import java.util.Set;
import org.radtrial.dicom.DataSet;

/**
 * Whether an image may carry burned-in identifying text: BurnedInAnnotation YES, or (unless it says
 * NO) a modality or SOP class known for it: ultrasound, secondary capture, endoscopy and other
 * visible-light photographs, and scanned documents.
 */
final class BurnedInText {
  private static final Set<String> MODALITIES = Set.of("US", "OT", "XC", "ES", "GM", "SM", "DOC");
  private static final String SECONDARY_CAPTURE_PREFIX = "1.2.840.10008.5.1.4.1.1.7";
  private static final String VISIBLE_LIGHT_PREFIX = "1.2.840.10008.5.1.4.1.1.77.";

  private BurnedInText() {}

  /** The reason to review the image, or empty. */
  static Optional<String> reason(AttributeList list) {
    if (DataSet.value(list, "PixelData").isEmpty() && list.get(DataSet.tag("PixelData")) == null) {
      return Optional.empty();
    }
    String flag = DataSet.value(list, "BurnedInAnnotation");
    if (flag.equals("YES")) {
      return Optional.of("BurnedInAnnotation is YES");
    }
    if (flag.equals("NO")) {
      return Optional.empty();
    }
    String modality = DataSet.value(list, "Modality");
    if (MODALITIES.contains(modality)) {
      return Optional.of("modality " + modality + " often carries burned-in text");
    }
    String sopClass = DataSet.value(list, "SOPClassUID");
    if (sopClass.startsWith(SECONDARY_CAPTURE_PREFIX) || sopClass.startsWith(VISIBLE_LIGHT_PREFIX)) {
      return Optional.of("SOP class " + sopClass + " (secondary capture or photograph) often carries burned-in text");
    }
    return Optional.empty();
  }
}

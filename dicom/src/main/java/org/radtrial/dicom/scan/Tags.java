package org.radtrial.dicom.scan;

import com.pixelmed.dicom.AttributeTag;

/** Tags that PixelMed's TagFromName does not name. */
final class Tags {
  static final AttributeTag KVP = new AttributeTag(0x0018, 0x0060);
  static final AttributeTag MAGNETIC_FIELD_STRENGTH = new AttributeTag(0x0018, 0x0087);
  static final AttributeTag EXPOSURE = new AttributeTag(0x0018, 0x1152);
  static final AttributeTag EXPOSURE_IN_UAS = new AttributeTag(0x0018, 0x1153);
  static final AttributeTag RADIOPHARMACEUTICAL = new AttributeTag(0x0018, 0x0031);
  static final AttributeTag RADIOPHARMACEUTICAL_CODE_SEQUENCE = new AttributeTag(0x0054, 0x0304);

  private Tags() {}
}

package org.radtrial.dicom.scan;

/** How a problem with a file affects the scan. */
public enum Severity {
  /** The file yields no row: it cannot be read as a DICOM instance. */
  ERROR,
  /** The file yields a row, but a value was bad or missing and its cell is empty. */
  WARNING,
  /** A valid DICOM file that is not an image or document instance (a DICOMDIR): no row, by design. */
  SKIPPED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

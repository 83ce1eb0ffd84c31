package org.radtrial.dicom;

/** A file that cannot be read or written as DICOM; the message names the file and what is wrong. */
public final class DicomFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DicomFileException(String message) {
    super(message);
  }

  public DicomFileException(String message, Throwable cause) {
    super(message, cause);
  }
}

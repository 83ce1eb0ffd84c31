package org.radtrial.io.image;

/**
 * An image file (NIfTI, DICOM series, SEG) that cannot be read or written as asked. The message is
 * one line that starts with the path and says what is wrong, fit to show a user as it is ("x.nii.gz:
 * datatype 1024 (int64) is not supported ..."). It is an {@link IllegalArgumentException}, so the
 * command line reports it as bad input (exit code 2) without a stack trace.
 */
public class ImageFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ImageFileException(String message) {
    super(message);
  }

  public ImageFileException(String message, Throwable cause) {
    super(message, cause);
  }
}

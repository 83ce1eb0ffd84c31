package org.radtrial.dicom.pacs;

/**
 * The archive could not be used: unreachable, refused the credentials or a request, or answered
 * something radtrial cannot read. The message is one line naming the archive and what would fix it,
 * and never holds a credential.
 */
public final class PacsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PacsException(String message) {
    super(message);
  }

  public PacsException(String message, Throwable cause) {
    super(message, cause);
  }
}

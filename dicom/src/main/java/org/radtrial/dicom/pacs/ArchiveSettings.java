package org.radtrial.dicom.pacs;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to reach an archive: its address; for DICOMweb the credentials (or none); for DIMSE our own
 * (calling) AE title, whether to retrieve by C-GET or C-MOVE and, for C-MOVE, the port on which
 * radtrial receives; and the deadline of every request.
 */
public record ArchiveSettings(ArchiveAddress address, @Nullable Credentials credentials, String callingAe, DimseRetrieve retrieve,
    int movePort, Duration timeout) {
  /** C-GET brings the files back on the same association; C-MOVE asks the archive to send them to our AE title and port. */
  public enum DimseRetrieve {
    GET,
    MOVE
  }

  public ArchiveSettings {
    AeTitles.check(callingAe, "--calling-ae");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("--timeout must be positive, not " + timeout.toSeconds() + " s");
    }
    if (retrieve == DimseRetrieve.MOVE && (movePort < 1 || movePort > 65535)) {
      throw new IllegalArgumentException("C-MOVE needs --move-port, the port (1-65535) on which radtrial receives the files the archive sends");
    }
    if (credentials != null && address instanceof ArchiveAddress.Dimse) {
      throw new IllegalArgumentException("credentials are for DICOMweb; a DIMSE archive (" + address
          + ") identifies radtrial by its calling AE title and address only");
    }
  }

  /** Settings for a DICOMweb archive. */
  public static ArchiveSettings web(ArchiveAddress.Web address, @Nullable Credentials credentials, Duration timeout) {
    return new ArchiveSettings(address, credentials, "RADTRIAL", DimseRetrieve.GET, 0, timeout);
  }

  Archive open() {
    if (address instanceof ArchiveAddress.Web web) {
      return new DicomWebArchive(web, credentials, timeout);
    }
    return new DimseArchive((ArchiveAddress.Dimse) address, this);
  }
}

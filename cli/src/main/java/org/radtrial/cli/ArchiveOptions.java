package org.radtrial.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.radtrial.dicom.pacs.ArchiveAddress;
import org.radtrial.dicom.pacs.ArchiveSettings;
import org.radtrial.dicom.pacs.Credentials;
import picocli.CommandLine.Option;

/**
 * How to reach an archive, shared by {@code dicom pull} and {@code dicom push}. There is no option
 * that takes a secret: credentials come from a file or an environment variable, so they never show
 * in the process list or the shell history.
 */
final class ArchiveOptions {
  @Option(names = "--credentials", paramLabel = "FILE",
      description = "DICOMweb: a file holding one line 'bearer TOKEN' or 'basic USER:PASSWORD' (keep it chmod 600).")
  Path credentialsFile;

  @Option(names = "--credentials-env", paramLabel = "NAME",
      description = "DICOMweb: an environment variable holding 'bearer TOKEN' or 'basic USER:PASSWORD'.")
  String credentialsEnv;

  @Option(names = "--calling-ae", paramLabel = "AE", defaultValue = "RADTRIAL",
      description = "DIMSE: radtrial's own AE title, which the archive must know (default: ${DEFAULT-VALUE}).")
  String callingAe;

  @Option(names = "--retrieve", paramLabel = "get|move", defaultValue = "get",
      description = "DIMSE: C-GET (files come back on the same association) or C-MOVE (the archive sends them to --calling-ae"
          + " at this machine's --move-port; the archive must know that AE title, host and port) (default: ${DEFAULT-VALUE}).")
  String retrieve;

  @Option(names = "--move-port", paramLabel = "PORT", defaultValue = "0",
      description = "DIMSE with --retrieve move: the port on which radtrial receives (C-STORE) what the archive sends.")
  int movePort;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Deadline of each request, and the longest wait for data during a transfer (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  /** The settings; a warning on {@code err} when others may read the credentials file. */
  ArchiveSettings settings(String address, java.io.PrintWriter err) {
    if (credentialsFile != null && credentialsEnv != null) {
      throw new IllegalArgumentException("give --credentials FILE or --credentials-env NAME, not both");
    }
    Credentials credentials = credentialsFile != null ? Credentials.fromFile(credentialsFile)
        : credentialsEnv != null ? Credentials.fromEnvironment(credentialsEnv, System.getenv()) : null;
    ArchiveSettings.DimseRetrieve mode = switch (retrieve) {
      case "get" -> ArchiveSettings.DimseRetrieve.GET;
      case "move" -> ArchiveSettings.DimseRetrieve.MOVE;
      default -> throw new IllegalArgumentException("--retrieve " + retrieve + ": give get or move");
    };
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("--timeout " + timeoutSeconds + ": give a number of seconds, at least 1");
    }
    ArchiveSettings settings = new ArchiveSettings(ArchiveAddress.parse(address), credentials, callingAe, mode, movePort,
        Duration.ofSeconds(timeoutSeconds));
    if (credentials != null) {
      credentials.warnings().forEach(w -> err.println("radtrial: warning: " + w));
    }
    return settings;
  }

}

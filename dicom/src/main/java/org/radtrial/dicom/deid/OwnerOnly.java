package org.radtrial.dicom.deid;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * File modes of the files that re-identify patients (the secret key and the pseudonym mapping):
 * created owner-only, rw------- (0600), whatever the umask. On a file system without POSIX
 * permissions (Windows) these do nothing: protect such folders by their access-control lists.
 */
public final class OwnerOnly {
  static final Set<PosixFilePermission> MODE = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

  private OwnerOnly() {}

  static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** Sets the file's mode to rw-------. */
  static void restrict(Path file) throws IOException {
    if (posix()) {
      Files.setPosixFilePermissions(file, MODE);
    }
  }

  /**
   * Writes a new file with mode rw------- from its creation (a temporary file, owner-only from the
   * start, moved to its name), refusing to replace an existing one.
   */
  static void create(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, "." + file.getFileName(), ".tmp"); // rw------- on POSIX
    try {
      restrict(temporary);
      Files.writeString(temporary, text, java.nio.charset.StandardCharsets.US_ASCII);
      Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** A warning if the group or others may read or write the file, naming its mode and the fix; else none. */
  public static List<String> warnings(Path file, String what) throws IOException {
    if (!posix()) {
      return List.of();
    }
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
    if (mode.stream().noneMatch(OTHERS::contains)) {
      return List.of();
    }
    return List.of(file + ": the " + what + " can be read or changed by others (mode " + PosixFilePermissions.toString(mode)
        + "); make it owner-only: chmod 600 " + file);
  }
}

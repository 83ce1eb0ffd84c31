package org.radtrial.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** File checksums for provenance. */
public final class Checksums {
  private Checksums() {}

  /**
   * The SHA-256 of a file, or of a folder (a DICOM series): then the SHA-256 of the lines "relative path, tab,
   * the file's SHA-256" of every regular file below it, sorted by path, so that any changed, added or removed
   * file changes it.
   */
  public static String sha256OfFileOrFolder(Path path) {
    if (!Files.isDirectory(path)) {
      return sha256(path);
    }
    try (java.util.stream.Stream<Path> files = Files.walk(path)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String line = path.relativize(f).toString().replace('\\', '/') + "\t" + sha256(f) + "\n";
        digest.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path + " to checksum it", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  /** Lower-case hex SHA-256 of bytes already in memory (a file read whole). */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  /** Lower-case hex SHA-256 of the file's bytes. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to checksum it", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}

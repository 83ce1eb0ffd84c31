package org.radtrial.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a file so that readers see either the old content or the whole new one, never a part. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes to a temporary file in the same directory, then renames it over the target. */
  public static void writeString(Path target, String content) {
    writeStrings(Map.of(target, content));
  }

  /**
   * Writes several files so that none is replaced unless all could be written: every content goes to
   * a temporary file beside its target first, and only then is each renamed over its target. If
   * anything fails before the renames, every target keeps its previous content.
   */
  public static void writeStrings(Map<Path, String> contents) {
    Map<Path, Path> written = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, String> entry : contents.entrySet()) {
        written.put(entry.getKey(), temporaryWith(entry.getKey(), entry.getValue()));
      }
      for (Map.Entry<Path, Path> entry : written.entrySet()) {
        move(entry.getValue(), entry.getKey());
      }
    } finally {
      for (Path temporary : new ArrayList<>(written.values())) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the rename already consumed it, or the directory is gone
        }
      }
    }
  }

  private static Path temporaryWith(Path target, String content) {
    Path directory = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
      try {
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
      } catch (IOException e) {
        Files.deleteIfExists(temporary);
        throw e;
      }
      return temporary;
    } catch (IOException e) {
      throw new UncheckedIOException(cannotWrite(target, e), e);
    }
  }

  private static void move(Path temporary, Path target) {
    try {
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(cannotWrite(target, e), e);
    }
  }

  private static String cannotWrite(Path target, IOException e) {
    return "cannot write " + target + ": " + reason(e) + "; choose another folder, or check that "
        + target.toAbsolutePath().getParent() + " is a folder you may write to";
  }

  /**
   * Why a file operation failed, in words ("permission denied", "no such folder", "read-only file
   * system"), without the temporary file names that the JDK's messages carry.
   */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "a file is where a folder should be";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file is where a folder should be";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** {@link #reason} of an unchecked wrapper's cause. */
  public static String reason(UncheckedIOException e) {
    return reason(java.util.Objects.requireNonNull(e.getCause()));
  }
}

package org.radtrial.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

/** Reading whole DICOM files with PixelMed, failing loudly where PixelMed would only log. */
public final class DicomFiles {
  private DicomFiles() {}

  /** The header: everything before Pixel Data. */
  public static AttributeList readHeader(Path file) {
    return read(file, TagFromName.PixelData);
  }

  /** Everything, pixel data included, left compressed as it is in the file. */
  public static AttributeList readAll(Path file) {
    return read(file, null);
  }

  private static AttributeList read(Path file, AttributeTag stopAt) {
    AttributeList list = new AttributeList();
    list.setDecompressPixelData(false);
    PixelMedLog.start();
    List<LogRecord> log;
    try (DicomInputStream in = new DicomInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (stopAt == null) {
        list.read(in);
      } else {
        list.read(in, stopAt);
      }
    } catch (IOException | DicomException | RuntimeException e) {
      PixelMedLog.stop();
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
      throw new DicomFileException(file + ": cannot be read as DICOM (" + m + ")", e);
    } finally {
      log = PixelMedLog.stop();
    }
    for (LogRecord record : log) {
      if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
        throw new DicomFileException(file + ": cannot be read completely (" + PixelMedLog.text(record) + ")");
      }
    }
    if (DataSet.value(list, TagFromName.SOPInstanceUID).isEmpty()) {
      throw new DicomFileException(file + ": not a DICOM instance (no SOPInstanceUID)");
    }
    return list;
  }

  /** Every regular file under the folder, sorted, symbolic links not followed. */
  public static List<Path> under(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(root + ": not a folder");
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the files under " + root, e);
    }
  }

  /** The path relative to the root, with '/' separators. */
  public static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}

package org.radtrial.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

/** Reading whole DICOM files with PixelMed, failing loudly where PixelMed would only log. */
public final class DicomFiles {
  /** The reason given, by every command, for a file that is neither a DICOM file nor a bare data set. */
  public static final String NOT_DICOM = "not a DICOM file: no 'DICM' at byte 128, and the first bytes are not a DICOM data set's first tag";

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
    notDicom(file).ifPresent(reason -> {
      throw new DicomFileException(file + ": " + reason);
    });
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

  /**
   * Why the file cannot be DICOM at all, found from its first bytes before PixelMed tries to parse
   * arbitrary bytes (and complains in its own terms): empty, or neither 'DICM' at byte 128 nor a
   * bare data set's first tag.
   */
  public static Optional<String> notDicom(Path file) {
    try {
      if (Files.size(file) == 0) {
        return Optional.of("not a DICOM file: the file is empty");
      }
      return hasPreamble(file) || startsWithDicomTag(file) ? Optional.empty() : Optional.of(NOT_DICOM);
    } catch (IOException e) {
      throw new DicomFileException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** Whether the file has the 128-byte preamble followed by 'DICM'. */
  public static boolean hasPreamble(Path file) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      if (in.length() < 132) {
        return false;
      }
      in.seek(128);
      byte[] magic = new byte[4];
      in.readFully(magic);
      return magic[0] == 'D' && magic[1] == 'I' && magic[2] == 'C' && magic[3] == 'M';
    }
  }

  /**
   * A bare data set (no preamble) starts with a tag of group 0000 to 0008, little or big endian; a text
   * or other file does not. Checking this first keeps PixelMed from trying to read arbitrary bytes.
   */
  public static boolean startsWithDicomTag(Path file) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      if (in.length() < 8) {
        return false;
      }
      int b0 = in.read();
      int b1 = in.read();
      int little = (b1 << 8) | b0;
      int big = (b0 << 8) | b1;
      return little <= 0x0008 && little % 2 == 0 || big <= 0x0008 && big % 2 == 0;
    }
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

package org.radtrial.dicom.image;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.DicomFileException;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.dicom.PixelMedLog;
import org.radtrial.io.image.ImageFileException;

/** Reading one DICOM file for its pixels: decompressed by PixelMed, every problem an {@link ImageFileException}. */
final class DicomImageFiles {
  private DicomImageFiles() {}

  /** The header alone (up to Pixel Data). */
  static AttributeList header(Path file) {
    try {
      return DicomFiles.readHeader(file);
    } catch (DicomFileException e) {
      throw new ImageFileException(e.getMessage(), e);
    }
  }

  /**
   * Everything, pixel data decompressed: native, deflated, RLE and 8-bit JPEG baseline are; JPEG
   * lossless, 12-bit JPEG, JPEG-LS and JPEG 2000 have no decoder in Debian's PixelMed and are refused
   * with the transfer syntax and a way to decompress them.
   */
  static AttributeList withPixels(Path file) {
    DicomFiles.notDicom(file).ifPresent(reason -> {
      throw new ImageFileException(file + ": " + reason);
    });
    AttributeList list = new AttributeList();
    list.setDecompressPixelData(true);
    PixelMedLog.start();
    List<LogRecord> log;
    try (DicomInputStream in = new DicomInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      list.read(in);
    } catch (IOException | DicomException | RuntimeException e) {
      PixelMedLog.stop();
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
      String syntax = transferSyntax(file);
      if (m.contains("No reader") || m.contains("does not support")) {
        throw new ImageFileException(file + ": its pixel data (transfer syntax " + syntax + ") cannot be decoded here ("
            + m + "); decompress it first, e.g. with dcmtk's dcmdjpeg or dcmdjpls, or gdcmconv --raw", e);
      }
      throw new ImageFileException(file + ": cannot be read as DICOM (" + m + ")", e);
    } finally {
      log = PixelMedLog.stop();
    }
    for (LogRecord record : log) {
      if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
        throw new ImageFileException(file + ": cannot be read completely (" + PixelMedLog.text(record) + ")");
      }
    }
    if (DataSet.value(list, TagFromName.SOPInstanceUID).isEmpty()) {
      throw new ImageFileException(file + ": not a DICOM instance (no SOPInstanceUID)");
    }
    return list;
  }

  private static String transferSyntax(Path file) {
    try {
      return DataSet.value(DicomFiles.readHeader(file), TagFromName.TransferSyntaxUID);
    } catch (RuntimeException e) {
      return "unknown";
    }
  }
}

package org.radtrial.dicom.scan;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks, without reading pixel values, that a file's Pixel Data element fits in the file: the
 * declared length for native pixel data, the chain of fragment items up to the sequence delimiter
 * for encapsulated (compressed) pixel data. This is how a header-only scan notices a truncated file.
 */
final class PixelDataExtent {
  private static final long UNDEFINED = 0xFFFFFFFFL;

  private PixelDataExtent() {}

  /**
   * @param file the file
   * @param afterTag byte offset just after the Pixel Data tag (where PixelMed stopped reading)
   * @param explicitVr whether the data set is explicit VR
   * @param bigEndian whether the data set is big endian
   * @return a description of the problem, or empty when the pixel data fits
   */
  static Optional<String> check(Path file, long afterTag, boolean explicitVr, boolean bigEndian) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long size = in.length();
      long position = afterTag;
      long length;
      if (explicitVr) {
        if (position + 8 > size) {
          return Optional.of(truncated(size, position + 8, "the Pixel Data (7FE0,0010) element header"));
        }
        in.seek(position + 4);
        position += 8;
      } else {
        if (position + 4 > size) {
          return Optional.of(truncated(size, position + 4, "the Pixel Data (7FE0,0010) element header"));
        }
        in.seek(position);
        position += 4;
      }
      length = unsigned32(in, bigEndian);
      if (length != UNDEFINED) {
        return position + length > size
            ? Optional.of(truncated(size, position + length, "Pixel Data (7FE0,0010) of " + length + " bytes"))
            : Optional.empty();
      }
      return checkFragments(in, position, size);
    }
  }

  /** Encapsulated pixel data: items (FFFE,E000) of stated length, ended by (FFFE,E0DD). Always little endian. */
  private static Optional<String> checkFragments(RandomAccessFile in, long start, long size) throws IOException {
    long position = start;
    int items = 0;
    while (true) {
      if (position + 8 > size) {
        return Optional.of(truncated(size, position + 8, "encapsulated Pixel Data (7FE0,0010) after " + items
            + " fragment item(s), before its sequence delimiter"));
      }
      in.seek(position);
      int group = unsigned16(in, false);
      int element = unsigned16(in, false);
      long length = unsigned32(in, false);
      position += 8;
      if (group == 0xFFFE && element == 0xE0DD) {
        return Optional.empty();
      }
      if (group != 0xFFFE || element != 0xE000 || length == UNDEFINED) {
        return Optional.of(String.format(Locale.ROOT,
            "encapsulated Pixel Data (7FE0,0010) is malformed: expected an item (FFFE,E000) at byte %d, found (%04X,%04X)",
            position - 8, group, element));
      }
      position += length;
      items++;
    }
  }

  private static String truncated(long size, long needed, String what) {
    return "truncated: " + what + " needs the file to be at least " + needed + " bytes, it has " + size;
  }

  private static int unsigned16(RandomAccessFile in, boolean bigEndian) throws IOException {
    int a = in.read();
    int b = in.read();
    if ((a | b) < 0) {
      throw new java.io.EOFException();
    }
    return bigEndian ? (a << 8) | b : (b << 8) | a;
  }

  private static long unsigned32(RandomAccessFile in, boolean bigEndian) throws IOException {
    long low = unsigned16(in, bigEndian);
    long high = unsigned16(in, bigEndian);
    return bigEndian ? (low << 16) | high : (high << 16) | low;
  }
}

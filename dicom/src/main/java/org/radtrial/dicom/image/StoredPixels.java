package org.radtrial.dicom.image;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Path;
import org.radtrial.dicom.DataSet;
import org.radtrial.io.image.ImageFileException;

/**
 * The stored values of a greyscale image's frames (before rescaling), from decompressed Pixel Data:
 * 1 (bit-packed), 8, 16 or 32 bits allocated, signed when PixelRepresentation is 1, only the
 * BitsStored low bits counting (sign-extended from HighBit when signed).
 */
final class StoredPixels {
  private final Path file;
  private final int rows;
  private final int columns;
  private final int frames;
  private final int bitsAllocated;
  private final int bitsStored;
  private final boolean signed;
  private final short[] words;
  private final byte[] bytes;
  private final boolean bigEndian;

  private StoredPixels(Path file, int rows, int columns, int frames, int bitsAllocated, int bitsStored, boolean signed,
      short[] words, byte[] bytes, boolean bigEndian) {
    this.file = file;
    this.rows = rows;
    this.columns = columns;
    this.frames = frames;
    this.bitsAllocated = bitsAllocated;
    this.bitsStored = bitsStored;
    this.signed = signed;
    this.words = words;
    this.bytes = bytes;
    this.bigEndian = bigEndian;
  }

  static StoredPixels of(AttributeList list, Path file) {
    Attribute pixels = list.get(TagFromName.PixelData);
    if (pixels == null) {
      String sop = DataSet.value(list, "SOPClassUID");
      throw new ImageFileException(file + ": not an image: no PixelData (SOPClassUID " + sop + describe(sop) + ")");
    }
    int samples = integer(list, "SamplesPerPixel", 1, file);
    if (samples != 1) {
      throw new ImageFileException(file + ": a colour image (SamplesPerPixel " + samples + ", "
          + DataSet.value(list, "PhotometricInterpretation") + "); radtrial reads greyscale images");
    }
    int rows = integer(list, "Rows", -1, file);
    int columns = integer(list, "Columns", -1, file);
    int frames = integer(list, "NumberOfFrames", 1, file);
    int allocated = integer(list, "BitsAllocated", -1, file);
    int stored = integer(list, "BitsStored", allocated, file);
    boolean signed = integer(list, "PixelRepresentation", 0, file) == 1;
    if (rows < 1 || columns < 1 || frames < 1) {
      throw new ImageFileException(file + ": Rows " + rows + ", Columns " + columns + ", NumberOfFrames " + frames
          + ": an image needs at least one of each");
    }
    if (allocated != 1 && allocated != 8 && allocated != 16 && allocated != 32) {
      throw new ImageFileException(file + ": BitsAllocated " + allocated + " is not supported; radtrial reads 1, 8, 16 or 32");
    }
    boolean bigEndian = new TransferSyntax(DataSet.value(list, TagFromName.TransferSyntaxUID)).isBigEndian();
    short[] words = null;
    byte[] bytes = null;
    try {
      if (pixels instanceof OtherByteAttribute) {
        bytes = pixels.getByteValues();
      } else {
        words = pixels.getShortValues();
      }
    } catch (DicomException e) {
      throw new ImageFileException(file + ": cannot read its PixelData (" + e.getMessage() + ")", e);
    }
    long needBits = (long) rows * columns * frames * allocated;
    long haveBits = words != null ? 16L * words.length : 8L * bytes.length;
    if (haveBits < needBits) {
      throw new ImageFileException(String.format(java.util.Locale.ROOT,
          "%s: PixelData holds %,d bytes; %d frames of %d x %d at %d bits need %,d", file, haveBits / 8, frames, rows, columns,
          allocated, (needBits + 7) / 8));
    }
    return new StoredPixels(file, rows, columns, frames, allocated, stored, signed, words, bytes, bigEndian);
  }

  /**
   * The shape alone (Rows, Columns, NumberOfFrames) from a header read without Pixel Data: enough to
   * place frames; {@link #value} must not be called on it.
   */
  static StoredPixels shape(AttributeList header, Path file) {
    int rows = integer(header, "Rows", -1, file);
    int columns = integer(header, "Columns", -1, file);
    int frames = integer(header, "NumberOfFrames", 1, file);
    if (rows < 1 || columns < 1 || frames < 1) {
      throw new ImageFileException(file + ": Rows " + rows + ", Columns " + columns + ", NumberOfFrames " + frames
          + ": an image needs at least one of each");
    }
    return new StoredPixels(file, rows, columns, frames, 0, 0, false, null, null, false);
  }

  private static String describe(String sopClass) {
    return sopClass.startsWith("1.2.840.10008.5.1.4.1.1.88.") ? ", a structured report" : "";
  }

  static int integer(AttributeList list, String keyword, int absent, Path file) {
    String v = DataSet.value(list, keyword);
    if (v.isEmpty()) {
      if (absent == -1) {
        throw new ImageFileException(file + ": no " + keyword);
      }
      return absent;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new ImageFileException(file + ": " + keyword + " '" + v + "' is not a whole number");
    }
  }

  int rows() {
    return rows;
  }

  int columns() {
    return columns;
  }

  int frames() {
    return frames;
  }

  /** The stored value of pixel {@code p} (row-major: p = row × columns + column) of frame {@code f} (0-based). */
  long value(int f, int p) {
    long n = (long) f * rows * columns + p;
    long raw = switch (bitsAllocated) {
      case 1 -> {
        int b = words != null ? word8(n >>> 3) : bytes[(int) (n >>> 3)] & 0xff;
        yield (b >>> (int) (n & 7)) & 1;
      }
      case 8 -> words != null ? word8(n) : bytes[(int) n] & 0xff;
      case 16 -> words != null ? words[(int) n] & 0xffff : (bytes[(int) (2 * n)] & 0xff) | (bytes[(int) (2 * n + 1)] & 0xff) << 8;
      default -> {
        long lo;
        long hi;
        if (words != null) {
          lo = words[(int) (2 * n + (bigEndian ? 1 : 0))] & 0xffff;
          hi = words[(int) (2 * n + (bigEndian ? 0 : 1))] & 0xffff;
        } else {
          int i = (int) (4 * n);
          lo = (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8;
          hi = (bytes[i + 2] & 0xff) | (bytes[i + 3] & 0xff) << 8;
        }
        yield lo | hi << 16;
      }
    };
    if (bitsAllocated == 1) {
      return raw;
    }
    long mask = bitsStored >= 64 ? -1L : (1L << bitsStored) - 1;
    long v = raw & mask;
    if (signed && (v >>> (bitsStored - 1) & 1) == 1) {
      v -= 1L << bitsStored;
    }
    return v;
  }

  /** Byte n of 8-bit data that PixelMed holds as 16-bit words (implicit VR): the low byte first. */
  private int word8(long n) {
    int w = words[(int) (n >>> 1)] & 0xffff;
    boolean first = (n & 1) == 0;
    return (bigEndian == first ? w >>> 8 : w) & 0xff;
  }

  Path file() {
    return file;
  }
}

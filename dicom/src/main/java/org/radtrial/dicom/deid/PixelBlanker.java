package org.radtrial.dicom.deid;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import java.util.List;
import java.util.Optional;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.scan.DicomValues;

/**
 * Sets the pixels of given regions to 0 in every frame of native (uncompressed) pixel data, 8 or 16
 * bits, one or three samples (colour-by-pixel). Compressed pixel data is left alone and said so:
 * blanking it would mean decoding and re-encoding it, which this version does not do.
 */
final class PixelBlanker {
  private PixelBlanker() {}

  /** Blanks the regions; returns why it could not, or empty when it did. */
  static Optional<String> blank(AttributeList list, List<Region> regions) {
    String syntax = DataSet.value(list, "TransferSyntaxUID");
    if (!List.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2").contains(syntax)) {
      return Optional.of("not blanked: compressed pixel data (" + syntax + ")");
    }
    int rows = number(list, "Rows");
    int columns = number(list, "Columns");
    int samples = Math.max(1, number(list, "SamplesPerPixel"));
    int frames = Math.max(1, number(list, "NumberOfFrames"));
    int planar = number(list, "PlanarConfiguration");
    if (samples > 1 && planar == 1) {
      return Optional.of("not blanked: colour-by-plane pixel data");
    }
    Attribute pixels = list.get(TagFromName.PixelData);
    try {
      if (pixels instanceof OtherWordAttribute words) {
        short[] v = words.getShortValues();
        forEach(regions, rows, columns, samples, frames, v.length, i -> v[i] = 0);
        words.setValues(v);
      } else if (pixels instanceof OtherByteAttribute bytes) {
        byte[] v = bytes.getByteValues();
        int bytesPerSample = number(list, "BitsAllocated") > 8 ? 2 : 1;
        forEach(regions, rows, columns, samples * bytesPerSample, frames, v.length, i -> v[i] = 0);
        bytes.setValues(v);
      } else {
        return Optional.of("not blanked: pixel data of an unexpected kind");
      }
    } catch (DicomException e) {
      return Optional.of("not blanked: " + e.getMessage());
    }
    DataSet.set(list, "BurnedInAnnotation", "NO");
    return Optional.empty();
  }

  private static void forEach(List<Region> regions, int rows, int columns, int unitsPerPixel, int frames, int length,
      java.util.function.IntConsumer action) {
    long frameLength = (long) rows * columns * unitsPerPixel;
    for (int f = 0; f < frames; f++) {
      for (Region r : regions) {
        for (int y = r.y(); y < Math.min(rows, r.y() + r.height()); y++) {
          for (int x = r.x(); x < Math.min(columns, r.x() + r.width()); x++) {
            for (int u = 0; u < unitsPerPixel; u++) {
              long index = f * frameLength + ((long) y * columns + x) * unitsPerPixel + u;
              if (index < length) {
                action.accept((int) index);
              }
            }
          }
        }
      }
    }
  }

  private static int number(AttributeList list, String keyword) {
    return DicomValues.integerString(DataSet.value(list, keyword)).orElse(0L).intValue();
  }
}

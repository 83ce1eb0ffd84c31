package org.radtrial.dicom.deid;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.dicom.PydicomFiles;
import org.radtrial.dicom.scan.ScanListener;

/**
 * De-identifies a copy of every readable pydicom sample file (CT, MR, US, NM, RT, SR, SEG; native,
 * RLE, JPEG, JPEG-LS, JPEG 2000, deflate, big endian) and checks the result with check-deid.
 */
class DeidentifyPydicomFilesTest {
  @TempDir static Path dir;
  private static Path in;
  private static Path out;
  private static Map<String, String> before;
  private static DeidentifyRun.Summary summary;

  /** The samples that are valid instances: the malformed ones are the scan's business. */
  static final List<String> SAMPLES = List.of("CT_small.dcm", "MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm",
      "MR_small_RLE.dcm", "MR_small_jpeg_ls_lossless.dcm", "MR_small_jp2klossless.dcm", "JPEG2000.dcm", "JPEG-lossy.dcm",
      "ExplVR_BigEnd.dcm", "SC_rgb_jpeg_dcmtk.dcm", "SC_rgb_small_odd.dcm", "rtplan.dcm", "rtdose.dcm", "test-SR.dcm",
      "reportsi.dcm", "liver_1frame.dcm", "image_dfl.dcm", "waveform_ecg.dcm", "693_J2KI.dcm", "SC_rgb_rle.dcm");

  @BeforeAll
  static void deidentify() throws IOException {
    in = dir.resolve("in");
    out = dir.resolve("out");
    for (String name : SAMPLES) {
      Files.createDirectories(in);
      Files.copy(PydicomFiles.file(name), in.resolve(name));
    }
    before = hashes(in);
    DeidSettings settings = new DeidSettings(EnumSet.of(DeidOption.RETAIN_PATIENT_CHARACTERISTICS, DeidOption.RETAIN_DEVICE_IDENTITY),
        PseudonymKey.of(new byte[32]));
    summary = DeidentifyRun.run(in, out, dir.resolve("mapping.csv"), dir.resolve("review.csv"), settings, List.of(), ScanListener.NONE);
  }

  static Map<String, String> hashes(Path root) throws IOException {
    Map<String, String> h = new TreeMap<>();
    for (Path f : DicomFiles.under(root)) {
      try {
        h.put(DicomFiles.relative(root, f), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return h;
  }

  @Test
  void everySampleIsWritten() {
    assertThat(summary.failures()).isEmpty();
    assertThat(summary.written()).isEqualTo(SAMPLES.size());
  }

  @Test
  void checkDeidFindsNothingLeft() {
    assertThat(CheckDeid.check(out).findings()).isEmpty();
  }

  @Test
  void theInputIsByteIdenticalAfterwards() throws IOException {
    assertThat(hashes(in)).isEqualTo(before);
  }

  @Test
  void pixelDataIsCopiedUnchanged() {
    for (String name : SAMPLES) {
      AttributeList original = DicomFiles.readAll(in.resolve(name));
      AttributeList copy = DicomFiles.readAll(out.resolve(name));
      Attribute a = original.get(TagFromName.PixelData);
      Attribute b = copy.get(TagFromName.PixelData);
      if (a == null) {
        assertThat(b).as(name).isNull();
        continue;
      }
      try {
        if (a instanceof com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames frames) {
          // compressed: each frame's bit stream is the same (PixelMed may fragment it differently)
          assertThat(((com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames) b).getFrames()).as(name)
              .isEqualTo(frames.getFrames());
        } else if (a instanceof com.pixelmed.dicom.OtherWordAttribute) {
          assertThat(b.getShortValues()).as(name).isEqualTo(a.getShortValues());
        } else {
          assertThat(b.getByteValues()).as(name).isEqualTo(a.getByteValues());
        }
      } catch (com.pixelmed.dicom.DicomException e) {
        throw new AssertionError(name + ": " + e.getMessage(), e);
      }
      assertThat(DataSet.value(copy, TagFromName.TransferSyntaxUID)).as(name)
          .isEqualTo(DataSet.value(original, TagFromName.TransferSyntaxUID).isEmpty() ? "1.2.840.10008.1.2.1"
              : DataSet.value(original, TagFromName.TransferSyntaxUID));
    }
  }

  @Test
  void theMrEncodingsOfOneImageGetTheSameNewUids() {
    // MR_small*.dcm are one instance in several transfer syntaxes: same input UIDs, so the same output UIDs
    String sop = DataSet.value(DicomFiles.readHeader(out.resolve("MR_small.dcm")), TagFromName.SOPInstanceUID);
    assertThat(sop).startsWith("2.25.");
    for (String name : List.of("MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_RLE.dcm")) {
      assertThat(DataSet.value(DicomFiles.readHeader(out.resolve(name)), TagFromName.SOPInstanceUID)).as(name).isEqualTo(sop);
    }
  }

  @Test
  void ultrasoundAndSecondaryCaptureAreListedForReview() {
    assertThat(summary.review()).extracting(r -> r.get(0)).contains("ExplVR_BigEnd.dcm", "SC_rgb_small_odd.dcm");
  }
}

package org.radtrial.dicom.pacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.dicom.PydicomFiles;
import org.radtrial.dicom.synth.SyntheticTree;

/** Pulls through DIMSE (C-FIND, C-GET, C-MOVE) from a real Orthanc on loopback. */
class DimsePullTest {
  static final int MOVE_PORT = freePort();
  /** Orthanc knows the AE title RADTRIAL at MOVE_PORT, and nothing else. */
  @RegisterExtension static final Orthanc ORTHANC = new Orthanc(Map.of("RADTRIAL", MOVE_PORT));
  @TempDir static Path stored;
  @TempDir Path work;
  static final List<String> REAL = List.of("CT_small.dcm", "MR_small.dcm", "SC_rgb_jpeg_dcmd.dcm");
  static Map<String, Path> originals;

  @BeforeAll
  static void load() throws Exception {
    SyntheticTree.write(stored.resolve("a"), 2, true, 1);
    SyntheticTree.write(stored.resolve("b"), 1, true, 2); // a second study with accession ACC0000001
    for (String name : REAL) {
      Files.copy(PydicomFiles.file(name), stored.resolve(name));
    }
    List<Path> files = PacsFixtures.files(stored);
    ORTHANC.store(files);
    originals = PacsFixtures.bySopUid(files);
  }

  private static int freePort() {
    try {
      return Orthanc.freePort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ArchiveSettings settings(String callingAe, ArchiveSettings.DimseRetrieve mode) {
    return new ArchiveSettings(new ArchiveAddress.Dimse(Orthanc.AE, "127.0.0.1", ORTHANC.dicomPort()), null, callingAe, mode, MOVE_PORT,
        Duration.ofSeconds(10));
  }

  private PacsPull.Result pull(ArchiveSettings settings, KeyKind kind, List<String> keys, Path out) {
    return PacsPull.pull(settings, kind, keys, out, 2, false, (p, d, t, f, b) -> { });
  }

  /**
   * Over DIMSE the archive sends the data set, not the file: Orthanc re-encodes it (DCMTK writes
   * defined sequence lengths, chose Explicit VR for an Implicit VR file and leaves out Data Set
   * Trailing Padding) and the receiver writes its own file meta information. So what is compared is the content: every attribute outside
   * group 0002, written by PixelMed in one transfer syntax from each side.
   */
  private static void assertSameContent(Path out) throws Exception {
    List<Path> pulled = PacsFixtures.files(out);
    assertThat(pulled).isNotEmpty();
    for (Path p : pulled) {
      Path original = originals.get(p.getFileName().toString().replace(".dcm", ""));
      assertThat(original).as("%s was stored", p).isNotNull();
      assertThat(canonical(p)).as("the content of %s equals that of %s", p, original).isEqualTo(canonical(original));
    }
  }

  static byte[] canonical(Path file) throws Exception {
    AttributeList list = DicomFiles.readAll(file);
    list.removeMetaInformationHeaderAttributes();
    list.removeGroupLengthAttributes();
    // Data Set Trailing Padding "shall have no significance" (PS3.10 7.2); Orthanc does not send CT_small.dcm's over DIMSE
    list.remove(TagFromName.DataSetTrailingPadding);
    // an Implicit VR file does not say whether Pixel Data is OB or OW; the archive, re-encoding it, chose: compare the bytes
    Attribute pixels = list.get(TagFromName.PixelData);
    if (pixels != null && !(pixels instanceof OtherByteAttributeMultipleCompressedFrames) && pixels.getVL() > 0) {
      OtherByteAttribute bytes = new OtherByteAttribute(TagFromName.PixelData);
      bytes.setValues(pixels instanceof OtherWordAttribute ? littleEndian(pixels.getShortValues()) : pixels.getByteValues());
      list.put(bytes);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    list.write(bytes, TransferSyntax.ExplicitVRLittleEndian, false, true);
    return bytes.toByteArray();
  }

  private static byte[] littleEndian(short[] words) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(words.length * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.asShortBuffer().put(words);
    return b.array();
  }

  @Test
  void cFindAndCGetPullTheStudiesAndReportMissingAndAmbiguousOnes() throws Exception {
    Path out = work.resolve("archive");
    PacsPull.Result r = pull(settings("RADTRIAL", ArchiveSettings.DimseRetrieve.GET), KeyKind.ACCESSION,
        List.of("ACC0000002", "ACC0000001", "ACC0009999"), out);
    assertThat(r.exams()).extracting(PacsPull.Exam::status).containsExactly(PacsPull.Status.PULLED, PacsPull.Status.AMBIGUOUS,
        PacsPull.Status.NOT_FOUND);
    assertThat(r.files()).isEqualTo(5);
    assertSameContent(out);

    Path removed = PacsFixtures.files(out).get(0);
    Files.delete(removed);
    PacsPull.Result resumed = pull(settings("RADTRIAL", ArchiveSettings.DimseRetrieve.GET), KeyKind.ACCESSION, List.of("ACC0000002"), out);
    assertThat(resumed.files()).isEqualTo(1);
    assertThat(removed).exists();
  }

  @Test
  void pydicomsRealFilesComeBackByCGetWithTheirContentUnchanged() throws Exception {
    Path out = work.resolve("real");
    List<String> studies = REAL.stream().map(n -> PacsFixtures.studyUid(stored.resolve(n))).toList();
    PacsPull.Result r = pull(settings("RADTRIAL", ArchiveSettings.DimseRetrieve.GET), KeyKind.STUDY_UID, studies, out);
    assertThat(r.exams()).extracting(PacsPull.Exam::status).containsOnly(PacsPull.Status.PULLED);
    assertThat(PacsFixtures.files(out)).hasSize(REAL.size());
    assertSameContent(out);
  }

  @Test
  void cMovePullsToTheDestinationTheArchiveKnowsAndARerunRightAfterCanListenAgain() throws Exception {
    Path out = work.resolve("moved");
    PacsPull.Result r = pull(settings("RADTRIAL", ArchiveSettings.DimseRetrieve.MOVE), KeyKind.ACCESSION, List.of("ACC0000002"), out);
    assertThat(r.exams()).extracting(PacsPull.Exam::status).containsExactly(PacsPull.Status.PULLED);
    assertThat(r.files()).isEqualTo(5);
    assertSameContent(out);

    Files.delete(PacsFixtures.files(out).get(2));
    PacsPull.Result resumed = pull(settings("RADTRIAL", ArchiveSettings.DimseRetrieve.MOVE), KeyKind.ACCESSION, List.of("ACC0000002"), out);
    assertThat(resumed.exams()).extracting(PacsPull.Exam::fetched).containsExactly(1);
    assertThat(PacsFixtures.files(out)).hasSize(5);
  }

  @Test
  void anArchiveRefusingTheCMoveDestinationStopsWithWhatItsAdministratorMustAdd() throws Exception {
    Path out = work.resolve("refused");
    ArchiveSettings stranger = new ArchiveSettings(new ArchiveAddress.Dimse(Orthanc.AE, "127.0.0.1", ORTHANC.dicomPort()), null, "STRANGER",
        ArchiveSettings.DimseRetrieve.MOVE, Orthanc.freePort(), Duration.ofSeconds(10));
    assertThatThrownBy(() -> pull(stranger, KeyKind.ACCESSION, List.of("ACC0000002"), out))
        .isInstanceOf(PacsException.class)
        .hasMessageContaining("refused the C-MOVE of study").hasMessageContaining("to STRANGER and sent nothing")
        .hasMessageContaining("must add the AE title STRANGER");
    assertThat(PacsFixtures.filesIfAny(out)).isEmpty();
  }
}

package org.radtrial.dicom.pacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.dicom.PydicomFiles;
import org.radtrial.dicom.synth.SyntheticTree;

/** Pulls through DICOMweb (QIDO-RS, WADO-RS) from a real Orthanc on loopback. */
class DicomWebPullTest {
  @RegisterExtension static final Orthanc ORTHANC = new Orthanc();
  @TempDir static Path stored;
  @TempDir Path work;
  static final List<String> REAL = List.of("CT_small.dcm", "MR_small.dcm", "waveform_ecg.dcm", "SC_rgb_jpeg_dcmd.dcm");
  static Map<String, Path> originals;

  @BeforeAll
  static void load() throws Exception {
    SyntheticTree.write(stored.resolve("a"), 3, true, 1);
    SyntheticTree.write(stored.resolve("b"), 1, true, 2); // a second study with accession ACC0000001
    for (String name : REAL) {
      Files.copy(PydicomFiles.file(name), stored.resolve(name));
    }
    List<Path> files = PacsFixtures.files(stored);
    ORTHANC.store(files);
    originals = PacsFixtures.bySopUid(files);
  }

  private ArchiveSettings settings(URI base, String password) throws Exception {
    Credentials c = Credentials.fromFile(Orthanc.credentialsFile(work, password));
    return ArchiveSettings.web(new ArchiveAddress.Web(base), c, Duration.ofSeconds(20));
  }

  private PacsPull.Result pull(List<String> keys, KeyKind kind, Path out) throws Exception {
    return PacsPull.pull(settings(ORTHANC.dicomWeb(), Orthanc.PASSWORD), kind, keys, out, 3, false, (p, d, t, f, b) -> { });
  }

  private static void assertByteIdentical(Path out) throws Exception {
    for (Path pulled : PacsFixtures.files(out)) {
      Path original = originals.get(pulled.getFileName().toString().replace(".dcm", ""));
      assertThat(original).as("%s was stored", pulled).isNotNull();
      assertThat(Files.readAllBytes(pulled)).as("%s is byte-identical to %s", pulled, original).isEqualTo(Files.readAllBytes(original));
    }
  }

  @Test
  void pullsTheStudiesOfTheCaseTableByteIdenticalAndReportsMissingAndAmbiguousOnes() throws Exception {
    Path out = work.resolve("archive");
    PacsPull.Result r = pull(List.of("ACC0000002", "ACC0000003", "ACC0009999", "ACC0000001", "", "ACC0000002"), KeyKind.ACCESSION, out);

    assertThat(r.exams()).extracting(PacsPull.Exam::key, PacsPull.Exam::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ACC0000002", PacsPull.Status.PULLED), org.assertj.core.groups.Tuple.tuple("ACC0000003",
            PacsPull.Status.PULLED), org.assertj.core.groups.Tuple.tuple("ACC0009999", PacsPull.Status.NOT_FOUND),
        org.assertj.core.groups.Tuple.tuple("ACC0000001", PacsPull.Status.AMBIGUOUS));
    assertThat(r.emptyKeys()).isEqualTo(1);
    assertThat(r.exams().get(3).studies()).hasSize(2);
    assertThat(r.exams().get(3).message()).contains("2 studies have AccessionNumber ACC0000001");
    // four images and the AI's SR per exam, in OUT/StudyInstanceUID/SOPInstanceUID.dcm
    assertThat(r.files()).isEqualTo(10);
    assertThat(PacsFixtures.files(out)).hasSize(10);
    assertByteIdentical(out);
    assertThat(out.resolve(Landing.STAGING)).doesNotExist();
  }

  @Test
  void aRerunFetchesOnlyWhatIsMissing() throws Exception {
    Path out = work.resolve("archive");
    pull(List.of("ACC0000002", "ACC0000003"), KeyKind.ACCESSION, out);
    PacsPull.Result again = pull(List.of("ACC0000002", "ACC0000003"), KeyKind.ACCESSION, out);
    assertThat(again.exams()).extracting(PacsPull.Exam::status).containsOnly(PacsPull.Status.PRESENT);
    assertThat(again.files()).isZero();

    Path removed = PacsFixtures.files(out).get(3);
    Files.delete(removed);
    PacsPull.Result resumed = pull(List.of("ACC0000002", "ACC0000003"), KeyKind.ACCESSION, out);
    assertThat(resumed.files()).isEqualTo(1);
    assertThat(resumed.exams()).extracting(PacsPull.Exam::fetched).containsExactlyInAnyOrder(0, 1);
    assertThat(removed).exists();
    assertByteIdentical(out);
  }

  @Test
  void pydicomsRealFilesComeBackByteIdenticalByStudyUid() throws Exception {
    List<String> studies = new ArrayList<>();
    for (String name : REAL) {
      studies.add(PacsFixtures.studyUid(stored.resolve(name)));
    }
    Path out = work.resolve("real");
    PacsPull.Result r = pull(studies, KeyKind.STUDY_UID, out);
    assertThat(r.exams()).extracting(PacsPull.Exam::status).containsOnly(PacsPull.Status.PULLED);
    assertThat(PacsFixtures.files(out)).hasSize(REAL.size());
    assertByteIdentical(out);
  }

  @Test
  void aWrongPasswordStopsWithOneLineThatDoesNotHoldItAndWritesNothing() throws Exception {
    Path out = work.resolve("archive");
    assertThatThrownBy(() -> PacsPull.pull(settings(ORTHANC.dicomWeb(), "not-the-password"), KeyKind.ACCESSION, List.of("ACC0000002"),
        out, 2, false, (p, d, t, f, b) -> { }))
        .isInstanceOf(PacsException.class)
        .hasMessageContaining("refused the credentials from the credentials file")
        .hasMessageContaining("HTTP 401")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-password").doesNotContain("\n"));
    assertThat(out).doesNotExist();
  }

  @Test
  void listOnlyQueriesAndWritesNothing() throws Exception {
    Path out = work.resolve("archive");
    PacsPull.Result r = PacsPull.pull(settings(ORTHANC.dicomWeb(), Orthanc.PASSWORD), KeyKind.ACCESSION, List.of("ACC0000002",
        "ACC0009999"), out, 2, true, (p, d, t, f, b) -> { });
    assertThat(r.exams()).extracting(PacsPull.Exam::status).containsExactly(PacsPull.Status.FOUND, PacsPull.Status.NOT_FOUND);
    assertThat(r.exams().get(0).instances()).isEqualTo(5);
    assertThat(out).doesNotExist();
  }

  @Test
  @Timeout(20)
  void anArchiveThatStopsSendingMidTransferIsCutOffAfterTheTimeout() throws Exception {
    String ecg = PacsFixtures.studyUid(stored.resolve("waveform_ecg.dcm"));
    Path out = work.resolve("stalled");
    try (CuttingProxy proxy = new CuttingProxy(ORTHANC.httpPort(), 100_000, true)) {
      URI viaProxy = URI.create("http://127.0.0.1:" + proxy.port() + "/dicom-web");
      ArchiveSettings quick = ArchiveSettings.web(new ArchiveAddress.Web(viaProxy),
          Credentials.fromFile(Orthanc.credentialsFile(work, Orthanc.PASSWORD)), Duration.ofSeconds(2));
      long started = System.nanoTime();
      PacsPull.Result r = PacsPull.pull(quick, KeyKind.STUDY_UID, List.of(ecg), out, 1, false, (p, d, t, f, b) -> { });
      assertThat((System.nanoTime() - started) / 1e9).isLessThan(15);
      assertThat(r.exams().get(0).status()).isEqualTo(PacsPull.Status.FAILED);
      assertThat(r.exams().get(0).message()).contains("nothing arrived for 2 s");
    }
  }

  @Test
  void aConnectionDroppedMidTransferFailsThatStudyAndTheRerunCompletesIt() throws Exception {
    String ecg = PacsFixtures.studyUid(stored.resolve("waveform_ecg.dcm"));
    String ct = PacsFixtures.studyUid(stored.resolve("CT_small.dcm"));
    Path out = work.resolve("cut");
    try (CuttingProxy proxy = new CuttingProxy(ORTHANC.httpPort(), 100_000)) {
      URI viaProxy = URI.create("http://127.0.0.1:" + proxy.port() + "/dicom-web");
      PacsPull.Result cut = PacsPull.pull(settings(viaProxy, Orthanc.PASSWORD), KeyKind.STUDY_UID, List.of(ecg, ct), out, 1, false,
          (p, d, t, f, b) -> { });
      assertThat(cut.exams().get(0).status()).isEqualTo(PacsPull.Status.FAILED);
      assertThat(cut.exams().get(0).message()).contains("1 of 1 instances missing").contains("rerun");
    }
    assertThat(out.resolve(Landing.STAGING)).doesNotExist();
    PacsPull.Result rerun = pull(List.of(ecg, ct), KeyKind.STUDY_UID, out);
    assertThat(rerun.exams().get(0).status()).isEqualTo(PacsPull.Status.PULLED);
    assertThat(PacsFixtures.files(out)).hasSize(2);
    assertByteIdentical(out);
  }
}

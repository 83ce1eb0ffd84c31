package org.radtrial.dicom.pacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.dicom.deid.CheckDeid;
import org.radtrial.dicom.deid.DeidOption;
import org.radtrial.dicom.deid.DeidSettings;
import org.radtrial.dicom.deid.DeidentifyRun;
import org.radtrial.dicom.deid.PseudonymKey;
import org.radtrial.dicom.scan.ScanListener;
import org.radtrial.dicom.synth.SyntheticTree;

/** {@code dicom push} into a real Orthanc: STOW-RS and C-STORE, and the refusal of a tree that is not de-identified. */
class PushTest {
  @RegisterExtension static final Orthanc ORTHANC = new Orthanc();
  @TempDir static Path trees;
  @TempDir Path work;
  static Path raw;
  static Path clean;

  @BeforeAll
  static void trees() {
    raw = trees.resolve("raw");
    clean = trees.resolve("clean");
    SyntheticTree.write(raw, 2, true, 7);
    byte[] secret = new byte[32];
    new java.util.Random(7).nextBytes(secret);
    DeidentifyRun.run(raw, clean, trees.resolve("mapping.csv"), trees.resolve("review.csv"),
        new DeidSettings(EnumSet.of(DeidOption.RETAIN_PATIENT_CHARACTERISTICS, DeidOption.CLEAN_STRUCTURED_CONTENT),
            PseudonymKey.of(secret)), List.of(), ScanListener.NONE);
    assertThat(CheckDeid.check(clean).findings()).as("the de-identified tree passes check-deid").isEmpty();
  }

  @BeforeEach
  void empty() throws Exception {
    ORTHANC.clear();
  }

  private ArchiveSettings web(String password) throws Exception {
    return ArchiveSettings.web(new ArchiveAddress.Web(ORTHANC.dicomWeb()), Credentials.fromFile(Orthanc.credentialsFile(work, password)),
        Duration.ofSeconds(20));
  }

  private ArchiveSettings dimse() {
    return new ArchiveSettings(new ArchiveAddress.Dimse(Orthanc.AE, "127.0.0.1", ORTHANC.dicomPort()), null, "RADTRIAL",
        ArchiveSettings.DimseRetrieve.GET, 0, Duration.ofSeconds(20));
  }

  private int instancesInOrthanc() throws Exception {
    String body = ORTHANC.get("/instances").body().replaceAll("\\s", "");
    return body.equals("[]") ? 0 : body.split(",").length;
  }

  @Test
  void aTreeThatHasNotPassedCheckDeidIsRefusedAndNothingIsSent() throws Exception {
    assertThatThrownBy(() -> PacsPush.push(web(Orthanc.PASSWORD), raw, 2, false, (p, d, t, f, b) -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(raw + " has not passed check-deid: ")
        .hasMessageContaining("give --allow-identifiable");
    assertThat(instancesInOrthanc()).isZero();
  }

  @Test
  void aDeidentifiedTreeGoesInByStowRsAndComesBackByteIdentical() throws Exception {
    Files.writeString(clean.resolve("README.txt"), "not DICOM, not sent");
    try {
      PacsPush.Result r = PacsPush.push(web(Orthanc.PASSWORD), clean, 3, false, (p, d, t, f, b) -> { });
      assertThat(r.stored()).isEqualTo(10);
      assertThat(r.notDicom()).isEqualTo(1);
      assertThat(r.failed()).isEmpty();
      assertThat(r.checked()).isTrue();
    } finally {
      Files.delete(clean.resolve("README.txt"));
    }
    assertThat(instancesInOrthanc()).isEqualTo(10);

    List<Path> pushed = PacsFixtures.files(clean);
    Map<String, Path> bySop = PacsFixtures.bySopUid(pushed);
    List<String> studies = pushed.stream().map(PacsFixtures::studyUid).distinct().toList();
    Path back = work.resolve("back");
    PacsPull.pull(web(Orthanc.PASSWORD), KeyKind.STUDY_UID, studies, back, 2, false, (p, d, t, f, b) -> { });
    List<Path> pulled = PacsFixtures.files(back);
    assertThat(pulled).hasSize(10);
    for (Path p : pulled) {
      assertThat(Files.readAllBytes(p)).isEqualTo(Files.readAllBytes(bySop.get(p.getFileName().toString().replace(".dcm", ""))));
    }
  }

  @Test
  void aDeidentifiedTreeGoesInByCStore() throws Exception {
    PacsPush.Result r = PacsPush.push(dimse(), clean, 2, false, (p, d, t, f, b) -> { });
    assertThat(r.stored()).isEqualTo(10);
    assertThat(r.failed()).isEmpty();
    assertThat(instancesInOrthanc()).isEqualTo(10);
  }

  @Test
  void allowIdentifiablePushesWithoutTheCheckAndSaysSo() throws Exception {
    PacsPush.Result r = PacsPush.push(dimse(), raw, 2, true, (p, d, t, f, b) -> { });
    assertThat(r.stored()).isEqualTo(10);
    assertThat(r.checked()).isFalse();
  }

  @Test
  void aWrongPasswordStopsThePushWithOneLine() throws Exception {
    assertThatThrownBy(() -> PacsPush.push(web("not-it"), clean, 2, false, (p, d, t, f, b) -> { }))
        .isInstanceOf(PacsException.class)
        .hasMessageContaining("refused the credentials from the credentials file")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-it"));
    assertThat(instancesInOrthanc()).isZero();
  }
}

package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DicomCommandTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"scan", "join", "deidentify", "check-deid", "results", "synth"})
  void everySubcommandHasHelp(String sub) {
    CliRun run = CliRun.of("dicom", sub, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: radtrial dicom " + sub);
  }

  @Test
  void theDemoFeedsTheAuditByVendorAndAge() throws IOException {
    Path archive = dir.resolve("archive");
    assertThat(CliRun.of("dicom", "synth", "--out", archive.toString(), "--exams", "120").exitCode()).isZero();
    CliRun scan = CliRun.of("dicom", "scan", archive.resolve("images").toString(), "--out", dir.resolve("exams.parquet").toString());
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    assertThat(scan.out()).contains("480 instances in 120 exams; 0 files with errors");
    assertThat(scan.err()).contains("files/s");
    CliRun results = CliRun.of("dicom", "results", archive.resolve("ai").toString(), "--out", dir.resolve("scores.csv").toString());
    assertThat(results.exitCode()).as(results.err()).isZero();
    CliRun join = CliRun.of("dicom", "join", "--cases", archive.resolve("truth.csv").toString(), "--key", "accession_number",
        "--add", dir.resolve("exams.parquet").toString(), "--add", dir.resolve("scores.csv").toString(),
        "--out", dir.resolve("cases.csv").toString());
    assertThat(join.exitCode()).as(join.err()).isZero();
    assertThat(join.out()).contains("matched 120 of them");
    List<String> header = List.of(Files.readAllLines(dir.resolve("cases.csv")).get(0).split(","));
    assertThat(header).contains("manufacturer", "patient_age", "breast_ai");
    CliRun audit = CliRun.of("audit", "--cases", dir.resolve("cases.csv").toString(), "--id", "accession_number", "--truth", "cancer",
        "--positive", "1", "--models", "breast_ai", "--threshold", "breast_ai=0.3", "--group", "manufacturer,patient_age",
        "--bootstrap", "0", "--slice-depth", "0", "--out", dir.resolve("audit").toString());
    assertThat(audit.exitCode()).as(audit.err()).isZero();
    assertThat(Files.readString(dir.resolve("audit/results.json"))).contains("Vendor C").contains("patient_age");
  }

  @Test
  void strictScanExitsTwoWhenAFileIsBadButWritesTheTables() throws IOException {
    Path images = dir.resolve("images");
    CliRun.of("dicom", "synth", "--out", dir.toString(), "--exams", "1", "--images-only");
    Files.writeString(images.resolve("notes.txt"), "not dicom");
    CliRun run = CliRun.of("dicom", "scan", images.toString(), "--out", dir.resolve("exams.csv").toString(), "--strict");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--strict: 1 problem(s) in 1 file(s)");
    assertThat(Files.readString(dir.resolve("exams.errors.csv"))).contains("notes.txt,error,\"not a DICOM file");
    assertThat(Files.readAllLines(dir.resolve("exams.instances.csv"))).hasSize(5);
  }

  @Test
  void aBadOutExtensionIsOneLineAndExitTwo() {
    CliRun run = CliRun.of("dicom", "scan", dir.toString(), "--out", dir.resolve("exams.xlsx").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("radtrial: " + dir.resolve("exams.xlsx") + ": write a .csv or a .parquet file (the extension chooses the format)");
  }

  @Test
  void deidentifyThenCheckDeidFindsNothingAndTheMappingStaysOutside() throws IOException {
    CliRun.of("dicom", "synth", "--out", dir.resolve("src").toString(), "--exams", "3");
    Files.delete(dir.resolve("src/truth.csv"));
    Path out = dir.resolve("deid");
    CliRun run = CliRun.of("dicom", "deidentify", dir.resolve("src").toString(), out.toString(), "--key", dir.resolve("key.hex").toString(),
        "--mapping", dir.resolve("mapping.csv").toString(), "--retain-patient-characteristics", "--clean-structured-content");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Created a new key");
    assertThat(Files.readAllLines(dir.resolve("mapping.csv"))).hasSize(4).anySatisfy(l -> assertThat(l).startsWith("PID000001,RT"));
    CliRun check = CliRun.of("dicom", "check-deid", out.toString());
    assertThat(check.exitCode()).as(check.out()).isZero();
    assertThat(check.out()).contains("nothing left");
    CliRun inside = CliRun.of("dicom", "deidentify", dir.resolve("src").toString(), out.toString(), "--key", dir.resolve("key.hex").toString(),
        "--mapping", out.resolve("mapping.csv").toString());
    assertThat(inside.exitCode()).isEqualTo(2);
    assertThat(inside.err()).contains("is inside OUT");
  }

  @Test
  void checkDeidReportsAnIdentifiedTree() {
    CliRun.of("dicom", "synth", "--out", dir.toString(), "--exams", "1", "--images-only");
    CliRun check = CliRun.of("dicom", "check-deid", dir.resolve("images").toString());
    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.out()).contains("PatientIdentityRemoved (0012,0062) is not YES").contains("PatientAddress (0010,1040)");
  }

  /** The reason 'scan' gives for a file that is not DICOM (dicom's DicomFiles.NOT_DICOM), expected everywhere. */
  private static final String NOT_DICOM = "not a DICOM file: no 'DICM' at byte 128, and the first bytes are not a DICOM data set's first tag";

  @Test
  void deidentifyGivesANonDicomFileTheSameReasonAsScan() throws IOException {
    CliRun.of("dicom", "synth", "--out", dir.resolve("src").toString(), "--exams", "1", "--images-only");
    // a CSV begins "ca" "se": PixelMed read it as tag (6163,6573) and complained about a UN attribute
    Files.writeString(dir.resolve("src/images/cases.csv"), "case_id,truth\n1,0\n");
    CliRun run = CliRun.of("dicom", "deidentify", dir.resolve("src/images").toString(), dir.resolve("deid").toString(),
        "--key", dir.resolve("key.hex").toString(), "--mapping", dir.resolve("mapping.csv").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("  cases.csv: error: " + NOT_DICOM + "\n").doesNotContain("UN attribute").doesNotContain("(0x6163");
    CliRun scan = CliRun.of("dicom", "scan", dir.resolve("src/images").toString(), "--out", dir.resolve("exams.csv").toString());
    assertThat(scan.out()).contains("  cases.csv: error: " + NOT_DICOM + "\n");
  }

  @Test
  void scanOfAFolderWithoutDicomFilesSaysSoAndExitsTwo() throws IOException {
    Path notes = Files.createDirectories(dir.resolve("notes"));
    Files.writeString(notes.resolve("readme.txt"), "not dicom");
    CliRun run = CliRun.of("dicom", "scan", notes.toString(), "--out", dir.resolve("exams.csv").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("radtrial: no DICOM file under " + notes + ": none of its 1 files could be read as DICOM (the reasons are in "
        + dir.resolve("exams.errors.csv") + "); check that DIR is the folder of the images");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliRun none = CliRun.of("dicom", "scan", empty.toString(), "--out", dir.resolve("exams2.csv").toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("radtrial: no DICOM file under " + empty + " (the folder holds no file at all)");
  }

  @Test
  void theKeyIsCreatedOwnerOnlyLikeTheMapping() throws IOException {
    CliRun.of("dicom", "synth", "--out", dir.resolve("src").toString(), "--exams", "1", "--images-only");
    Path key = dir.resolve("secret/key.hex");
    CliRun run = CliRun.of("dicom", "deidentify", dir.resolve("src/images").toString(), dir.resolve("deid").toString(),
        "--key", key.toString(), "--mapping", dir.resolve("mapping.csv").toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("mapping.csv"))))
        .isEqualTo("rw-------");
    assertThat(run.err()).doesNotContain("warning");
  }

  @Test
  void aKeyFileOthersCanReadGetsAWarning() throws IOException {
    CliRun.of("dicom", "synth", "--out", dir.resolve("src").toString(), "--exams", "1", "--images-only");
    Path key = dir.resolve("key.hex");
    Files.writeString(key, "00".repeat(32) + "\n");
    Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    CliRun run = CliRun.of("dicom", "deidentify", dir.resolve("src/images").toString(), dir.resolve("deid").toString(),
        "--key", key.toString(), "--mapping", dir.resolve("mapping.csv").toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.err()).contains("radtrial: warning: " + key + ": the secret key can be read or changed by others (mode rw-r--r--);"
        + " make it owner-only: chmod 600 " + key);
  }
}

package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.dicom.pacs.Orthanc;
import org.radtrial.dicom.synth.SyntheticTree;

/** {@code radtrial dicom pull} against a real Orthanc on loopback, and on into scan, results, join and evaluate. */
class DicomPullCommandTest {
  @RegisterExtension static final Orthanc ORTHANC = new Orthanc();
  @TempDir static Path source;
  @TempDir Path dir;
  static SyntheticTree.Written written;

  @BeforeAll
  static void load() throws Exception {
    written = SyntheticTree.write(source, 40, true, 2026);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(p -> p.toString().endsWith(".dcm")).toList();
    }
    ORTHANC.store(files);
  }

  private CliRun pull(Path credentials, String... extra) {
    List<String> args = new ArrayList<>(List.of("dicom", "pull", "--from", ORTHANC.dicomWeb().toString(), "--cases",
        source.resolve("truth.csv").toString(), "--key", "accession_number", "--out", dir.resolve("pulled").toString(),
        "--credentials", credentials.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void pulledStudiesFeedScanResultsJoinAndEvaluateAndTheSecretAppearsNowhere() throws Exception {
    assertThat(written.cancers()).as("the synthetic cohort has both classes").isBetween(2, 38);
    CliRun pull = pull(Orthanc.credentialsFile(dir, Orthanc.PASSWORD));
    assertThat(pull.exitCode()).as(pull.err()).isZero();
    assertThat(pull.out()).contains("40 exams in").contains("pulled: 40; already present: 0; not found: 0; ambiguous: 0; failed: 0")
        .contains("200 files");
    assertThat(pull.err()).contains("retrieving").contains("40/40 exams").contains("MB/s");
    assertThat(Files.readAllLines(dir.resolve("pulled.pull.csv"))).hasSize(41).first().isEqualTo(
        "key,status,study_instance_uid,instances,fetched,message");

    CliRun scan = CliRun.of("dicom", "scan", dir.resolve("pulled").toString(), "--out", dir.resolve("exams.csv").toString());
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    assertThat(scan.out()).contains("200 instances in 40 exams; 0 files with errors");
    CliRun results = CliRun.of("dicom", "results", dir.resolve("pulled").toString(), "--out", dir.resolve("scores.csv").toString());
    assertThat(results.exitCode()).as(results.err()).isZero();
    CliRun join = CliRun.of("dicom", "join", "--cases", source.resolve("truth.csv").toString(), "--key", "accession_number",
        "--add", dir.resolve("exams.csv").toString(), "--add", dir.resolve("scores.csv").toString(), "--out",
        dir.resolve("cases.csv").toString());
    assertThat(join.exitCode()).as(join.err()).isZero();
    assertThat(join.out()).contains("exams.csv: matched 40 of them").contains("scores.csv: matched 40 of them");
    CliRun evaluate = CliRun.of("evaluate", "--cases", dir.resolve("cases.csv").toString(), "--id", "accession_number", "--truth",
        "cancer", "--positive", "1", "--models", "breast_ai", "--bootstrap", "0", "--out", dir.resolve("evaluation").toString());
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    assertThat(dir.resolve("evaluation/results.json")).exists();

    // a rerun finds everything there
    CliRun again = pull(Orthanc.credentialsFile(dir, Orthanc.PASSWORD));
    assertThat(again.out()).contains("pulled: 0; already present: 40");

    // the password is in the credentials file only: not in any output, table, results.json or argument
    List<String> texts = new ArrayList<>(List.of(pull.out(), pull.err(), scan.out(), scan.err(), results.out(), join.out(),
        evaluate.out(), evaluate.err(), again.out(), again.err()));
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("pacs-credentials")).toList()) {
        texts.add(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(texts).hasSizeGreaterThan(200).noneMatch(t -> t.contains(Orthanc.PASSWORD) || t.contains(basic(Orthanc.PASSWORD)));
  }

  /** The password as it travels in the Authorization header. */
  private static String basic(String password) {
    return java.util.Base64.getEncoder().encodeToString((Orthanc.USER + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aWrongPasswordIsOneLineWithoutThePasswordAndNothingIsWritten() throws Exception {
    CliRun run = pull(Orthanc.credentialsFile(dir, "wrong-Pa55word"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("radtrial: the archive at " + ORTHANC.dicomWeb() + " refused the credentials from the"
        + " credentials file").contains("(HTTP 401): check the user name, password or token").doesNotContain("wrong-Pa55word")
        .doesNotContain(basic("wrong-Pa55word"));
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(dir.resolve("pulled")).doesNotExist();
    assertThat(dir.resolve("pulled.pull.csv")).doesNotExist();
  }

  @Test
  void pullsThroughDimseWithCGetAndOurOwnAeTitle() throws Exception {
    Path cases = dir.resolve("cases.csv");
    Files.writeString(cases, "accession\nACC0000003\nACC0000004\n");
    CliRun run = CliRun.of("dicom", "pull", "--from", Orthanc.AE + "@127.0.0.1:" + ORTHANC.dicomPort(), "--calling-ae", "RADTRIAL_TEST",
        "--cases", cases.toString(), "--key", "accession", "--out", dir.resolve("pulled").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("from ORTHANC@127.0.0.1:" + ORTHANC.dicomPort()).contains("pulled: 2;").contains("10 files");
  }

  @Test
  void credentialsForADimseArchiveAreRefused() throws Exception {
    CliRun run = CliRun.of("dicom", "pull", "--from", "ORTHANC@127.0.0.1:" + ORTHANC.dicomPort(), "--credentials",
        Orthanc.credentialsFile(dir, Orthanc.PASSWORD).toString(), "--cases", source.resolve("truth.csv").toString(), "--key",
        "accession_number", "--out", dir.resolve("pulled").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("credentials are for DICOMweb");
  }

  @Test
  void pushRefusesATreeThatHasNotPassedCheckDeidInOneLineAndPushesItWhenAllowed() throws Exception {
    Path images = source.resolve("images").resolve("ACC0000001");
    CliRun refused = CliRun.of("dicom", "push", images.toString(), "--to", ORTHANC.dicomWeb().toString(), "--credentials",
        Orthanc.credentialsFile(dir, Orthanc.PASSWORD).toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err().strip()).startsWith("radtrial: " + images + " has not passed check-deid: ").endsWith(
        "give --allow-identifiable");
    assertThat(refused.err().strip().lines()).hasSize(1);
    CliRun allowed = CliRun.of("dicom", "push", images.toString(), "--to", Orthanc.AE + "@127.0.0.1:" + ORTHANC.dicomPort(),
        "--allow-identifiable");
    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    assertThat(allowed.out()).contains("Stored 4 files").contains("Not checked for identifying data (--allow-identifiable).");
  }

  @Test
  void aCredentialsFileOthersCanReadGetsAWarningWithTheFix() throws Exception {
    Path file = Orthanc.credentialsFile(dir, Orthanc.PASSWORD);
    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    CliRun run = pull(file, "--list");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("radtrial: warning: " + file + ": the credentials file can be read or changed by others (mode"
        + " rw-r--r--); make it owner-only: chmod 600 " + file);
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
    CliRun run = CliRun.of("dicom", "pull", "--from", "http://radtrial:hunter2@127.0.0.1:" + ORTHANC.httpPort() + "/dicom-web",
        "--cases", source.resolve("truth.csv").toString(), "--key", "accession_number", "--out", dir.resolve("pulled").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("radtrial: the archive URL holds a user name or password").doesNotContain("hunter2");
  }

  @Test
  void listOnlySaysWhatWouldBePulledAndExitsTwoWhenAnExamIsNotFound() throws Exception {
    Path cases = dir.resolve("cases.csv");
    Files.writeString(cases, "accession_number\nACC0000001\nACC0000002\nNOPE-1\n\n");
    CliRun run = CliRun.of("dicom", "pull", "--from", ORTHANC.dicomWeb().toString(), "--cases", cases.toString(), "--key",
        "accession_number", "--out", dir.resolve("pulled").toString(), "--credentials",
        Orthanc.credentialsFile(dir, Orthanc.PASSWORD).toString(), "--list");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).contains("found: 2; not found: 1; ambiguous: 0").contains("NOPE-1: no study with AccessionNumber NOPE-1");
    assertThat(dir.resolve("pulled")).doesNotExist();
    assertThat(Files.readString(dir.resolve("pulled.pull.csv"))).contains("NOPE-1,not_found");
  }
}

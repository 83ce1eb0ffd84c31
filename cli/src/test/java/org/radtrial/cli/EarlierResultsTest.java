package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rerun into the same OUT replaces the earlier results only when it succeeds; OUT must be a writable folder. */
class EarlierResultsTest {
  @TempDir Path dir;

  private Path table(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private Path good() throws IOException {
    return table("cases.csv", "id,truth,a,b,site\nc1,1,0.9,0.8,x\nc2,0,0.1,0.3,y\nc3,1,0.7,0.2,x\nc4,0,0.4,0.5,y\n"
        + "c5,1,0.6,0.9,y\nc6,0,0.2,0.1,x\n");
  }

  private CliRun evaluate(Path cases, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--cases", cases.toString(), "--id", "id", "--truth", "truth",
        "--positive", "1", "--models", "a,b", "--bootstrap", "0", "--out", out.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aFailedRerunKeepsTheEarlierResultsAndReportAndSaysSo() throws IOException {
    Path out = dir.resolve("out");
    assertThat(evaluate(good(), out).exitCode()).isZero();
    byte[] results = Files.readAllBytes(out.resolve("results.json"));
    byte[] report = Files.readAllBytes(out.resolve("report.html"));
    Path bad = table("bad.csv", "id,truth,a,b,site\nc1,1,0.9,0.8,x\nc2,0,n.a.,0.3,y\n");

    CliRun failed = evaluate(bad, out);

    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(failed.err().strip()).isEqualTo("radtrial: " + bad + ", row 2, column 'a': 'n.a.' is not a number;"
        + " model scores must be decimal numbers such as 0.42 or 3e-2 (with '.' as the decimal point); nothing was written: the"
        + " earlier results.json and report.html in " + out + " were kept as they were");
    assertThat(Files.readAllBytes(out.resolve("results.json"))).isEqualTo(results);
    assertThat(Files.readAllBytes(out.resolve("report.html"))).isEqualTo(report);
    try (var files = Files.list(out)) {
      assertThat(files).containsExactlyInAnyOrder(out.resolve("results.json"), out.resolve("report.html"));
    }
  }

  @Test
  void aFailedAuditKeepsTheEarlierResults() throws IOException {
    Path out = dir.resolve("audit");
    assertThat(evaluate(good(), out).exitCode()).isZero();
    byte[] results = Files.readAllBytes(out.resolve("results.json"));
    CliRun failed = CliRun.of("audit", "--cases", good().toString(), "--id", "id", "--truth", "truth", "--positive", "1",
        "--models", "a", "--threshold", "0.5", "--group", "sitee", "--bootstrap", "0", "--out", out.toString());
    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(failed.err()).contains("were kept as they were");
    assertThat(Files.readAllBytes(out.resolve("results.json"))).isEqualTo(results);
  }

  @Test
  void aSuccessfulRerunReplacesBoth() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("results.json"), "{\"old\": true}");
    Files.writeString(out.resolve("report.html"), "<p>old</p>");
    CliRun run = evaluate(good(), out);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(out.resolve("results.json"))).contains("\"models\"");
    assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("<p>old</p>");
  }

  @Test
  void aSuccessfulRerunWithoutReportRemovesTheEarlierReport() throws IOException {
    Path out = dir.resolve("out");
    assertThat(evaluate(good(), out).exitCode()).isZero();
    CliRun run = evaluate(good(), out, "--no-report");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("results.json")).exists();
    assertThat(out.resolve("report.html")).doesNotExist();
  }

  @Test
  void outNamingAFileSaysThatOutMustBeAFolder() throws IOException {
    Path file = table("afile", "mine");
    CliRun run = evaluate(good(), file);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("radtrial: --out " + file + ": this is a file; OUT must be a folder"
        + " (results.json and report.html are written into it): give a folder's path, e.g. --out afile-results/");
    assertThat(Files.readString(file)).isEqualTo("mine");
  }

  @Test
  void outInsideAFileNamesTheFile() throws IOException {
    Path file = table("afile", "mine");
    CliRun run = evaluate(good(), file.resolve("sub"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(file + " is a file; OUT must be a folder");
  }

  @Test
  void anUnwritableOutSaysPermissionDenied() throws IOException {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeTrue(!Files.isWritable(locked), "running as root: permissions are not enforced");
      CliRun run = evaluate(good(), locked);
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip()).isEqualTo("radtrial: --out " + locked + ": cannot write into " + locked
          + " (permission denied); choose another --out or make the folder writable");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}

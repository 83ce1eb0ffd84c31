package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.dicom.PydicomFiles;

/**
 * PixelMed reports some reading problems only by logging them through SLF4J; dicom's PixelMedLog
 * turns them into problems only when SLF4J is bound to java.util.logging. This runs the command line
 * on the class path it ships with (cli's dependencies in their order), so a binding to another back
 * end (slf4j-simple printed them to stderr) loses them here, as it did in the shipped jar.
 */
class DicomScanLoggingTest {
  @TempDir Path dir;

  private List<String> problems(String file) throws IOException {
    return Files.readAllLines(dir.resolve("exams.errors.csv")).stream().filter(l -> l.startsWith(file + ",")).toList();
  }

  @Test
  void pixelMedsLoggedComplaintsBecomeProblemsOfTheScan() throws IOException {
    Path samples = PydicomFiles.folder();
    CliRun scan = CliRun.of("dicom", "scan", samples.toString(), "--out", dir.resolve("exams.csv").toString());
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    // dcmdump rtplan_truncated.dcm: "IsocenterPosition (300a,012c) larger (50) than remaining bytes (29)"
    assertThat(problems("rtplan_truncated.dcm")).as("exams.errors.csv").anySatisfy(p ->
        assertThat(p).contains(",error,").contains("(0x300a,0x012c)"));
    assertThat(Files.readAllLines(dir.resolve("exams.instances.csv"))).noneMatch(l -> l.startsWith("rtplan_truncated.dcm,"));
    assertThat(problems("meta_missing_tsyntax.dcm")).anySatisfy(p -> assertThat(p).contains(",warning,").contains("read with a repair"));
    assertThat(problems("nested_priv_SQ.dcm")).anySatisfy(p -> assertThat(p).contains(",warning,").contains("read with a repair"));
  }
}

package org.radtrial.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.AttributeList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.dicom.scan.DicomScanner;
import org.radtrial.dicom.scan.ExamTable;
import org.radtrial.dicom.scan.ScanListener;
import org.radtrial.dicom.scan.ScanResult;
import org.radtrial.dicom.scan.ScanTables;
import org.radtrial.dicom.synth.SyntheticDicom;
import org.radtrial.dicom.synth.SyntheticTree;
import org.radtrial.dicom.table.CaseJoin;

/**
 * The Spark scan against {@code radtrial dicom scan} (DicomScanner, ExamTable, ScanTables: what the
 * command runs) on one archive: synthetic mammography exams with their AI reports, python3-pydicom's
 * sample files (CT, MR in six encodings, i.e. one SOPInstanceUID in six files, SR, SEG, RT; truncated
 * files, a bad VR, a missing transfer syntax, a text file), an empty file, and a file whose header is
 * larger than the limit.
 */
class ScanJobTest {
  private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
  @TempDir static Path dir;
  private static Path archive;
  private static Path single;
  private static Path spark;

  @BeforeAll
  static void scanBothWays() throws IOException {
    TestSpark.session(); // first: it routes PixelMed's log (through SLF4J to Log4j 2) back to the problem table, for both scans
    archive = dir.resolve("archive");
    SyntheticTree.write(archive.resolve("mammo"), 12, true, 7);
    if (Files.isDirectory(PYDICOM)) {
      TestSpark.copyTree(PYDICOM, archive.resolve("pydicom"));
    }
    Files.createFile(archive.resolve("empty.dcm"));

    single = dir.resolve("single/exams.parquet");
    ScanResult scan = DicomScanner.scan(archive, Map.of(), 2, ScanListener.NONE);
    ExamTable.Exams exams = ExamTable.build(scan.instances());
    ScanTables.write(single, scan, exams, ScanTables.allProblems(scan, exams));

    spark = dir.resolve("spark");
    ScanJob.run(TestSpark.session(), Archive.of(archive.toString()), spark, Map.of(), 7, 64L << 20);
  }

  private static Path firstImage(Path images) {
    return DicomFiles.under(images).get(0);
  }

  @Test
  void theExamTableIsTheSingleMachineOneRowForRowAndTypeForType() {
    List<String> expected = TestSpark.rows("SELECT * FROM read_parquet('" + single + "')");
    List<String> actual = TestSpark.rows("SELECT * FROM read_parquet('" + spark.resolve(ScanJob.EXAMS) + "')");
    assertThat(expected).hasSizeGreaterThan(12);
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void theInstanceTableIsTheSingleMachineOne() {
    List<String> expected = TestSpark.rows("SELECT * FROM read_parquet('" + ScanTables.instancesFile(single) + "') ORDER BY file");
    List<String> actual = TestSpark.rows("SELECT * FROM read_parquet('" + spark.resolve(ScanJob.INSTANCES) + "/*.parquet') ORDER BY file");
    assertThat(expected).hasSizeGreaterThan(60);
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void theProblemTableIsTheSingleMachineOneInItsOrder() {
    List<String> expected = TestSpark.rows("SELECT * FROM read_parquet('" + ScanTables.errorsFile(single) + "')");
    List<String> actual = TestSpark.rows("SELECT * FROM read_parquet('" + spark.resolve(ScanJob.ERRORS) + "')");
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(String.join("\n", actual)).contains("empty.dcm | error | not a DICOM file: the file is empty");
    if (Files.isDirectory(PYDICOM)) {
      // PixelMed's logged repairs, as radtrial dicom scan reports them with java.util.logging (the dicom module's tests)
      assertThat(String.join("\n", actual))
          .contains("pydicom/meta_missing_tsyntax.dcm | warning | read with a repair: read(): Ignoring bad Item at 218 (0xfffe,0xe000)")
          .contains("pydicom/nested_priv_SQ.dcm | warning | read with a repair: read(): Ignoring bad Item at 244 (0xfffe,0xe000)");
      assertThat(String.join("\n", actual)).contains("pydicom/MR_truncated.dcm | error | truncated")
          .contains("pydicom/README.txt | error | not a DICOM file").contains("same SOPInstanceUID as pydicom/");
    }
  }

  @Test
  void aHeaderOverTheLimitIsAnErrorRowNotAFailedJob() throws IOException {
    // a header of 3 MB before Pixel Data (a long text): over a 1 MiB limit it is the file's error, not a full read
    Path limited = dir.resolve("limited");
    Path normal = firstImage(archive.resolve("mammo/images"));
    Files.createDirectories(limited.resolve("in"));
    Files.copy(normal, limited.resolve("in/normal.dcm"));
    AttributeList big = DicomFiles.readAll(normal);
    DataSet.set(big, "TextValue", "x".repeat(3 << 20));
    SyntheticDicom.write(big, limited.resolve("in/huge/header.dcm"));
    ScanJob.Summary summary = ScanJob.run(TestSpark.session(), Archive.of(limited.resolve("in").toString()), limited.resolve("out"),
        Map.of(), 1, 1 << 20);
    assertThat(summary.files()).isEqualTo(2);
    assertThat(summary.instances()).as(String.join("\n", TestSpark.rows("SELECT * FROM read_parquet('"
        + limited.resolve("out").resolve(ScanJob.ERRORS) + "')"))).isEqualTo(1);
    List<String> problems = TestSpark.rows("SELECT file, severity, problem FROM read_parquet('" + limited.resolve("out").resolve(ScanJob.ERRORS) + "')");
    assertThat(problems).hasSize(2);
    assertThat(problems.get(1)).startsWith("huge/header.dcm | error | too large: the header (everything before Pixel Data) is longer than"
        + " 1048576 bytes");
  }

  @Test
  void theExamTableJoinedToOutcomesIsTheSameCaseTableForEvaluate() throws IOException {
    Path images = archive.resolve("mammo/images");
    Path out = dir.resolve("join");
    ScanJob.run(TestSpark.session(), Archive.of(images.toString()), out.resolve("spark"), Map.of(), 100, 64L << 20);
    ScanResult scan = DicomScanner.scan(images, Map.of(), 2, ScanListener.NONE);
    ExamTable.Exams exams = ExamTable.build(scan.instances());
    ScanTables.write(out.resolve("single.parquet"), scan, exams, ScanTables.allProblems(scan, exams));
    Path truth = archive.resolve("mammo/truth.csv");
    CaseJoin.join(new CaseJoin.Side(truth, "accession_number"),
        List.of(new CaseJoin.Side(out.resolve("spark").resolve(ScanJob.EXAMS), "accession_number")), out.resolve("cases-spark.csv"));
    CaseJoin.join(new CaseJoin.Side(truth, "accession_number"),
        List.of(new CaseJoin.Side(out.resolve("single.parquet"), "accession_number")), out.resolve("cases-single.csv"));
    assertThat(Files.readAllLines(out.resolve("cases-spark.csv"))).hasSize(13).first().asString().contains("manufacturer,");
    assertThat(Files.mismatch(out.resolve("cases-spark.csv"), out.resolve("cases-single.csv"))).isEqualTo(-1);
  }
}

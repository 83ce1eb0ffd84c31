package org.radtrial.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.dicom.deid.CheckDeid;
import org.radtrial.dicom.deid.DeidOption;
import org.radtrial.dicom.deid.DeidSettings;
import org.radtrial.dicom.deid.DeidentifyRun;
import org.radtrial.dicom.deid.PseudonymKey;
import org.radtrial.dicom.scan.ScanListener;
import org.radtrial.dicom.synth.SyntheticTree;

/**
 * The Spark de-identification against {@code radtrial dicom deidentify} (DeidentifyRun.run, what the
 * command runs) with the same key and options on the same input: synthetic mammograms and AI SRs,
 * 12 of python3-pydicom's samples (CT, MR in four encodings, ultrasound-like secondary captures for
 * the review list, RT, SR, SEG) and two files that are not DICOM (the archive's truth.csv, pydicom's README.txt).
 */
class DeidentifyJobTest {
  private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
  private static final List<String> SAMPLES = List.of("CT_small.dcm", "MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm",
      "MR_small_RLE.dcm", "SC_rgb_small_odd.dcm", "SC_rgb_rle.dcm", "rtplan.dcm", "test-SR.dcm", "liver_1frame.dcm", "README.txt");
  private static final Set<DeidOption> OPTIONS = EnumSet.of(DeidOption.RETAIN_PATIENT_CHARACTERISTICS,
      DeidOption.RETAIN_LONGITUDINAL_MODIFIED_DATES, DeidOption.CLEAN_DESCRIPTORS, DeidOption.CLEAN_STRUCTURED_CONTENT);
  @TempDir static Path dir;
  private static Path in;
  private static DeidentifyRun.Summary single;
  private static DeidentifyJob.Summary spark;

  @BeforeAll
  static void deidentifyBothWays() throws IOException {
    in = dir.resolve("in");
    SyntheticTree.write(in.resolve("mammo"), 6, true, 11);
    if (Files.isDirectory(PYDICOM)) {
      Files.createDirectories(in.resolve("pydicom"));
      for (String name : SAMPLES) {
        Files.copy(PYDICOM.resolve(name), in.resolve("pydicom").resolve(name));
      }
    }
    Path key = dir.resolve("secret/key.hex");
    PseudonymKey.Loaded loaded = PseudonymKey.loadOrCreate(key);
    single = DeidentifyRun.run(in, dir.resolve("single"), dir.resolve("secret/single-mapping.csv"), dir.resolve("single-review.csv"),
        new DeidSettings(OPTIONS, loaded.key()), List.of(), ScanListener.NONE);
    spark = DeidentifyJob.run(TestSpark.session(), in, dir.resolve("spark"), key, dir.resolve("secret/spark-mapping.csv"),
        dir.resolve("spark-review.csv"), OPTIONS, List.of(), 5);
  }

  @Test
  void everyOutputFileIsByteForByteTheSingleMachineOne() throws IOException {
    List<String> expected = DicomFiles.under(dir.resolve("single")).stream().map(f -> DicomFiles.relative(dir.resolve("single"), f)).toList();
    List<String> actual = DicomFiles.under(dir.resolve("spark")).stream().map(f -> DicomFiles.relative(dir.resolve("spark"), f)).toList();
    assertThat(expected).hasSizeGreaterThan(30);
    assertThat(actual).containsExactlyElementsOf(expected);
    for (String name : expected) {
      assertThat(Files.mismatch(dir.resolve("single").resolve(name), dir.resolve("spark").resolve(name))).as(name).isEqualTo(-1);
    }
  }

  @Test
  void theMappingAndTheReviewListAreTheSingleMachineOnes() throws IOException {
    assertThat(Files.readString(dir.resolve("secret/spark-mapping.csv"))).isEqualTo(Files.readString(dir.resolve("secret/single-mapping.csv")));
    assertThat(Files.readAllLines(dir.resolve("secret/spark-mapping.csv"))).hasSizeGreaterThan(6);
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secret/spark-mapping.csv"))))
        .isEqualTo("rw-------");
    assertThat(Files.mismatch(dir.resolve("spark-review.csv"), dir.resolve("single-review.csv"))).isEqualTo(-1);
  }

  @Test
  void theSameFilesFailForTheSameReasons() {
    assertThat(spark.failures()).containsExactlyElementsOf(single.failures());
    if (Files.isDirectory(PYDICOM)) {
      // what the single-machine command also refuses: the synthetic archive's truth.csv and pydicom's README.txt
      assertThat(spark.failures()).extracting(f -> f.file()).containsExactly("mammo/truth.csv", "pydicom/README.txt");
    }
    assertThat(spark.written()).isEqualTo(single.written());
    assertThat(spark.files()).isEqualTo(single.files());
  }

  @Test
  void checkDeidFindsNothingInTheSparkOutput() {
    CheckDeid.Report report = CheckDeid.check(dir.resolve("spark"));
    assertThat(report.files()).isEqualTo(spark.written());
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void theInputIsUnchanged() throws IOException {
    // the pydicom copies are still the bytes Debian ships
    if (Files.isDirectory(PYDICOM)) {
      for (String name : SAMPLES) {
        assertThat(Files.mismatch(PYDICOM.resolve(name), in.resolve("pydicom").resolve(name))).as(name).isEqualTo(-1);
      }
    }
  }

  @Test
  void theKeyIsNeverShownByWhatTravelsToTheExecutors() throws IOException {
    String hex = Files.readString(dir.resolve("secret/key.hex")).strip();
    Secret secret = new Secret(java.util.HexFormat.of().parseHex(hex));
    assertThat(secret.toString()).doesNotContain(hex).doesNotContain(hex.substring(0, 8)).contains("not shown");
  }
}

package org.radtrial.dicom.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radtrial.dicom.PydicomFiles;

/**
 * Scans every file python3-pydicom ships as test data. Expected values come from DCMTK's dcmdump
 * 3.6.7 on the same files (the command is in each assertion's comment) and from the pydicom
 * README.txt beside them.
 */
class ScanPydicomFilesTest {
  private static ScanResult scan;
  private static Map<String, InstanceRow> byFile;

  @BeforeAll
  static void scanOnce() {
    scan = DicomScanner.scan(PydicomFiles.folder(), Map.of(), 2, ScanListener.NONE);
    byFile = scan.instances().stream().collect(Collectors.toMap(r -> r.get(InstanceColumn.FILE), r -> r));
  }

  private static List<ScanProblem> problems(String file) {
    return scan.problems().stream().filter(p -> p.file().equals(file)).toList();
  }

  @Test
  void everyFileYieldsARowOrAnErrorOrASkip() throws IOException {
    Set<String> files;
    try (Stream<Path> walk = Files.walk(PydicomFiles.FOLDER)) {
      files = walk.filter(Files::isRegularFile).map(p -> PydicomFiles.FOLDER.relativize(p).toString()).collect(Collectors.toSet());
    }
    assertThat(scan.files()).isEqualTo(files.size());
    for (String file : files) {
      boolean row = byFile.containsKey(file);
      boolean dropped = problems(file).stream().anyMatch(p -> p.severity() != Severity.WARNING);
      assertThat(row ^ dropped).as(file + ": exactly one of a row or an error/skip; problems " + problems(file)).isTrue();
    }
  }

  @Test
  void readsTheHeaderFieldsOfAnExplicitLittleEndianCt() {
    // dcmdump CT_small.dcm: Modality CT, Manufacturer GE MEDICAL SYSTEMS, ManufacturerModelName RHAPSODE,
    // Rows 128, Columns 128, KVP 120, SliceThickness 5.000000, StudyDate 20040119, PatientAge (absent), PatientSex F
    InstanceRow ct = byFile.get("CT_small.dcm");
    assertThat(ct.get(InstanceColumn.MODALITY)).isEqualTo("CT");
    assertThat(ct.get(InstanceColumn.MANUFACTURER)).isEqualTo("GE MEDICAL SYSTEMS");
    assertThat(ct.get(InstanceColumn.MANUFACTURER_MODEL_NAME)).isEqualTo("RHAPSODE");
    assertThat(ct.get(InstanceColumn.ROWS)).isEqualTo("128");
    assertThat(ct.get(InstanceColumn.COLUMNS)).isEqualTo("128");
    assertThat(ct.get(InstanceColumn.FRAMES)).isEqualTo("1");
    assertThat(ct.get(InstanceColumn.KVP)).isEqualTo("120");
    assertThat(ct.get(InstanceColumn.SLICE_THICKNESS)).isEqualTo("5");
    assertThat(ct.get(InstanceColumn.STUDY_DATE)).isEqualTo("2004-01-19");
    assertThat(ct.get(InstanceColumn.TRANSFER_SYNTAX_UID)).isEqualTo("1.2.840.10008.1.2.1");
  }

  @Test
  void readsEveryTransferSyntaxOfTheSameMrImage() {
    // MR_small*.dcm are one image in six encodings (pydicom README): the same header values in each
    for (String file : List.of("MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_RLE.dcm",
        "MR_small_jp2klossless.dcm", "MR_small_jpeg_ls_lossless.dcm")) {
      InstanceRow mr = byFile.get(file);
      assertThat(mr).as(file + " " + problems(file)).isNotNull();
      assertThat(mr.get(InstanceColumn.MODALITY)).as(file).isEqualTo("MR");
      assertThat(mr.get(InstanceColumn.ROWS)).as(file).isEqualTo("64");
      assertThat(mr.get(InstanceColumn.SOP_INSTANCE_UID)).as(file).isEqualTo(byFile.get("MR_small.dcm").get(InstanceColumn.SOP_INSTANCE_UID));
    }
    assertThat(byFile.get("MR_small_RLE.dcm").get(InstanceColumn.TRANSFER_SYNTAX_UID)).isEqualTo("1.2.840.10008.1.2.5");
    assertThat(byFile.get("MR_small_jpeg_ls_lossless.dcm").get(InstanceColumn.TRANSFER_SYNTAX_UID)).isEqualTo("1.2.840.10008.1.2.4.80");
  }

  @Test
  void aTruncatedPixelDataIsAnErrorNamingTheSizes() {
    // dcmdump MR_truncated.dcm: "PixelData (7fe0,0010) larger (8192) than remaining bytes in file"
    assertThat(byFile).doesNotContainKey("MR_truncated.dcm");
    assertThat(problems("MR_truncated.dcm")).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(Severity.ERROR);
      assertThat(p.problem()).contains("truncated").contains("Pixel Data (7FE0,0010) of 8192 bytes").contains("it has 9630");
    });
  }

  @Test
  void aFileTruncatedInsideASequenceIsAnError() {
    // dcmdump rtplan_truncated.dcm: "IsocenterPosition (300a,012c) larger (50) than remaining bytes (29)"
    assertThat(byFile).doesNotContainKey("rtplan_truncated.dcm");
    assertThat(problems("rtplan_truncated.dcm")).anySatisfy(p -> {
      assertThat(p.severity()).isEqualTo(Severity.ERROR);
      assertThat(p.problem()).contains("(0x300a,0x012c)");
    });
  }

  @Test
  void aBadIntegerStringIsAWarningAndAnEmptyCell() {
    // dcmdump badVR.dcm: "(0028,0008) IS [1A]  NumberOfFrames"; pydicom warns "Invalid value for VR IS: '1A'"
    InstanceRow dose = byFile.get("badVR.dcm");
    assertThat(dose.get(InstanceColumn.FRAMES)).isEmpty();
    assertThat(problems("badVR.dcm")).anySatisfy(p -> {
      assertThat(p.severity()).isEqualTo(Severity.WARNING);
      assertThat(p.problem()).contains("NumberOfFrames (0028,0008) is '1A'");
    });
  }

  @Test
  void aMissingTransferSyntaxIsReported() {
    // meta_missing_tsyntax.dcm: file meta information without (0002,0010) (pydicom README)
    assertThat(problems("meta_missing_tsyntax.dcm")).anySatisfy(p -> assertThat(p.problem()).contains("no TransferSyntaxUID (0002,0010)"));
  }

  @Test
  void aTextFileIsNotDicom() {
    assertThat(problems("README.txt")).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(Severity.ERROR);
      assertThat(p.problem()).startsWith("not a DICOM file");
    });
  }

  @Test
  void aFileWithoutMetaInformationIsReadWithAWarning() {
    // ExplVR_LitEndNoMeta.dcm: an RT plan data set without preamble or meta information (pydicom README)
    assertThat(byFile.get("ExplVR_LitEndNoMeta.dcm").get(InstanceColumn.MODALITY)).isEqualTo("RTPLAN");
    assertThat(problems("ExplVR_LitEndNoMeta.dcm")).anySatisfy(p -> assertThat(p.problem()).contains("no DICOM preamble"));
  }

  @Test
  void segmentationsAndReportsHaveRows() {
    assertThat(byFile.get("liver_1frame.dcm").get(InstanceColumn.MODALITY)).isEqualTo("SEG");
    assertThat(byFile.get("test-SR.dcm").get(InstanceColumn.MODALITY)).isEqualTo("SR");
  }

  @Test
  void countsAreConsistent() {
    long dropped = scan.count(Severity.ERROR) + scan.count(Severity.SKIPPED);
    assertThat(scan.instances().size() + dropped).isEqualTo(scan.files());
  }
}

package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.dicom.synth.SyntheticDicom;
import org.radtrial.dicom.synth.SyntheticPatient;
import org.radtrial.dicom.synth.SyntheticReports;
import org.radtrial.dicom.synth.SyntheticReports.LocatedFinding;

/**
 * A DICOM SR with image coordinates (TID 1500: Measurement Groups with an Image Region SCOORD on an image) goes
 * through {@code radtrial dicom results} into {@code radtrial lesions --marks}: every graphic type's centre is
 * where the standard puts it, and the lesion-level figures are those of the marks matched by hand.
 */
class SrMarksToLesionsTest {
  @TempDir Path dir;

  private static final String IMAGE = "1.2.826.0.1.3680043.8.498.1";

  private static SyntheticPatient patient(String accession) {
    return new SyntheticPatient("P" + accession, "Doe^" + accession, LocalDate.of(1960, 1, 1), "F",
        LocalDate.of(2024, 3, 1), accession, "1.2.826.0.1.3680043.8.498.9" + accession.hashCode() % 1000);
  }

  private void report(String accession, String sop, LocatedFinding... findings) {
    SyntheticDicom.write(SyntheticReports.measurementReport(patient(accession), "nodule-ai", sop + ".1", sop,
        List.of(findings)), dir.resolve("ai").resolve(accession + ".dcm"));
  }

  private static LocatedFinding at(double p, String type, double... data) {
    return new LocatedFinding("Nodule", p, type, data, SyntheticDicom.CT_IMAGE, IMAGE);
  }

  @Test
  void locatedFindingsOfAnSrBecomeMarksThatLesionsMatches() throws Exception {
    Files.createDirectories(dir.resolve("ai"));
    // case A: a POINT on lesion A1 (centre 100, 100, radius 5) and a CIRCLE far from it (a false mark)
    report("A", "1.2.826.0.1.3680043.8.498.101", at(0.9, "POINT", 101, 99), at(0.3, "CIRCLE", 300, 300, 310, 300));
    // case B: a POLYGON around lesion B1 (centre 200, 50): bounding-box centre (200, 50)
    report("B", "1.2.826.0.1.3680043.8.498.102", at(0.7, "POLYGON", 190, 40, 210, 40, 210, 60, 190, 60, 190, 40));
    // case C (normal): an ELLIPSE, centre (50, 60), a false mark
    report("C", "1.2.826.0.1.3680043.8.498.103", at(0.5, "ELLIPSE", 40, 60, 60, 60, 50, 55, 50, 65));
    CliRun results = CliRun.of("dicom", "results", dir.resolve("ai").toString(), "--out", dir.resolve("scores.csv").toString());
    assertThat(results.exitCode()).as(results.err()).isZero();
    assertThat(results.out()).contains("Located findings (marks for `radtrial lesions --marks`): 4 in");

    List<String> marks = Files.readAllLines(dir.resolve("scores.marks.csv"));
    assertThat(marks.get(0)).startsWith("model,case_id,x,y,z,x0,y0,x1,y1,confidence,graphic_type,coordinates,referenced_uid");
    assertThat(marks).anySatisfy(l -> assertThat(l).startsWith("nodule_ai,A,300.0,300.0,0.0,290.0,290.0,310.0,310.0,0.3,CIRCLE,image_pixels," + IMAGE)
        .as("CIRCLE: centre is its first point, box its exact extent"));
    assertThat(marks).anySatisfy(l -> assertThat(l).startsWith("nodule_ai,B,200.0,50.0,0.0,190.0,40.0,210.0,60.0,0.7,POLYGON"));
    assertThat(marks).anySatisfy(l -> assertThat(l).startsWith("nodule_ai,C,50.0,60.0,0.0,40.0,55.0,60.0,65.0,0.5,ELLIPSE"));

    Path truth = Files.writeString(dir.resolve("truth.csv"), """
        case_id,lesion_id,x,y,radius,image_width,image_height
        A,A1,100,100,5,512,512
        B,B1,200,50,8,512,512
        C,,,,,512,512
        """);
    CliRun lesions = CliRun.of("lesions", "--truth", truth.toString(), "--marks", dir.resolve("scores.marks.csv").toString(),
        "--out", dir.resolve("lesions").toString());
    assertThat(lesions.exitCode()).as(lesions.err()).isZero();
    JsonNode reading = new ObjectMapper().readTree(dir.resolve("lesions/results.json").toFile()).get("lesions")
        .get("readings").get(0);
    assertThat(reading.get("reader").asText()).isEqualTo("nodule_ai");
    // both lesions found (LLF 1); false marks: A's circle (0.3) and C's ellipse (0.5), so 2 NL over 3 cases
    assertThat(reading.get("froc").get("max_llf").asDouble()).isEqualTo(1.0);
    assertThat(reading.get("froc").get("max_nlf").asDouble()).isCloseTo(2.0 / 3, within(1e-15));
  }

  @Test
  void aCircleInAnSrOfTheWrongSizeIsAProblemAndItsFindingIsKeptWithoutARegion() throws Exception {
    Files.createDirectories(dir.resolve("ai"));
    report("A", "1.2.826.0.1.3680043.8.498.101", at(0.9, "CIRCLE", 101, 99, 104));
    CliRun results = CliRun.of("dicom", "results", dir.resolve("ai").toString(), "--out", dir.resolve("scores.csv").toString());
    assertThat(results.exitCode()).as(results.err()).isZero();
    assertThat(results.out()).contains("1 scored finding has no image region and is left out of it");
    assertThat(Files.readString(dir.resolve("scores.errors.csv")))
        .contains("the image region of Nodule is not used: CIRCLE has 3 Graphic Data values; it takes 4 (column, row per point)");
    assertThat(Files.readAllLines(dir.resolve("scores.findings.csv"))).hasSize(2);
  }
}

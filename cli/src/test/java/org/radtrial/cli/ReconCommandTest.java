package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.synth.SyntheticSeries;
import org.radtrial.io.image.Nifti;

/**
 * {@code radtrial synth --recon} then {@code radtrial recon} end to end: the synthetic AI that erases
 * small lesions is caught by the lesion-region metrics and the report says so, the AI whose last
 * slices drift is seen in its lowest slice PSNR, results.json validates against the schema (io's
 * ResultsSchemaCheck sees every text), and bad input stops with a located one-line error.
 */
class ReconCommandTest {
  @TempDir static Path study;
  @TempDir Path dir;

  @BeforeAll
  static void writeStudy() {
    CliRun r = CliRun.of("synth", "--recon", "--cases", "60", "--seed", "7", "--out", study.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  private CliRun recon(Path cases, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("recon", "--cases", cases.toString(), "--id", "case_id",
        "--reference", "reference", "--out", dir.toString(), "--no-progress", "--bootstrap", "500"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(new String[0]));
  }

  private static JsonNode pair(JsonNode recon, String metric, String first, String second) {
    for (JsonNode m : recon.get("head_to_head")) {
      if (m.get("metric").asText().equals(metric)) {
        for (JsonNode p : m.get("pairs")) {
          if (p.get("first").asText().equals(first) && p.get("second").asText().equals(second)) {
            return p;
          }
        }
      }
    }
    throw new AssertionError("no pair " + first + " - " + second + " on " + metric);
  }

  @Test
  void theSmoothingAiIsCaughtInTheLesionsAndTheDriftingAiInItsWorstSlice() throws Exception {
    CliRun r = recon(study.resolve("cases.csv"), "--methods", "fast,ai_smooth,ai_drift", "--roi", "roi", "--savings",
        study.resolve("savings.csv").toString(), "--scanner-kw", "30");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("60 cases, 3 methods against the reference").contains("lowest SSIM of any lesion")
        .contains("scanner time (min, total)");
    JsonNode root = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    JsonNode recon = root.get("reconstruction");
    assertThat(recon.get("per_case")).hasSize(60);
    // provenance: the case table, 60 × (reference, 3 methods, roi) image files, the savings table, each with its SHA-256
    JsonNode inputs = root.at("/settings/inputs");
    assertThat(inputs).hasSize(1 + 60 * 5 + 1);
    Path first = Path.of(inputs.get(1).get("file").asText());
    assertThat(inputs.get(1).get("sha256").asText()).isEqualTo(org.radtrial.io.Checksums.sha256OfFileOrFolder(first));
    assertThat(recon.get("design").get("cases_with_lesion_regions").asInt()).isEqualTo(40);
    // ai_smooth looks better than the fast acquisition overall ...
    JsonNode whole = pair(recon, "ssim", "fast", "ai_smooth");
    assertThat(whole.get("mean_difference_ci").get(1).asDouble()).isNegative();
    // ... and than ai_drift, but its lowest lesion SSIM is the lowest of all: both intervals exclude 0
    assertThat(pair(recon, "ssim", "ai_smooth", "ai_drift").get("mean_difference_ci").get(0).asDouble()).isPositive();
    assertThat(pair(recon, "lowest_region_ssim", "fast", "ai_smooth").get("mean_difference_ci").get(0).asDouble()).isPositive();
    assertThat(pair(recon, "lowest_region_ssim", "ai_smooth", "ai_drift").get("mean_difference_ci").get(1).asDouble())
        .isNegative();
    // ai_drift's darkened slices: its lowest slice PSNR is below even the unreconstructed fast images'
    assertThat(pair(recon, "lowest_slice_psnr", "fast", "ai_drift").get("mean_difference_ci").get(0).asDouble()).isPositive();
    String report = Files.readString(dir.resolve("report.html"));
    assertThat(report).contains("ai_smooth reproduces the whole image better than fast (higher SSIM) but the lesions worse")
        .contains("ai_smooth reproduces the whole image better than ai_drift")
        .contains("fast has higher lowest PSNR of any slice (dB) than ai_drift")
        .contains("<img src=\"data:image/png;base64,")
        .contains("img-src data:");
    // the worst cases of ai_smooth are its lesion failures, with three thumbnails each
    JsonNode worst = recon.get("worst_cases");
    assertThat(worst).hasSize(9);
    assertThat(worst.get(3).get("method").asText()).isEqualTo("ai_smooth");
    assertThat(worst.get(3).get("metric").asText()).isEqualTo("lowest_region_ssim");
    JsonNode saved = recon.get("savings").get("savings").get(0);
    assertThat(saved.get("quantity").asText()).isEqualTo("minutes");
    assertThat(saved.get("saved").asDouble()).isEqualTo(60 * 14.0);
  }

  @Test
  void theTaskBasedComparisonCatchesTheSmoothingAiToo() throws Exception {
    // a synthetic detector's scores on each reconstruction, compared on the same cases by paired DeLong: with 40
    // cases with lesions and 20 without, ai_smooth's AUC is lower than the reference's (0.869 against 1; 30 cases
    // were too few to show it)
    CliRun r = CliRun.of("evaluate", "--cases", study.resolve("detector.csv").toString(), "--id", "case_id", "--truth",
        "lesion", "--positive", "1", "--models", "reference,fast,ai_smooth,ai_drift", "--bootstrap", "0", "--out",
        dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode comparisons = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("comparisons");
    boolean caught = false;
    for (JsonNode c : comparisons) {
      if (c.toString().contains("\"reference\"") && c.toString().contains("\"ai_smooth\"")) {
        assertThat(c.get("ci").get(0).asDouble()).as(c.toString()).isPositive();
        caught = true;
      }
    }
    assertThat(caught).as(comparisons.toString()).isTrue();

    // the detector's marks on each reconstruction as one "model" per image: paired wAFROC (jackknife, Holm)
    Path lesionsOut = dir.resolve("lesions");
    CliRun l = CliRun.of("lesions", "--truth", study.resolve("lesion-truth.csv").toString(), "--marks",
        study.resolve("lesion-marks.csv").toString(), "--bootstrap", "200", "--out", lesionsOut.toString());
    assertThat(l.exitCode()).as(l.err()).isZero();
    assertThat(l.out()).containsPattern("reference - ai_smooth +0\\.[3-9]\\d+ +\\[0\\.[1-9]");
  }

  @Test
  void dicomSeriesAreComparedAndTheirHeadersGiveTheSavings() throws Exception {
    Grid g = Grid.of(16, 12, 5, 0.8, 0.8, 2);
    Random random = new Random(3);
    float[] ref = new float[g.size()];
    float[] cand = new float[g.size()];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = 100 + random.nextInt(50);
      cand[i] = ref[i] + random.nextInt(11) - 5;
    }
    Path cases = dir.resolve("cases.csv");
    Files.writeString(cases, "case_id,reference,candidate\nc1,standard,short\n");
    series(dir.resolve("standard"), new Volume(g, ref), random, "1200", "10");
    series(dir.resolve("short"), new Volume(g, cand), random, "360", "3");
    CliRun r = recon(cases, "--methods", "candidate", "--scanner-kw", "25");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode recon = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("reconstruction");
    assertThat(recon.get("per_case").get(0).get("methods").get(0).get("slice_ssim")).hasSize(5);
    JsonNode savings = recon.get("savings");
    assertThat(savings.get("source").asText()).isEqualTo("DICOM headers");
    // AcquisitionDuration 1200 s against 360 s: 14 minutes saved; at 25 kW, 14 / 60 * 25 kWh
    JsonNode minutes = savings.get("savings").get(0);
    assertThat(minutes.get("quantity").asText()).isEqualTo("minutes");
    assertThat(minutes.get("saved").asDouble()).isEqualTo(14.0);
    JsonNode ctdi = savings.get("savings").get(1);
    assertThat(ctdi.get("quantity").asText()).isEqualTo("ctdivol_mgy");
    assertThat(ctdi.get("saved").asDouble()).isEqualTo(7.0);
    JsonNode energy = savings.get("savings").get(2);
    assertThat(energy.get("quantity").asText()).isEqualTo("energy_kwh");
    assertThat(energy.get("saved").asDouble()).isCloseTo(14.0 / 60 * 25, org.assertj.core.api.Assertions.within(1e-12));
  }

  private static void series(Path folder, Volume v, Random random, String seconds, String ctdiVol) throws Exception {
    SyntheticSeries.Written w = SyntheticSeries.write(Files.createDirectories(folder), v, SyntheticSeries.Options.ct(random),
        random);
    for (Path f : w.files()) {
      var list = org.radtrial.dicom.DicomFiles.readAll(f);
      org.radtrial.dicom.DataSet.set(list, "AcquisitionDuration", seconds);
      org.radtrial.dicom.DataSet.set(list, "CTDIvol", ctdiVol);
      org.radtrial.dicom.synth.SyntheticDicom.write(list, f);
    }
  }

  @Test
  void anUnpairedCaseIsALocatedError() throws Exception {
    Path cases = dir.resolve("unpaired.csv");
    List<String> lines = Files.readAllLines(study.resolve("cases.csv"));
    String[] third = lines.get(3).split(",");
    third[2] = "";
    lines.set(3, String.join(",", third));
    Files.write(cases, lines);
    Files.createDirectories(dir.resolve("images"));
    for (Path p : Files.newDirectoryStream(study.resolve("images"))) {
      Files.copy(p, dir.resolve("images").resolve(p.getFileName()));
    }
    CliRun r = recon(cases, "--methods", "fast,ai_smooth");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("radtrial: " + cases + ", row 3, column 'fast': case 'phantom003' has no method 'fast'"
        + " image: every case needs the reference and each method's image (an unpaired case)");
  }

  @Test
  void aCandidateOnAnotherGridIsALocatedErrorSayingWhatDiffers() throws Exception {
    Grid g = Grid.of(96, 96, 11, 1, 1, 1);
    Nifti.writeFloat32(new Volume(g, new float[g.size()]), dir.resolve("short.nii.gz"));
    Path cases = dir.resolve("cases.csv");
    Files.writeString(cases, "case_id,reference,candidate\nc1," + study.resolve("images/phantom001-reference.nii.gz")
        + "," + dir.resolve("short.nii.gz") + "\n");
    CliRun r = recon(cases, "--methods", "candidate");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(cases + ", row 1, column 'candidate': case 'c1': " + dir.resolve("short.nii.gz")
        + " is not on the reference image's grid: size 96x96x12 vs 96x96x11").doesNotContain("\tat ");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void aSeriesWithAMissingSliceAndANonImageObjectAreLocatedErrors() throws Exception {
    Grid g = Grid.of(16, 16, 6, 1, 1, 2);
    float[] v = new float[g.size()];
    Volume volume = new Volume(g, v);
    Random random = new Random(1);
    SyntheticSeries.write(Files.createDirectories(dir.resolve("reference")), volume, SyntheticSeries.Options.ct(random), random);
    Path gappy = Files.createDirectories(dir.resolve("gappy"));
    SyntheticSeries.Written w = SyntheticSeries.write(gappy, volume, SyntheticSeries.Options.ct(random), random);
    Files.delete(w.files().get(3));
    Path cases = dir.resolve("cases.csv");
    Files.writeString(cases, "case_id,reference,candidate\nc1,reference,gappy\n");
    CliRun r = recon(cases, "--methods", "candidate");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("radtrial: " + cases + ", row 1, column 'candidate': case 'c1': ").contains("missing");
    assertThat(r.err().strip().lines()).hasSize(1);

    Path sr = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/test-SR.dcm");
    assumeTrue(Files.exists(sr), "pydicom's test-SR.dcm is not installed (apt-get install python3-pydicom)");
    Files.writeString(cases, "case_id,reference,candidate\nc1,reference," + sr + "\n");
    CliRun nonImage = recon(cases, "--methods", "candidate");
    assertThat(nonImage.exitCode()).isEqualTo(2);
    assertThat(nonImage.err()).startsWith("radtrial: " + cases + ", row 1, column 'candidate': case 'c1': ");
    assertThat(nonImage.err().strip().lines()).hasSize(1);
  }
}

package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radtrial synth --masks} then {@code radtrial masks} on it: the planted faults of each model
 * show in its figures, and the whole command writes a results.json the schema accepts.
 */
class MasksCommandTest {
  @TempDir Path dir;

  private JsonNode synthAndRun(String... extra) throws Exception {
    Path study = dir.resolve("study");
    CliRun synth = CliRun.of("synth", "--masks", "--cases", "12", "--seed", "4", "--out", study.toString());
    assertThat(synth.exitCode()).as(synth.err()).isZero();
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("masks", "--cases",
        study.resolve("cases.csv").toString(), "--id", "case_id", "--reference", "reference", "--models",
        "model_close,model_over,model_misses_small", "--pet", "pet", "--series", "series", "--group", "site,size", "--bootstrap", "200",
        "--threads", "2", "--out", dir.resolve("out").toString()));
    args.addAll(java.util.List.of(extra));
    CliRun run = CliRun.of(args.toArray(new String[0]));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Worst cases to review").contains("model_misses_small");
    return new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
  }

  @Test
  void eachModelsPlantedFaultShowsInItsFigures() throws Exception {
    JsonNode root = synthAndRun();
    JsonNode models = root.at("/segmentation/labels/0/models");
    Map<String, JsonNode> byName = new HashMap<>();
    models.forEach(m -> byName.put(m.get("model").asText(), m));
    double closeDice = byName.get("model_close").at("/metrics/dice/mean").asDouble();
    double overDice = byName.get("model_over").at("/metrics/dice/mean").asDouble();
    // the over-segmenter has the larger volumes, the small-lesion misser empty predictions on small-only cases
    assertThat(closeDice).isGreaterThan(overDice);
    assertThat(byName.get("model_misses_small").at("/empty_masks/prediction").asInt()).isGreaterThan(0);
    assertThat(byName.get("model_close").at("/empty_masks/prediction").asInt()).isZero();
    assertThat(byName.get("model_over").at("/empty_masks/reference").asInt()).isEqualTo(1); // case000: a false lesion
    assertThat(byName.get("model_close").at("/empty_masks/both").asInt()).isEqualTo(1);
    double overVolume = 0;
    double closeVolume = 0;
    for (JsonNode c : root.at("/segmentation/cases")) {
      closeVolume += c.at("/models/0/prediction_ml").asDouble() - c.get("reference_ml").asDouble();
      overVolume += c.at("/models/1/prediction_ml").asDouble() - c.get("reference_ml").asDouble();
      if (c.get("case_id").asText().equals("case000")) {
        assertThat(c.at("/models/1/empty_masks").asText()).isEqualTo("reference");
        assertThat(c.at("/models/1/hd95").isNull()).isTrue(); // undefined per case, aggregated at the diagonal
        assertThat(c.at("/models/0/dice").asDouble()).isEqualTo(1.0); // both empty: correct nothing
      }
    }
    assertThat(overVolume).isGreaterThan(closeVolume + 5);
    JsonNode worst = root.at("/segmentation/labels/0/worst_cases");
    boolean missedListed = false;
    for (JsonNode w : worst) {
      missedListed |= w.get("model").asText().equals("model_misses_small") && w.get("empty_masks").asText().equals("prediction");
    }
    assertThat(missedListed).isTrue();
    assertThat(root.at("/segmentation/labels/0/comparisons").size()).isEqualTo(3 * 9);
    assertThat(root.at("/segmentation/labels/0/subgroups").size()).isEqualTo(4);
    assertThat(root.at("/segmentation/cases/1/reference_pet/suv_max").asDouble()).isGreaterThan(3.9);
    // agreement of the volumes: the over-segmenter's bias is positive and its interval excludes 0
    JsonNode overVolumeAgreement = null;
    for (JsonNode a : root.at("/segmentation/labels/0/agreement")) {
      if (a.get("quantity").asText().equals("volume_ml") && a.get("model").asText().equals("model_over")) {
        overVolumeAgreement = a;
      }
    }
    assertThat(overVolumeAgreement).isNotNull();
    assertThat(overVolumeAgreement.at("/bland_altman/bias_ci/0").asDouble()).isGreaterThan(0);
    assertThat(overVolumeAgreement.at("/icc/value").asDouble()).isBetween(-1.0, 1.0);
    assertThat(root.at("/provenance/input_sha256").asText()).hasSize(64);
    assertDicomCaseEqualsItsNiftiTwin(root);

    // the report: well-formed XHTML with the section, its charts and judged findings
    var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve("out/report.html").toFile());
    var xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
    assertThat(xpath.evaluate("count(//*[@id='segmentation'])", doc)).isEqualTo("1");
    assertThat(Double.parseDouble(xpath.evaluate("count(//*[local-name()='svg'])", doc))).isGreaterThanOrEqualTo(4);
    String text = Files.readString(dir.resolve("out/report.html"));
    assertThat(text).contains("Bland-Altman").contains("Cases to review").contains("Dice by subgroup")
        .contains("model_misses_small outlined nothing in");
    assertThat(text).containsPattern("Mean (Dice|HD95) of model_\\w+ is (higher|lower) than");
  }

  /**
   * One case came as DICOM SEG on a synthetic CT series: its metrics must equal those of the same
   * masks as NIfTI (a second run on the table with that row's NIfTI files restored).
   */
  private void assertDicomCaseEqualsItsNiftiTwin(JsonNode root) throws Exception {
    Path table = dir.resolve("study/cases.csv");
    java.util.List<String> lines = Files.readAllLines(table);
    String dicomRow = lines.stream().filter(l -> l.contains(".dcm")).findFirst().orElseThrow();
    String id = dicomRow.split(",")[0];
    assertThat(dicomRow).contains("dicom/" + id + "_reference.dcm").endsWith("dicom/" + id + "_ct");
    String niftiRow = String.join(",", id, dicomRow.split(",")[1], dicomRow.split(",")[2], "masks/" + id + "_reference.nii.gz",
        "masks/" + id + "_model_close.nii.gz", "masks/" + id + "_model_over.nii.gz",
        "masks/" + id + "_model_misses_small.nii.gz", "pet/" + id + "_pet.nii.gz", "");
    Path twin = dir.resolve("study/twin.csv");
    Files.writeString(twin, lines.get(0) + "\n" + niftiRow + "\n" + lines.get(1) + "\n");
    CliRun run = CliRun.of("masks", "--cases", twin.toString(), "--id", "case_id", "--reference", "reference", "--models",
        "model_close,model_over,model_misses_small", "--pet", "pet", "--series", "series", "--bootstrap", "100",
        "--no-report", "--out", dir.resolve("twin").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode twinCase = new ObjectMapper().readTree(dir.resolve("twin/results.json").toFile()).at("/segmentation/cases/0");
    JsonNode dicomCase = null;
    for (JsonNode c : root.at("/segmentation/cases")) {
      if (c.get("case_id").asText().equals(id)) {
        dicomCase = c;
      }
    }
    assertThat(dicomCase).isNotNull();
    assertThat(dicomCase.get("reference_ml").asDouble()).isGreaterThan(0).isEqualTo(twinCase.get("reference_ml").asDouble());
    for (int m = 0; m < 3; m++) {
      for (String key : new String[] {"dice", "hd", "hd95", "assd", "nsd", "prediction_ml"}) {
        assertThat(dicomCase.at("/models/" + m + "/" + key).asDouble()).as(key)
            .isEqualTo(twinCase.at("/models/" + m + "/" + key).asDouble());
      }
      assertThat(dicomCase.at("/models/" + m + "/pet/suv_max").asDouble())
          .isEqualTo(twinCase.at("/models/" + m + "/pet/suv_max").asDouble());
    }
  }

  @Test
  void everyImageFileAndSeriesFolderTheCasesReadIsInTheProvenanceWithItsChecksum() throws Exception {
    JsonNode inputs = synthAndRun().at("/settings/inputs");
    java.util.List<String> lines = Files.readAllLines(dir.resolve("study/cases.csv"));
    // the case table, then per case its reference, 3 models, PET and (for the DICOM case) its series folder
    assertThat(inputs.size()).isGreaterThan(1 + 12 * 5);
    assertThat(inputs.get(0).get("file").asText()).endsWith("cases.csv");
    boolean sawFolder = false;
    for (int i = 1; i < inputs.size(); i++) {
      Path file = Path.of(inputs.get(i).get("file").asText());
      assertThat(file).exists();
      assertThat(inputs.get(i).get("sha256").asText()).isEqualTo(org.radtrial.io.Checksums.sha256OfFileOrFolder(file));
      sawFolder |= Files.isDirectory(file);
    }
    assertThat(sawFolder).as("the DICOM case's series folder is listed").isTrue();
    assertThat(lines).hasSize(13);
  }

  @Test
  void aFolderChecksumChangesWhenOneOfItsFilesDoes() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("series/sub"));
    Files.writeString(folder.resolve("a.dcm"), "one");
    Files.writeString(dir.resolve("series/b.dcm"), "two");
    String before = org.radtrial.io.Checksums.sha256OfFileOrFolder(dir.resolve("series"));
    Files.writeString(folder.resolve("a.dcm"), "One");
    assertThat(org.radtrial.io.Checksums.sha256OfFileOrFolder(dir.resolve("series"))).isNotEqualTo(before);
  }

  @Test
  void oneThreadAndTwoGiveTheSameResults() throws Exception {
    Path study = dir.resolve("study");
    assertThat(CliRun.of("synth", "--masks", "--cases", "6", "--seed", "8", "--out", study.toString()).exitCode()).isZero();
    JsonNode[] roots = new JsonNode[2];
    for (int t = 1; t <= 2; t++) {
      CliRun run = CliRun.of("masks", "--cases", study.resolve("cases.csv").toString(), "--id", "case_id", "--reference",
          "reference", "--models", "model_close,model_over", "--series", "series", "--pet", "pet", "--bootstrap", "100",
          "--threads", "" + t, "--no-report", "--out", dir.resolve("t" + t).toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      roots[t - 1] = new ObjectMapper().readTree(dir.resolve("t" + t + "/results.json").toFile());
    }
    assertThat(roots[1].get("segmentation")).isEqualTo(roots[0].get("segmentation"));
  }

  @Test
  void aMaskOnAnotherGridStopsWithTheCaseTheFilesAndWhatDiffers() throws Exception {
    Path study = dir.resolve("study");
    assertThat(CliRun.of("synth", "--masks", "--cases", "4", "--seed", "4", "--out", study.toString()).exitCode()).isZero();
    String id = Files.readAllLines(study.resolve("cases.csv")).stream().skip(2).filter(l -> !l.contains(".dcm"))
        .findFirst().orElseThrow().split(",")[0]; // a NIfTI case with lesions (case000 has none, one case is DICOM)
    Path file = study.resolve("masks/" + id + "_model_over.nii.gz");
    var reader = org.radtrial.io.image.Nifti.read(file);
    var g = reader.grid();
    var shifted = new org.radtrial.core.image.Grid(g.nx(), g.ny(), g.nz(), new double[] {1, 1, 2.5}, g.origin(), g.direction());
    org.radtrial.io.image.Nifti.writeLabels(new org.radtrial.core.image.Volume(shifted, reader.voxels()), file);
    CliRun run = CliRun.of("masks", "--cases", study.resolve("cases.csv").toString(), "--id", "case_id", "--reference",
        "reference", "--models", "model_close,model_over", "--series", "series", "--bootstrap", "100", "--out",
        dir.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    String error = run.err().substring(run.err().indexOf("radtrial:")); // after the progress bar's carriage returns
    assertThat(error.strip().lines().count()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains("case '" + id + "'").contains("column 'model_over'").contains(id + "_model_over.nii.gz")
        .contains(id + "_reference.nii.gz").contains("spacing (1.000, 1.000, 2.000) vs (1.000, 1.000, 2.500)");
    assertThat(Files.exists(dir.resolve("out/results.json"))).isFalse();
  }
}

package org.radtrial.io.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BIDS-PET-like sidecar read by the DICOM rules. The expected factor is core's SuvScaleTest worked
 * example of QIBA's pseudo-code: 75 kg, 370 MBq F-18 (6586.2 s), scan 4350 s after injection:
 * 3.2039179917e-4 g/Bq.
 */
class PetSidecarTest {
  @TempDir Path dir;

  private static final String WORKED = """
      { "Units": "Bq/mL", "BodyWeight": 75, "BodyWeightUnits": "kg",
        "InjectedRadioactivity": 370, "InjectedRadioactivityUnits": "MBq", "RadionuclideHalfLife": 6586.2,
        "TimeZero": "09:00:00", "InjectionStart": 0, "ScanStart": 4350,
        "ImageDecayCorrected": true, "ImageDecayCorrectionTime": 4350 }
      """;

  private Path sidecar(String json) throws IOException {
    Path file = dir.resolve("pet.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void theWorkedExample() throws IOException {
    assertThat(PetSidecar.read(sidecar(WORKED)).factor()).isCloseTo(3.2039179917e-4, within(1e-13));
    assertThat(PetSidecar.beside(dir.resolve("sub-01_pet.nii.gz"))).isEqualTo(dir.resolve("sub-01_pet.json"));
    assertThat(PetSidecar.beside(dir.resolve("pet.nii"))).isEqualTo(dir.resolve("pet.json"));
  }

  @Test
  void decayCorrectedToTheInjectionIsAdmin() throws IOException {
    Path file = sidecar(WORKED.replace("\"ImageDecayCorrectionTime\": 4350", "\"ImageDecayCorrectionTime\": 0"));
    assertThat(PetSidecar.read(file).decayCorrection()).isEqualTo("ADMIN");
    assertThat(PetSidecar.read(file).factor()).isEqualTo(75_000 / 370e6);
  }

  @Test
  void missingAndUnsupportedFieldsAreNamedWithTheFile() throws IOException {
    Path noWeight = sidecar(WORKED.replace("\"BodyWeight\": 75,", ""));
    assertThatThrownBy(() -> PetSidecar.read(noWeight)).isInstanceOf(ImageFileException.class)
        .hasMessage(noWeight + ": no BodyWeight (needed for SUV)");
    Path counts = sidecar(WORKED.replace("Bq/mL", "counts"));
    assertThatThrownBy(() -> PetSidecar.read(counts)).hasMessageStartingWith(counts + ": Units counts: SUV is computed from images in Bq/mL");
    Path notCorrected = sidecar(WORKED.replace("\"ImageDecayCorrected\": true", "\"ImageDecayCorrected\": false"));
    assertThatThrownBy(() -> PetSidecar.read(notCorrected)).hasMessageStartingWith(notCorrected + ": DecayCorrection NONE");
    Path elsewhere = sidecar(WORKED.replace("\"ImageDecayCorrectionTime\": 4350", "\"ImageDecayCorrectionTime\": 100"));
    assertThatThrownBy(() -> PetSidecar.read(elsewhere)).hasMessageContaining("is neither ScanStart (4350.0 s) nor InjectionStart");
    Path missing = dir.resolve("none.json");
    assertThatThrownBy(() -> PetSidecar.read(missing)).hasMessage(missing + ": no such file (the PET image's JSON sidecar, needed for SUV)");
  }
}

package org.radtrial.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.SuvScale;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.synth.SyntheticSeries;
import org.radtrial.io.image.ImageFileException;

/**
 * The SUV scale read from PET headers. The expected factor is core's SuvScaleTest worked example of
 * QIBA's pseudo-code: 75 kg, 370 MBq F-18 (6586.2 s) at 09:00:00, series 10:12:30: 3.2039179917e-4 g/Bq.
 */
class PetSuvTest {
  static final double WORKED_EXAMPLE = 3.2039179917e-4;

  @TempDir Path dir;

  /** A 2-slice PT series in Bq/mL whose headers hold the worked example; edit changes them further. */
  Path pet(SegmentationMasksTest.Edit edit) throws Exception {
    Grid grid = new Grid(3, 2, 2, new double[] {4, 4, 3}, new double[] {0, 0, 0}, Grid.AXIAL);
    float[] bqml = new float[12];
    for (int i = 0; i < bqml.length; i++) {
      bqml[i] = 1000 * i;
    }
    Path folder = dir.resolve("pet");
    SyntheticSeries.write(folder, new Volume(grid, bqml), new SyntheticSeries.Options("PT", "1.2.3", "1.2.3.4", 1, 0), new Random(1));
    try (var files = Files.list(folder)) {
      for (Path f : files.toList()) {
        SegmentationMasksTest.rewrite(f, list -> {
          DataSet.set(list, "Units", "BQML");
          DataSet.set(list, "DecayCorrection", "START");
          DataSet.set(list, "CorrectedImage", "ATTN", "DECY", "NORM");
          DataSet.set(list, "PatientWeight", "75");
          DataSet.set(list, "SeriesDate", "20240304");
          DataSet.set(list, "SeriesTime", "101230");
          DataSet.set(list, "AcquisitionDate", "20240304");
          DataSet.set(list, "AcquisitionTime", "101230.000");
          list.remove(DataSet.tag("RadiopharmaceuticalInformationSequence"));
          AttributeList drug = DataSet.addItem(list, "RadiopharmaceuticalInformationSequence");
          DataSet.set(drug, "Radiopharmaceutical", "Fluorodeoxyglucose");
          DataSet.set(drug, "RadionuclideTotalDose", "370000000");
          DataSet.set(drug, "RadionuclideHalfLife", "6586.2");
          DataSet.set(drug, "RadiopharmaceuticalStartDateTime", "20240304090000");
          edit.apply(list);
        });
      }
    }
    return folder;
  }

  @Test
  void theWorkedExampleFromPetHeaders() throws Exception {
    Path folder = pet(list -> { });
    SeriesVolume series = DicomSeries.read(folder);
    SuvScale scale = PetSuv.of(series);
    assertThat(scale.factor()).isCloseTo(WORKED_EXAMPLE, within(1e-13));
    assertThat(scale.decaySeconds()).isEqualTo(4350);
    assertThat(scale.apply(series.volume()).value(1, 0, 0)).isCloseTo((float) (1000 * WORKED_EXAMPLE), within(1e-7f));
    assertThat(ImageFiles.suvScale(folder)).isEqualTo(scale);
  }

  @Test
  void aStartTimeAloneIsOnTheSeriesDateOrTheDayBefore() throws Exception {
    Path folder = pet(list -> {
      AttributeList drug = Frame.items(list, "RadiopharmaceuticalInformationSequence").get(0);
      drug.remove(DataSet.tag("RadiopharmaceuticalStartDateTime"));
      DataSet.set(drug, "RadiopharmaceuticalStartTime", "090000.00");
    });
    assertThat(ImageFiles.suvScale(folder).factor()).isCloseTo(WORKED_EXAMPLE, within(1e-13));
    Path overnight = pet(list -> {
      AttributeList drug = Frame.items(list, "RadiopharmaceuticalInformationSequence").get(0);
      drug.remove(DataSet.tag("RadiopharmaceuticalStartDateTime"));
      DataSet.set(drug, "RadiopharmaceuticalStartTime", "235000");
      DataSet.set(list, "SeriesTime", "010230");
      DataSet.set(list, "AcquisitionTime", "010230");
    });
    assertThat(ImageFiles.suvScale(overnight).decaySeconds()).isEqualTo(4350);
  }

  @Test
  void adminDecayCorrectionHasNoDecay() throws Exception {
    Path folder = pet(list -> DataSet.set(list, "DecayCorrection", "ADMIN"));
    assertThat(ImageFiles.suvScale(folder).factor()).isEqualTo(75_000 / 370e6);
  }

  @Test
  void eachMissingOrUnsupportedValueIsNamedWithTheFile() throws Exception {
    Path noWeight = pet(list -> list.remove(DataSet.tag("PatientWeight")));
    Path first = noWeight.resolve("slice-0001.dcm");
    assertThatThrownBy(() -> ImageFiles.suvScale(noWeight)).isInstanceOf(ImageFileException.class)
        .hasMessage(first + ": no PatientWeight (needed for SUV)");
    Path counts = pet(list -> DataSet.set(list, "Units", "CNTS"));
    assertThatThrownBy(() -> ImageFiles.suvScale(counts))
        .hasMessage(first + ": Units CNTS: SUV is computed from images in Bq/mL (Units BQML); CNTS (vendor counts), GML (already SUV)"
            + " and other units are not supported");
    Path noDose = pet(list -> Frame.items(list, "RadiopharmaceuticalInformationSequence").get(0)
        .remove(DataSet.tag("RadionuclideTotalDose")));
    assertThatThrownBy(() -> ImageFiles.suvScale(noDose)).hasMessage(first + ": no RadionuclideTotalDose (needed for SUV)");
    Path noDecay = pet(list -> DataSet.set(list, "CorrectedImage", "ATTN"));
    assertThatThrownBy(() -> ImageFiles.suvScale(noDecay))
        .hasMessage(first + ": CorrectedImage is 'ATTN'; SUV needs images corrected for attenuation and decay (ATTN and DECY)");
    Path postProcessed = pet(list -> DataSet.set(list, "SeriesTime", "120000"));
    assertThatThrownBy(() -> ImageFiles.suvScale(postProcessed)).hasMessageStartingWith(first
        + ": SeriesDate/SeriesTime (2024-03-04T12:00) lies after AcquisitionDate/AcquisitionTime (2024-03-04T10:12:30)");
    Path badTime = pet(list -> DataSet.set(list, "SeriesTime", "1O1230"));
    assertThatThrownBy(() -> ImageFiles.suvScale(badTime)).hasMessage(first + ": SeriesTime '1O1230' is not a DICOM time (HHMMSS.FFFFFF)");
  }
}

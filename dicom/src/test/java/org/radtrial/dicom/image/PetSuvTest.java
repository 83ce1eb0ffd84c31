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
  private int series;

  /** A 2-slice PT series in Bq/mL whose headers hold the worked example (SyntheticSeries' PET headers); edit changes them. */
  Path pet(SegmentationMasksTest.Edit edit) throws Exception {
    Grid grid = new Grid(3, 2, 2, new double[] {4, 4, 3}, new double[] {0, 0, 0}, Grid.AXIAL);
    float[] bqml = new float[12];
    for (int i = 0; i < bqml.length; i++) {
      bqml[i] = 1000 * i;
    }
    Path folder = dir.resolve("pet" + ++series);
    SyntheticSeries.write(folder, new Volume(grid, bqml), SyntheticSeries.Options.pet(new Random(1), 1), new Random(1));
    try (var files = Files.list(folder)) {
      for (Path f : files.toList()) {
        SegmentationMasksTest.rewrite(f, edit);
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
        .hasMessage(counts.resolve("slice-0001.dcm") + ": Units CNTS: SUV is computed from images in Bq/mL (Units BQML); CNTS (vendor counts), GML (already SUV)"
            + " and other units are not supported");
    Path noDose = pet(list -> Frame.items(list, "RadiopharmaceuticalInformationSequence").get(0)
        .remove(DataSet.tag("RadionuclideTotalDose")));
    assertThatThrownBy(() -> ImageFiles.suvScale(noDose)).hasMessage(noDose.resolve("slice-0001.dcm") + ": no RadionuclideTotalDose (needed for SUV)");
    Path noDecay = pet(list -> DataSet.set(list, "CorrectedImage", "ATTN"));
    assertThatThrownBy(() -> ImageFiles.suvScale(noDecay))
        .hasMessage(noDecay.resolve("slice-0001.dcm") + ": CorrectedImage is 'ATTN'; SUV needs images corrected for attenuation and decay (ATTN and DECY)");
    Path postProcessed = pet(list -> {
      DataSet.set(list, "SeriesTime", "120000");
      DataSet.set(list, "Manufacturer", "GE MEDICAL SYSTEMS");
    });
    assertThatThrownBy(() -> ImageFiles.suvScale(postProcessed)).hasMessageStartingWith(postProcessed.resolve("slice-0001.dcm")
        + ": SeriesDate/SeriesTime (2024-03-04T12:00) lies after the earliest AcquisitionDate/AcquisitionTime"
        + " (2024-03-04T10:12:30, slice-0001.dcm): a post-processed GE series");
    Path badTime = pet(list -> DataSet.set(list, "SeriesTime", "1O1230"));
    assertThatThrownBy(() -> ImageFiles.suvScale(badTime)).hasMessage(badTime.resolve("slice-0001.dcm") + ": SeriesTime '1O1230' is not a DICOM time (HHMMSS.FFFFFF)");
  }

  /** A PT series of {@code slices} slices; edit(k, list) changes slice k's header (k = 0 the lowest). */
  Path pet(int slices, SliceEdit edit) throws Exception {
    Grid grid = new Grid(3, 2, slices, new double[] {4, 4, 3}, new double[] {0, 0, 0}, Grid.AXIAL);
    float[] bqml = new float[grid.size()];
    Path folder = dir.resolve("pet" + ++series);
    SyntheticSeries.write(folder, new Volume(grid, bqml), SyntheticSeries.Options.pet(new Random(1), 1), new Random(1));
    for (int k = 0; k < slices; k++) {
      int slice = k;
      SegmentationMasksTest.rewrite(folder.resolve(String.format(java.util.Locale.ROOT, "slice-%04d.dcm", k + 1)),
          list -> edit.apply(slice, list));
    }
    return folder;
  }

  interface SliceEdit {
    void apply(int slice, AttributeList list) throws Exception;
  }

  /** The reviewer's case: slice 0 acquired at 10:40, the others at 10:12:30, SeriesTime 10:30 (injection 09:00). */
  @Test
  void theDecayReferenceIsTheEarliestAcquisitionOverAllSlices() throws Exception {
    Path folder = pet(4, (k, list) -> {
      DataSet.set(list, "SeriesTime", "103000");
      DataSet.set(list, "AcquisitionTime", k == 0 ? "104000" : "101230");
    });
    SeriesVolume read = DicomSeries.read(folder);
    assertThat(read.slices().get(0).file().getFileName()).hasToString("slice-0001.dcm");
    assertThat(ImageFiles.suvScale(folder).decaySeconds()).isEqualTo(4350);
    assertThat(PetSuv.of(read).decaySeconds()).isEqualTo(4350);
    assertThat(ImageFiles.suvScale(folder).factor()).isCloseTo(WORKED_EXAMPLE, within(1e-13));
  }

  @Test
  void aSeriesStartingBeforeEveryAcquisitionIsTheDecayReference() throws Exception {
    Path folder = pet(3, (k, list) -> {
      DataSet.set(list, "SeriesTime", "101000");
      DataSet.set(list, "AcquisitionTime", k == 2 ? "101230" : "102000");
    });
    assertThat(ImageFiles.suvScale(folder).decaySeconds()).isEqualTo(4200);
  }

  @Test
  void theScaleNeedsTheHeadersOnlyNotThePixels() throws Exception {
    Path folder = pet(list -> { });
    try (var files = Files.list(folder)) {
      for (Path f : files.toList()) {
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 8)); // Pixel Data cut short
      }
    }
    assertThatThrownBy(() -> DicomSeries.read(folder)).isInstanceOf(ImageFileException.class);
    assertThat(ImageFiles.suvScale(folder).factor()).isCloseTo(WORKED_EXAMPLE, within(1e-13));
  }

  @Test
  void aDoseInMegabecquerelsIsRefused() throws Exception {
    Path folder = pet(list -> DataSet.set(Frame.items(list, "RadiopharmaceuticalInformationSequence").get(0),
        "RadionuclideTotalDose", "370"));
    assertThatThrownBy(() -> ImageFiles.suvScale(folder)).isInstanceOf(ImageFileException.class)
        .hasMessage(folder.resolve("slice-0001.dcm") + ": RadionuclideTotalDose 370 Bq is implausibly small for a PET dose"
            + " (under 1 MBq); DICOM requires Bq and the value looks like MBq or mCi: fix the header");
  }

  @Test
  void aWeightInGramsIsRefusedAndASmallAnimalsWeightWarned() throws Exception {
    Path grams = pet(list -> DataSet.set(list, "PatientWeight", "75000"));
    assertThatThrownBy(() -> ImageFiles.suvScale(grams)).isInstanceOf(ImageFileException.class)
        .hasMessage(grams.resolve("slice-0001.dcm") + ": PatientWeight 75000 kg is over 300 kg, more than a PET table"
            + " carries; DICOM requires kg and the value looks like grams or pounds: fix the header");
    Path mouse = pet(list -> DataSet.set(list, "PatientWeight", "0.025"));
    java.util.List<java.util.logging.LogRecord> warned = new java.util.ArrayList<>();
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override public void publish(java.util.logging.LogRecord r) {
        warned.add(r);
      }

      @Override public void flush() { }

      @Override public void close() { }
    };
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(PetSuv.class.getName());
    log.addHandler(handler);
    try {
      assertThat(ImageFiles.suvScale(mouse).weightKg()).isEqualTo(0.025);
    } finally {
      log.removeHandler(handler);
    }
    assertThat(warned).singleElement().satisfies(r -> assertThat(r.getMessage())
        .isEqualTo(mouse.resolve("slice-0001.dcm") + ": PatientWeight 0.025 kg is under 1 kg: right for a small animal,"
            + " a unit error (tons?) for a patient"));
  }
}

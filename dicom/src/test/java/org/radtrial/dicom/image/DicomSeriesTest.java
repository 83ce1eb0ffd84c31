package org.radtrial.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.PydicomFiles;
import org.radtrial.dicom.synth.SyntheticSeries;
import org.radtrial.io.image.ImageFileException;

/** Synthetic series written with PixelMed (dicom synth) read back: sorting, spacing, multi-frame and refusals. */
class DicomSeriesTest {
  @TempDir Path dir;

  /** An oblique grid (rotated about z and tilted about x), right-handed or with its third axis reversed. */
  static Grid oblique(int nz, boolean reversed) {
    double c = Math.cos(0.3);
    double s = Math.sin(0.3);
    double t = Math.cos(0.2);
    double u = Math.sin(0.2);
    double[] a = {c, s, 0};
    double[] b = {-s * t, c * t, u};
    double[] n = {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    double sign = reversed ? -1 : 1;
    return new Grid(7, 5, nz, new double[] {0.7, 0.8, 2.5}, new double[] {-120.25, 33.5, 40},
        new double[] {a[0], a[1], a[2], b[0], b[1], b[2], sign * n[0], sign * n[1], sign * n[2]});
  }

  static Volume ct(Grid grid, long seed) {
    Random random = new Random(seed);
    float[] v = new float[grid.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextInt(3000) - 1024;
    }
    return new Volume(grid, v);
  }

  private SyntheticSeries.Written write(Path folder, Volume volume, long seed) {
    return SyntheticSeries.write(folder, volume, SyntheticSeries.Options.ct(new Random(seed)), new Random(seed + 1));
  }

  @Test
  void anObliqueSeriesReadsBackOnItsGridWithItsValues() {
    Volume volume = ct(oblique(6, false), 1);
    SyntheticSeries.Written written = write(dir.resolve("ct"), volume, 2);
    SeriesVolume read = DicomSeries.read(dir.resolve("ct"));
    assertThat(read.volume().grid().differencesFrom(volume.grid())).isEmpty();
    assertThat(read.volume().voxels()).containsExactly(volume.voxels());
    assertThat(read.modality()).isEqualTo("CT");
    assertThat(read.slices()).extracting(SliceSource::sopInstanceUid).containsExactlyElementsOf(written.sopInstanceUids());
    assertThat(read.skipped()).isEmpty();
  }

  @Test
  void slicesAreSortedAlongTheNormalWhateverTheFileOrder() {
    Grid reversed = oblique(5, true);
    Volume volume = ct(reversed, 3);
    write(dir.resolve("ct"), volume, 4);
    SeriesVolume read = DicomSeries.read(dir.resolve("ct"));
    Grid g = read.volume().grid();
    // the file written last (slice-0005, k = 4 of the reversed grid) lies lowest along the normal
    assertThat(read.slices().get(0).file().getFileName()).hasToString("slice-0005.dcm");
    assertThat(g.origin()).containsExactly(SyntheticSeries.position(reversed, 4), within(1e-6));
    for (int c = 6; c < 9; c++) {
      assertThat(g.direction()[c]).isCloseTo(-reversed.direction()[c], within(1e-6));
    }
    for (int k = 0; k < 5; k++) {
      for (int j = 0; j < 5; j++) {
        for (int i = 0; i < 7; i++) {
          assertThat(read.volume().value(i, j, k)).isEqualTo(volume.value(i, j, 4 - k));
        }
      }
    }
  }

  @Test
  void aMissingSliceIsNamedWithItsGap() throws IOException {
    Grid axial = new Grid(4, 4, 6, new double[] {1, 1, 2.5}, new double[] {0, 0, 32.5}, Grid.AXIAL);
    write(dir.resolve("ct"), ct(axial, 5), 6);
    Files.delete(dir.resolve("ct/slice-0004.dcm"));
    assertThatThrownBy(() -> DicomSeries.read(dir.resolve("ct"))).isInstanceOf(ImageFileException.class)
        .hasMessage(dir.resolve("ct") + ": slice spacing 2.5 mm except between z=37.5 and z=42.5: a slice is missing"
            + " (slice-0003.dcm, slice-0005.dcm)");
  }

  @Test
  void unevenSpacingAndTwoSlicesAtOnePositionAreRefused() throws IOException {
    Grid axial = new Grid(4, 4, 5, new double[] {1, 1, 2.5}, new double[] {0, 0, 0}, Grid.AXIAL);
    write(dir.resolve("a"), ct(axial, 7), 8);
    write(dir.resolve("a2"), ct(new Grid(4, 4, 1, new double[] {1, 1, 2.5}, new double[] {0, 0, 11}, Grid.AXIAL), 9), 8);
    Files.move(dir.resolve("a2/slice-0001.dcm"), dir.resolve("a/slice-0006.dcm"));
    assertThatThrownBy(() -> DicomSeries.read(dir.resolve("a")))
        .hasMessage(dir.resolve("a") + ": slice spacing 2.5 mm except between z=10.0 and z=11.0: uneven spacing (1.0 mm)"
            + " (slice-0005.dcm, slice-0006.dcm)");
    write(dir.resolve("c"), ct(axial, 7), 8);
    write(dir.resolve("c2"), ct(axial, 10), 8); // same series UID (same seed), same positions
    Files.move(dir.resolve("c2/slice-0002.dcm"), dir.resolve("c/again-0002.dcm"));
    assertThatThrownBy(() -> DicomSeries.read(dir.resolve("c"))).isInstanceOf(ImageFileException.class)
        .hasMessageContaining(": two slices at z=2.5 (").hasMessageContaining("several acquisitions or time points");
  }

  @Test
  void twoSeriesAreAnErrorNamingBothUnlessOneIsAsked() {
    Grid axial = new Grid(3, 3, 2, new double[] {1, 1, 1}, new double[] {0, 0, 0}, Grid.AXIAL);
    SyntheticSeries.Options first = SyntheticSeries.Options.ct(new Random(11));
    SyntheticSeries.Options second = SyntheticSeries.Options.ct(new Random(12));
    SyntheticSeries.write(dir.resolve("both/one"), ct(axial, 1), first, new Random(1));
    SyntheticSeries.write(dir.resolve("both/two"), ct(axial, 2), second, new Random(2));
    assertThatThrownBy(() -> DicomSeries.read(dir.resolve("both"))).isInstanceOf(ImageFileException.class)
        .hasMessage(dir.resolve("both") + ": holds 2 image series, " + first.seriesUid() + " (CT 'synthetic CT volume', 2 files) and "
            + second.seriesUid() + " (CT 'synthetic CT volume', 2 files); name the one to read by its SeriesInstanceUID");
    SeriesVolume two = DicomSeries.read(dir.resolve("both"), second.seriesUid());
    assertThat(two.volume().voxels()).containsExactly(ct(axial, 2).voxels());
    assertThat(two.skipped()).hasSize(2).allMatch(s -> s.contains("another series, " + first.seriesUid()));
    assertThatThrownBy(() -> DicomSeries.read(dir.resolve("both"), "1.2.3"))
        .hasMessageStartingWith(dir.resolve("both") + ": no image series 1.2.3 here; it holds ");
  }

  @Test
  void anEnhancedMultiFrameImageReadsLikeItsSingleFrameSeries() {
    Volume volume = ct(oblique(4, false), 13);
    SyntheticSeries.writeEnhanced(dir.resolve("enhanced.dcm"), volume, SyntheticSeries.Options.ct(new Random(14)), new Random(15));
    SeriesVolume read = DicomSeries.read(dir.resolve("enhanced.dcm"));
    assertThat(read.volume().grid().differencesFrom(volume.grid())).isEmpty();
    assertThat(read.volume().voxels()).containsExactly(volume.voxels());
    assertThat(read.slices()).extracting(SliceSource::frame).containsExactly(1, 2, 3, 4);
  }

  @Test
  void nonImagesAndOtherFilesAreSetAsideOrRefusedByName() throws IOException {
    Grid axial = new Grid(3, 3, 2, new double[] {1, 1, 1}, new double[] {0, 0, 0}, Grid.AXIAL);
    write(dir.resolve("ct"), ct(axial, 1), 1);
    Files.writeString(dir.resolve("ct/README.txt"), "notes");
    Path sr = PydicomFiles.file("test-SR.dcm");
    Files.copy(sr, dir.resolve("ct/report.dcm"));
    SeriesVolume read = DicomSeries.read(dir.resolve("ct"));
    assertThat(read.skipped()).anyMatch(s -> s.startsWith(dir.resolve("ct/README.txt") + ": not a DICOM file"))
        .anyMatch(s -> s.startsWith(dir.resolve("ct/report.dcm") + ": not an image (no Rows), series"));
    assertThatThrownBy(() -> DicomSeries.read(sr)).isInstanceOf(ImageFileException.class)
        .hasMessage(sr + ": not an image: no Rows and no PixelData (SOPClassUID 1.2.840.10008.5.1.4.1.1.88.33, a structured report)");
  }

  @Test
  void aFileWithoutPositionCannotBePlaced() {
    Path sc = PydicomFiles.file("image_dfl.dcm");
    assertThatThrownBy(() -> DicomSeries.read(sc)).isInstanceOf(ImageFileException.class)
        .hasMessage(sc + ": no ImagePositionPatient (nor in PlanePositionSequence): the image cannot be placed in patient space");
  }

  @Test
  void pixelDataPixelMedCannotDecodeIsNamedWithItsTransferSyntax() {
    Path jpegLs = PydicomFiles.file("MR_small_jpeg_ls_lossless.dcm");
    assertThatThrownBy(() -> DicomSeries.read(jpegLs)).isInstanceOf(ImageFileException.class)
        .hasMessageStartingWith(jpegLs + ": its pixel data (transfer syntax 1.2.840.10008.1.2.4.80) cannot be decoded here")
        .hasMessageEndingWith("decompress it first, e.g. with dcmtk's dcmdjpeg or dcmdjpls, or gdcmconv --raw");
  }

  @Test
  void messagesWriteMillimetresPlainly() {
    assertThat(DicomSeries.mm(40)).isEqualTo("40.0");
    assertThat(DicomSeries.mm(2.5)).isEqualTo("2.5");
    assertThat(DicomSeries.mm(0.625)).isEqualTo("0.625");
    assertThat(DicomSeries.mm(-75.69999)).isEqualTo("-75.7");
  }
}

package org.radtrial.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.synth.SyntheticSeries;
import org.radtrial.io.image.ImageFileException;
import org.radtrial.io.image.Nifti;

/** One entry point: NIfTI, a DICOM folder, a DICOM file and a SEG all give volumes on the same grid. */
class ImageFilesTest {
  @TempDir Path dir;

  @Test
  void aSeriesItsNiftiAndItsEnhancedFileGiveTheSameVolume() {
    Volume ct = DicomSeriesTest.ct(DicomSeriesTest.oblique(4, false), 1);
    SyntheticSeries.write(dir.resolve("ct"), ct, SyntheticSeries.Options.ct(new Random(2)), new Random(3));
    SyntheticSeries.writeEnhanced(dir.resolve("enhanced.dcm"), ct, SyntheticSeries.Options.ct(new Random(4)), new Random(5));
    Volume fromFolder = ImageFiles.read(dir.resolve("ct"));
    Nifti.writeFloat32(fromFolder, dir.resolve("ct.nii.gz"));
    for (Path p : List.of(dir.resolve("ct"), dir.resolve("enhanced.dcm"), dir.resolve("ct.nii.gz"),
        dir.resolve("ct/slice-0001.dcm").resolveSibling("slice-0002.dcm"))) {
      Volume v = ImageFiles.read(p);
      if (v.grid().nz() == 1) {
        assertThat(v.grid().origin()).containsExactly(SyntheticSeries.position(ct.grid(), 1), org.assertj.core.api.Assertions.within(1e-6));
        continue;
      }
      assertThat(v.grid().differencesFrom(ct.grid())).as(p.toString()).isEmpty();
      assertThat(v.voxels()).as(p.toString()).containsExactly(ct.voxels());
    }
  }

  @Test
  void aSegGivesMasksAndLabelsOnTheSourceGrid() {
    Grid grid = DicomSeriesTest.oblique(5, false);
    SyntheticSeries.write(dir.resolve("ct"), DicomSeriesTest.ct(grid, 1), SyntheticSeries.Options.ct(new Random(2)), new Random(3));
    SeriesVolume source = DicomSeries.read(dir.resolve("ct"));
    Volume a = SegmentationMasksTest.blob(source.volume().grid(), 7);
    float[] other = new float[grid.size()];
    for (int n = 0; n < other.length; n++) {
      other[n] = a.voxels()[n] == 0 && n % 3 == 0 ? 1 : 0;
    }
    SegmentationWriter.write(dir.resolve("seg.dcm"), source, List.of(SegmentationWriter.Segment.lesion("a", a),
        SegmentationWriter.Segment.lesion("b", new Volume(source.volume().grid(), other))), "x", new Random(8));
    List<SegmentMask> masks = ImageFiles.readSegments(dir.resolve("seg.dcm"), dir.resolve("ct"));
    assertThat(masks).hasSize(2);
    Volume labels = ImageFiles.readLabels(dir.resolve("seg.dcm"), dir.resolve("ct"));
    for (int n = 0; n < other.length; n++) {
      assertThat(labels.voxels()[n]).isEqualTo(a.voxels()[n] != 0 ? 1f : other[n] != 0 ? 2f : 0f);
    }
    Nifti.writeLabels(labels, dir.resolve("labels.nii.gz"));
    assertThat(ImageFiles.readLabels(dir.resolve("labels.nii.gz"), dir.resolve("ct")).voxels()).containsExactly(labels.voxels());
    assertThatThrownBy(() -> ImageFiles.read(dir.resolve("seg.dcm"))).isInstanceOf(ImageFileException.class)
        .hasMessage(dir.resolve("seg.dcm") + ": a Segmentation (SEG): read its masks with the source series folder (ImageFiles.readSegments)");
  }

  @Test
  void errorsNameThePath() throws Exception {
    Path missing = dir.resolve("missing.nii.gz");
    assertThatThrownBy(() -> ImageFiles.read(missing)).isInstanceOf(ImageFileException.class).hasMessage(missing + ": no such file or folder");
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "hello, these are notes and not an image at all");
    assertThatThrownBy(() -> ImageFiles.read(text)).isInstanceOf(ImageFileException.class)
        .hasMessageStartingWith(text + ": neither NIfTI (.nii, .nii.gz) nor DICOM: not a DICOM file");
    Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> ImageFiles.read(dir.resolve("empty"))).hasMessage(dir.resolve("empty") + ": no DICOM image here");
  }
}

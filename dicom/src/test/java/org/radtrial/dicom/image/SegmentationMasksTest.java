package org.radtrial.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.dicom.PydicomFiles;
import org.radtrial.dicom.synth.SyntheticDicom;
import org.radtrial.dicom.synth.SyntheticSeries;
import org.radtrial.io.Python;
import org.radtrial.io.image.ImageFileException;

/** SEGs written by SegmentationWriter read back onto their source grid, placed by reference or by position. */
class SegmentationMasksTest {
  @TempDir Path dir;

  /** A random blob of voxels (about a quarter of the slices between 1 and nz-2) as a binary mask. */
  static Volume blob(Grid grid, long seed) {
    Random random = new Random(seed);
    float[] v = new float[grid.size()];
    for (int k = 1; k < grid.nz() - 1; k++) {
      for (int j = 0; j < grid.ny(); j++) {
        for (int i = 0; i < grid.nx(); i++) {
          if (random.nextInt(4) == 0) {
            v[grid.index(i, j, k)] = 1f;
          }
        }
      }
    }
    return new Volume(grid, v);
  }

  private SeriesVolume series(String name, Grid grid) {
    SyntheticSeries.write(dir.resolve(name), DicomSeriesTest.ct(grid, 1), SyntheticSeries.Options.ct(new Random(name.hashCode())),
        new Random(2));
    return DicomSeries.read(dir.resolve(name));
  }

  private List<SegmentationWriter.Segment> twoLesionsAndAnEmptySegment(Grid grid) {
    return List.of(SegmentationWriter.Segment.lesion("lesion 1", blob(grid, 5)), SegmentationWriter.Segment.lesion("lesion 2",
        blob(grid, 6)), SegmentationWriter.Segment.lesion("nothing", new Volume(grid, new float[grid.size()])));
  }

  @Test
  void masksRoundTripOnAnObliqueSeries() {
    SeriesVolume source = series("ct", DicomSeriesTest.oblique(6, false));
    Grid grid = source.volume().grid();
    List<SegmentationWriter.Segment> segments = twoLesionsAndAnEmptySegment(grid);
    Path seg = dir.resolve("seg.dcm");
    SegmentationWriter.write(seg, source, segments, "test-ai", new Random(3));
    List<SegmentMask> read = SegmentationMasks.read(seg, dir.resolve("ct"));
    assertThat(read).hasSize(3);
    for (int s = 0; s < 3; s++) {
      assertThat(read.get(s).segment().number()).isEqualTo(s + 1);
      assertThat(read.get(s).segment().label()).isEqualTo(segments.get(s).label());
      assertThat(read.get(s).segment().type()).isEqualTo("Mass");
      assertThat(read.get(s).mask().grid()).isEqualTo(grid);
      assertThat(read.get(s).mask().voxels()).containsExactly(segments.get(s).mask().voxels());
    }
    assertThat(read.get(0).mask().countNonZero()).isPositive();
  }

  @Test
  void framesArePlacedByPositionWhenTheyCarryNoSourceReference() throws Exception {
    SeriesVolume source = series("ct", DicomSeriesTest.oblique(5, true));
    List<SegmentationWriter.Segment> segments = twoLesionsAndAnEmptySegment(source.volume().grid());
    Path seg = dir.resolve("seg.dcm");
    SegmentationWriter.write(seg, source, segments, "test-ai", new Random(4));
    rewrite(seg, list -> {
      for (AttributeList frame : Frame.items(list, "PerFrameFunctionalGroupsSequence")) {
        frame.remove(DataSet.tag("DerivationImageSequence"));
      }
    });
    List<SegmentMask> read = SegmentationMasks.read(seg, source);
    for (int s = 0; s < 3; s++) {
      assertThat(read.get(s).mask().voxels()).containsExactly(segments.get(s).mask().voxels());
    }
  }

  @Test
  void anEnhancedMultiFrameSourceIsReferencedByFrameNumber() throws IOException {
    Grid grid = DicomSeriesTest.oblique(4, false);
    Files.createDirectories(dir.resolve("enhanced"));
    SyntheticSeries.writeEnhanced(dir.resolve("enhanced/ct.dcm"), DicomSeriesTest.ct(grid, 7), SyntheticSeries.Options.ct(new Random(8)),
        new Random(9));
    SeriesVolume source = DicomSeries.read(dir.resolve("enhanced"));
    List<SegmentationWriter.Segment> segments = List.of(SegmentationWriter.Segment.lesion("a", blob(source.volume().grid(), 10)));
    Path seg = dir.resolve("seg.dcm");
    SegmentationWriter.write(seg, source, segments, "test-ai", new Random(11));
    AttributeList written = DicomFiles.readAll(seg);
    AttributeList firstSource = Frame.items(Frame.items(Frame.items(written, "PerFrameFunctionalGroupsSequence").get(0),
        "DerivationImageSequence").get(0), "SourceImageSequence").get(0);
    assertThat(DataSet.value(firstSource, "ReferencedFrameNumber")).isEqualTo("2");
    assertThat(SegmentationMasks.read(seg, source).get(0).mask().voxels()).containsExactly(segments.get(0).mask().voxels());
  }

  @Test
  void labelsNumberTheSegmentsAndRefuseOverlaps() {
    Grid grid = Grid.of(2, 1, 1, 1, 1, 1);
    SegmentMask a = new SegmentMask(segment(1), new Volume(grid, new float[] {1, 0}));
    SegmentMask b = new SegmentMask(segment(2), new Volume(grid, new float[] {0, 1}));
    assertThat(SegmentationMasks.labels(List.of(a, b), dir).voxels()).containsExactly(1, 2);
    SegmentMask c = new SegmentMask(segment(3), new Volume(grid, new float[] {0, 1}));
    assertThatThrownBy(() -> SegmentationMasks.labels(List.of(a, b, c), dir.resolve("s.dcm")))
        .hasMessage(dir.resolve("s.dcm") + ": segments 2 and 3 overlap (voxel 1, 0, 0): read them as separate masks");
  }

  private static org.radtrial.dicom.results.Segment segment(int n) {
    return new org.radtrial.dicom.results.Segment("s.dcm", "1.2", "1.3", n, "s" + n, "", "", "", "", 1);
  }

  @Test
  void aFrameOffTheSourceGridIsNamed() throws Exception {
    SeriesVolume source = series("ct", new Grid(4, 3, 5, new double[] {1, 1, 2.5}, new double[] {0, 0, 0}, Grid.AXIAL));
    Path seg = dir.resolve("seg.dcm");
    SegmentationWriter.write(seg, source, List.of(SegmentationWriter.Segment.lesion("a", blob(source.volume().grid(), 12))), "x",
        new Random(13));
    rewrite(seg, list -> {
      AttributeList frame = Frame.items(list, "PerFrameFunctionalGroupsSequence").get(0);
      frame.remove(DataSet.tag("DerivationImageSequence"));
      AttributeList position = Frame.items(frame, "PlanePositionSequence").get(0);
      DataSet.set(position, "ImagePositionPatient", "0", "0", "3.7");
    });
    assertThatThrownBy(() -> SegmentationMasks.read(seg, source)).isInstanceOf(ImageFileException.class)
        .hasMessage(seg + ": frame 1 at (0.000, 0.000, 3.700) does not fall on the source grid (voxel 0.00, 0.00, 1.48 of 4x3x5)");
  }

  @Test
  void anAbsentSourceSeriesIsNamed() {
    SeriesVolume source = series("ct", new Grid(4, 3, 5, new double[] {1, 1, 2.5}, new double[] {0, 0, 0}, Grid.AXIAL));
    series("other", new Grid(4, 3, 5, new double[] {1, 1, 2.5}, new double[] {0, 0, 0}, Grid.AXIAL));
    Path seg = dir.resolve("seg.dcm");
    SegmentationWriter.write(seg, source, List.of(SegmentationWriter.Segment.lesion("a", blob(source.volume().grid(), 12))), "x",
        new Random(13));
    assertThatThrownBy(() -> SegmentationMasks.read(seg, dir.resolve("other"))).isInstanceOf(ImageFileException.class)
        .hasMessageStartingWith(seg + ": its source series " + source.seriesInstanceUid() + " cannot be read from "
            + dir.resolve("other") + " (" + dir.resolve("other") + ": no image series " + source.seriesInstanceUid() + " here;");
    SeriesVolume other = DicomSeries.read(dir.resolve("other"));
    assertThatThrownBy(() -> SegmentationMasks.read(seg, other))
        .hasMessage(seg + ": drawn on series " + source.seriesInstanceUid() + ", not on the series given (" + other.seriesInstanceUid() + ")");
    Path liver = PydicomFiles.file("liver_1frame.dcm");
    assertThatThrownBy(() -> SegmentationMasks.read(liver, dir.resolve("ct"))).isInstanceOf(ImageFileException.class)
        .hasMessageStartingWith(liver + ": its source series ").hasMessageContaining(" cannot be read from " + dir.resolve("ct"));
  }

  @Test
  void fractionalSegmentsHoldVoxelsOfAtLeastOneHalf() throws Exception {
    SeriesVolume source = series("ct", new Grid(4, 3, 3, new double[] {1, 1, 2}, new double[] {0, 0, 0}, Grid.AXIAL));
    Path seg = dir.resolve("seg.dcm");
    Volume any = new Volume(source.volume().grid(), new float[36]);
    any.voxels()[12] = 1; // one frame, slice 1
    SegmentationWriter.write(seg, source, List.of(SegmentationWriter.Segment.lesion("a", any)), "x", new Random(14));
    byte[] fractions = new byte[12];
    fractions[0] = (byte) 127; // 127/255 < 0.5
    fractions[1] = (byte) 128; // 128/255 >= 0.5
    fractions[11] = (byte) 255;
    rewrite(seg, list -> {
      DataSet.set(list, "SegmentationType", "FRACTIONAL");
      DataSet.set(list, "SegmentationFractionalType", "PROBABILITY");
      DataSet.set(list, "MaximumFractionalValue", "255");
      DataSet.set(list, "BitsAllocated", "8");
      DataSet.set(list, "BitsStored", "8");
      DataSet.set(list, "HighBit", "7");
      try {
        OtherByteAttribute pixels = new OtherByteAttribute(TagFromName.PixelData);
        pixels.setValues(fractions);
        list.put(pixels);
      } catch (DicomException e) {
        throw new IllegalStateException(e);
      }
    });
    float[] mask = SegmentationMasks.read(seg, source).get(0).mask().voxels();
    float[] expected = new float[36];
    expected[13] = 1;
    expected[23] = 1;
    assertThat(mask).containsExactly(expected);
  }

  @Test
  void notASegmentation() {
    SeriesVolume source = series("ct", new Grid(4, 3, 2, new double[] {1, 1, 2}, new double[] {0, 0, 0}, Grid.AXIAL));
    Path ct = source.slices().get(0).file();
    assertThatThrownBy(() -> SegmentationMasks.read(ct, source))
        .hasMessage(ct + ": not a Segmentation (SOPClassUID 1.2.840.10008.5.1.4.1.1.2, Modality CT)");
  }

  @Test
  void dcmtkAndDciodvfyAcceptTheWrittenSeg() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmdump")), "dcmtk is not installed");
    SeriesVolume source = series("ct", DicomSeriesTest.oblique(4, false));
    Path seg = dir.resolve("seg.dcm");
    SegmentationWriter.write(seg, source, twoLesionsAndAnEmptySegment(source.volume().grid()), "test-ai", new Random(15));
    String dump = run("dcmdump", "-q", seg.toString());
    assertThat(dump).contains("(0062,0001) CS [BINARY]").contains("(0028,0100) US 1").doesNotContain("E:");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dciodvfy")), "dicom3tools' dciodvfy is not installed");
    String verify = run("dciodvfy", seg.toString());
    // dciodvfy checks the Segmentation IOD; it says "Error - ..." (a SEG without SegmentationType gets three) or "Warning - ..."
    List<String> complaints = verify.lines().filter(l -> l.startsWith("Error") || l.startsWith("Warning")).toList();
    assertThat(complaints).as(verify).isEmpty();
    assertThat(verify).contains("Segmentation");
  }

  @Test
  void pydicomReadsTheWrittenSeg() throws Exception {
    Python.assumeModules("pydicom", "numpy");
    SeriesVolume source = series("ct", DicomSeriesTest.oblique(5, false));
    List<SegmentationWriter.Segment> segments = twoLesionsAndAnEmptySegment(source.volume().grid());
    Path seg = dir.resolve("seg.dcm");
    SegmentationWriter.write(seg, source, segments, "test-ai", new Random(16));
    Path script = Path.of(java.util.Objects.requireNonNull(getClass().getResource("pydicom/seg_frames.py")).toURI());
    List<String> lines = Python.run(script, List.of(seg.toString()), 120);
    // one line per frame: segment number, referenced SOPInstanceUID, number of set pixels
    Grid g = source.volume().grid();
    int plane = g.nx() * g.ny();
    List<String> expected = new ArrayList<>();
    for (int s = 0; s < segments.size(); s++) {
      float[] v = segments.get(s).mask().voxels();
      boolean any = false;
      for (int k = 0; k < g.nz(); k++) {
        int n = 0;
        for (int p = 0; p < plane; p++) {
          n += v[k * plane + p] != 0 ? 1 : 0;
        }
        if (n > 0) {
          expected.add((s + 1) + " " + source.slices().get(k).sopInstanceUid() + " " + n);
          any = true;
        }
      }
      if (!any) {
        expected.add((s + 1) + " " + source.slices().get(0).sopInstanceUid() + " 0");
      }
    }
    assertThat(lines).containsExactlyElementsOf(expected);
  }

  private Path segOn(SeriesVolume source, long seed) {
    Path seg = dir.resolve("seg" + seed + ".dcm");
    SegmentationWriter.write(seg, source, List.of(SegmentationWriter.Segment.lesion("a", blob(source.volume().grid(), seed))), "x",
        new Random(seed));
    return seg;
  }

  private SeriesVolume smallCt() {
    return series("ct", new Grid(4, 3, 5, new double[] {1, 1, 2.5}, new double[] {0, 0, 0}, Grid.AXIAL));
  }

  private static AttributeList firstSourceImage(AttributeList seg) {
    return Frame.items(Frame.items(Frame.items(seg, "PerFrameFunctionalGroupsSequence").get(0), "DerivationImageSequence").get(0),
        "SourceImageSequence").get(0);
  }

  @Test
  void everyFrameNeedsItsOwnFunctionalGroupsItem() throws Exception {
    SeriesVolume source = smallCt();
    Path seg = segOn(source, 21);
    int frames = Integer.parseInt(DataSet.value(DicomFiles.readHeader(seg), "NumberOfFrames"));
    assertThat(frames).isGreaterThan(1);
    rewrite(seg, list -> {
      List<AttributeList> items = Frame.items(list, "PerFrameFunctionalGroupsSequence");
      SequenceAttribute fewer = new SequenceAttribute(DataSet.tag("PerFrameFunctionalGroupsSequence"));
      items.subList(0, items.size() - 1).forEach(fewer::addItem);
      list.put(fewer);
    });
    assertThatThrownBy(() -> SegmentationMasks.read(seg, source)).isInstanceOf(ImageFileException.class)
        .hasMessage(seg + ": PerFrameFunctionalGroupsSequence has " + (frames - 1) + " items but NumberOfFrames is " + frames
            + ": each frame needs its own item");
  }

  @Test
  void aFractionalSegWithoutMaximumFractionalValueIsRefused() throws Exception {
    SeriesVolume source = smallCt();
    Path seg = segOn(source, 22);
    rewrite(seg, list -> {
      DataSet.set(list, "SegmentationType", "FRACTIONAL");
      DataSet.set(list, "SegmentationFractionalType", "PROBABILITY");
      list.remove(DataSet.tag("MaximumFractionalValue"));
    });
    assertThatThrownBy(() -> SegmentationMasks.read(seg, source)).isInstanceOf(ImageFileException.class)
        .hasMessage(seg + ": SegmentationType FRACTIONAL but no MaximumFractionalValue (Type 1: the stored value that means a"
            + " fraction of 1)");
  }

  @Test
  void aFrameReferringToAnImageOutsideTheSourceSeriesIsAnError() throws Exception {
    SeriesVolume source = smallCt();
    Path seg = segOn(source, 23);
    rewrite(seg, list -> DataSet.set(firstSourceImage(list), "ReferencedSOPInstanceUID", "1.2.826.0.1.999"));
    assertThatThrownBy(() -> SegmentationMasks.read(seg, source)).isInstanceOf(ImageFileException.class)
        .hasMessage(seg + ": frame 1 refers to SOPInstanceUID 1.2.826.0.1.999, which is not in source series "
            + source.seriesInstanceUid() + ": it was drawn on another image");
  }

  @Test
  void aReferencedFrameNumberThatIsNotANumberIsLocated() throws Exception {
    SeriesVolume source = smallCt();
    Path seg = segOn(source, 24);
    rewrite(seg, list -> DataSet.set(firstSourceImage(list), "ReferencedFrameNumber", "one"));
    assertThatThrownBy(() -> SegmentationMasks.read(seg, source)).isInstanceOf(ImageFileException.class)
        .hasMessage(seg + ": frame 1: ReferencedFrameNumber 'one' in its SourceImageSequence is not a whole number");
  }

  @Test
  void theSourceSeriesIsReadFromItsHeadersAlone() throws Exception {
    SeriesVolume source = series("ct", DicomSeriesTest.oblique(5, false));
    Grid grid = source.volume().grid();
    List<SegmentationWriter.Segment> segments = List.of(SegmentationWriter.Segment.lesion("a", blob(grid, 31)),
        SegmentationWriter.Segment.lesion("b", new Volume(grid, new float[grid.size()])),
        SegmentationWriter.Segment.lesion("c", new Volume(grid, new float[grid.size()])));
    Path seg = dir.resolve("seg.dcm");
    SegmentationWriter.write(seg, source, segments, "x", new Random(32));
    for (SliceSource slice : source.slices()) {
      byte[] b = Files.readAllBytes(slice.file());
      Files.write(slice.file(), java.util.Arrays.copyOf(b, b.length - 8)); // Pixel Data cut short: cannot be decoded
    }
    assertThatThrownBy(() -> DicomSeries.read(dir.resolve("ct"))).isInstanceOf(ImageFileException.class);
    List<SegmentMask> read = SegmentationMasks.read(seg, dir.resolve("ct"));
    assertThat(read.get(0).mask().voxels()).containsExactly(segments.get(0).mask().voxels());
    assertThat(read.get(1).mask().countNonZero()).isZero();
    assertThat(read.get(2).mask().voxels()).as("segments without a voxel share one array of zeros")
        .isSameAs(read.get(1).mask().voxels());
    assertThat(ImageFiles.readLabels(seg, dir.resolve("ct")).voxels())
        .containsExactly(SegmentationMasks.labels(read, seg).voxels());
  }

  @Test
  void labelsReadDirectlyRefuseOverlapsLikeLabelsOfMasks() throws Exception {
    SeriesVolume source = series("ct", DicomSeriesTest.oblique(5, false));
    Grid grid = source.volume().grid();
    Volume a = blob(grid, 41);
    Volume b = blob(grid, 42);
    Path seg = dir.resolve("seg.dcm");
    SegmentationWriter.write(seg, source, List.of(SegmentationWriter.Segment.lesion("a", a), SegmentationWriter.Segment.lesion("b",
        b)), "x", new Random(43));
    String expected = seg + ": segments 1 and 2 overlap";
    assertThatThrownBy(() -> SegmentationMasks.labels(SegmentationMasks.read(seg, source), seg)).hasMessageStartingWith(expected);
    String viaMasks = org.assertj.core.api.Assertions.catchThrowable(
        () -> SegmentationMasks.labels(SegmentationMasks.read(seg, source), seg)).getMessage();
    assertThatThrownBy(() -> ImageFiles.readLabels(seg, dir.resolve("ct"))).isInstanceOf(ImageFileException.class)
        .hasMessage(viaMasks);
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  interface Edit {
    void apply(AttributeList list) throws Exception;
  }

  /** Reads a file, changes it, writes it back in place (a test's own file). */
  static void rewrite(Path file, Edit edit) throws Exception {
    AttributeList list = DicomFiles.readAll(file);
    edit.apply(list);
    for (Attribute meta : new ArrayList<>(list.values())) {
      if (meta.getTag().getGroup() == 0x0002) {
        list.remove(meta.getTag());
      }
    }
    SyntheticDicom.write(list, file);
  }
}

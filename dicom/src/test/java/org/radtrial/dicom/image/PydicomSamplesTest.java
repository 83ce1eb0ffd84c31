package org.radtrial.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.PydicomFiles;
import org.radtrial.dicom.synth.SyntheticSeries;
import org.radtrial.io.Python;
import org.radtrial.io.image.ImageFileException;

/**
 * pydicom's real sample images (CT, MR in five encodings including RLE and big endian) read as
 * pydicom 2.3.1 reads them: pydicom/expected.json is the output of pydicom/expected_pixels.py
 * (geometry, voxels after RescaleSlope/Intercept, sum); a live test runs that script on our
 * synthetic series and on a JPEG-lossless copy made by dcmtk.
 */
class PydicomSamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Path script() throws URISyntaxException {
    return Path.of(Objects.requireNonNull(PydicomSamplesTest.class.getResource("pydicom/expected_pixels.py")).toURI());
  }

  static List<String> samples() throws Exception {
    List<String> names = new ArrayList<>();
    JSON.readTree(script().resolveSibling("expected.json").toFile()).fieldNames().forEachRemaining(names::add);
    return names;
  }

  @ParameterizedTest
  @MethodSource("samples")
  void readsWhatPydicomReads(String name) throws Exception {
    JsonNode e = JSON.readTree(script().resolveSibling("expected.json").toFile()).get(name);
    SeriesVolume read = DicomSeries.read(PydicomFiles.file(name));
    assertMatches(read.volume(), e, name);
  }

  static void assertMatches(Volume volume, JsonNode e, String name) {
    Grid g = volume.grid();
    assertThat(g.nx()).isEqualTo(e.get("columns").asInt());
    assertThat(g.ny()).isEqualTo(e.get("rows").asInt());
    for (int c = 0; c < 3; c++) {
      // within the 16 characters of a DS: our grid's position, written to the header and read back
      assertThat(g.origin()[c]).as(name).isCloseTo(e.get("position").get(c).asDouble(), within(1e-6));
    }
    for (int c = 0; c < 6; c++) {
      assertThat(g.direction()[c]).as(name).isCloseTo(e.get("orientation").get(c).asDouble(), within(1e-6));
    }
    assertThat(g.spacing(0)).isCloseTo(e.get("pixel_spacing").get(1).asDouble(), within(1e-9));
    assertThat(g.spacing(1)).isCloseTo(e.get("pixel_spacing").get(0).asDouble(), within(1e-9));
    for (JsonNode v : e.get("voxels")) {
      assertThat(volume.value(v.get(0).asInt(), v.get(1).asInt(), 0)).as("%s (%s, %s)", name, v.get(0), v.get(1))
          .isEqualTo((float) v.get(2).asDouble());
    }
    double sum = 0;
    for (float x : volume.voxels()) {
      sum += x;
    }
    assertThat(sum).as(name + " sum").isEqualTo(e.get("sum").asDouble());
  }

  @Test
  void liveAgainstPydicomOnSyntheticSlicesAndTheirJpegLosslessCopies() throws Exception {
    Python.assumeModules("pydicom", "numpy");
    Volume volume = DicomSeriesTest.ct(DicomSeriesTest.oblique(3, false), 21);
    SyntheticSeries.Written written = SyntheticSeries.write(dir.resolve("ct"), volume, SyntheticSeries.Options.ct(new Random(22)),
        new Random(23));
    List<String> args = new ArrayList<>();
    written.files().forEach(f -> args.add(f.toString()));
    JsonNode e = JSON.readTree(String.join("\n", Python.run(script(), args, 120)));
    SeriesVolume read = DicomSeries.read(dir.resolve("ct"));
    int plane = volume.grid().nx() * volume.grid().ny();
    for (int k = 0; k < 3; k++) {
      JsonNode slice = e.get(read.slices().get(k).file().toString());
      float[] one = java.util.Arrays.copyOfRange(read.volume().voxels(), k * plane, (k + 1) * plane);
      Grid g = read.volume().grid();
      Grid sliceGrid = new Grid(g.nx(), g.ny(), 1, g.spacing(), SyntheticSeries.position(g, k), g.direction());
      assertMatches(new Volume(sliceGrid, one), slice, read.slices().get(k).file().toString());
    }
  }

  @Test
  void jpegLosslessIsRefusedByNameAndReadsOnceDecompressedAsAdvised() throws Exception {
    Assumptions.assumeTrue(onPath("dcmcjpeg") && onPath("dcmdjpeg"), "dcmtk is not installed (apt-get install dcmtk)");
    Volume volume = DicomSeriesTest.ct(DicomSeriesTest.oblique(3, false), 31);
    SyntheticSeries.Written written = SyntheticSeries.write(dir.resolve("ct"), volume, SyntheticSeries.Options.ct(new Random(32)),
        new Random(33));
    Files.createDirectories(dir.resolve("jpeg"));
    Files.createDirectories(dir.resolve("plain"));
    for (Path f : written.files()) {
      Path jpeg = dir.resolve("jpeg").resolve(f.getFileName());
      dcmtk("dcmcjpeg", "+e1", f.toString(), jpeg.toString());
      dcmtk("dcmdjpeg", jpeg.toString(), dir.resolve("plain").resolve(f.getFileName()).toString());
    }
    Path first = dir.resolve("jpeg/slice-0001.dcm");
    assertThatThrownBy(() -> DicomSeries.read(dir.resolve("jpeg"))).isInstanceOf(ImageFileException.class)
        .hasMessageStartingWith(first + ": its pixel data (transfer syntax 1.2.840.10008.1.2.4.70) cannot be decoded here");
    SeriesVolume read = DicomSeries.read(dir.resolve("plain"));
    assertThat(read.volume().voxels()).containsExactly(volume.voxels());
    assertThat(read.volume().grid().differencesFrom(volume.grid())).isEmpty();
  }

  private static void dcmtk(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theCommittedValuesCoverCompressedAndBigEndianEncodings() throws Exception {
    JsonNode all = JSON.readTree(script().resolveSibling("expected.json").toFile());
    List<String> syntaxes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) all::fields) {
      syntaxes.add(e.getValue().get("transfer_syntax").asText());
    }
    assertThat(syntaxes).contains("1.2.840.10008.1.2.5", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2", "1.2.840.10008.1.2.1");
  }
}

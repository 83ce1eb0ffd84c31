package org.radtrial.io.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/**
 * The committed files that Debian's nibabel 5.0.0 wrote (nibabel/make_fixtures.py) read as nibabel
 * reads them (nibabel/expected.json, that script's output): shape, affine, voxels and sum.
 */
class NiftiNibabelFixturesTest {
  private static final Path FOLDER = NiftiTesting.nibabelFolder();

  static List<String> files() throws IOException {
    List<String> names = new ArrayList<>();
    expected().get("files").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode expected() throws IOException {
    return new ObjectMapper().readTree(FOLDER.resolve("expected.json").toFile());
  }

  @Test
  void theFixturesCoverEveryDatatypeBothByteOrdersGzipAndEveryTransform() throws IOException {
    JsonNode files = expected().get("files");
    List<Integer> datatypes = new ArrayList<>();
    List<String> endianness = new ArrayList<>();
    List<String> transforms = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) files::fields) {
      datatypes.add(e.getValue().get("datatype").asInt());
      endianness.add(e.getValue().get("endianness").asText());
      transforms.add(Nifti.readHeader(FOLDER.resolve(e.getKey())).transform());
    }
    assertThat(datatypes).containsAll(List.of(2, 4, 8, 16, 64, 256, 512, 768));
    assertThat(endianness).contains("<", ">");
    assertThat(transforms).contains("sform", "qform", "pixdim");
    assertThat(files()).anyMatch(n -> n.endsWith(".gz"));
  }

  @ParameterizedTest
  @MethodSource("files")
  void readsWhatNibabelReads(String name) throws IOException {
    JsonNode e = expected().get("files").get(name);
    Volume volume = Nifti.read(FOLDER.resolve(name));
    Grid grid = volume.grid();
    assertThat(List.of(grid.nx(), grid.ny(), grid.nz())).isEqualTo(List.of(
        e.get("shape").get(0).asInt(), e.get("shape").get(1).asInt(), e.get("shape").get(2).asInt()));
    double[][] affine = NiftiTesting.rasAffine(grid);
    for (int row = 0; row < 4; row++) {
      for (int col = 0; col < 4; col++) {
        assertThat(affine[row][col]).as("%s affine[%d][%d]", name, row, col)
            .isCloseTo(e.get("affine").get(row).get(col).asDouble(), within(1e-9));
      }
    }
    for (JsonNode v : e.get("voxels")) {
      assertThat(volume.value(v.get(0).asInt(), v.get(1).asInt(), v.get(2).asInt()))
          .as("%s voxel (%s, %s, %s)", name, v.get(0), v.get(1), v.get(2)).isEqualTo((float) v.get(3).asDouble());
    }
    double sum = 0;
    for (float x : volume.voxels()) {
      sum += x;
    }
    double expectedSum = e.get("sum").asDouble();
    assertThat(sum).as("%s sum", name).isCloseTo(expectedSum, within(1e-12 * Math.max(1, Math.abs(expectedSum))));
  }

  @Test
  void sformIsPreferredToQform() {
    NiftiHeader header = Nifti.readHeader(FOLDER.resolve("float32_sform_over_qform.nii.gz"));
    assertThat(header.sformCode()).isEqualTo(4);
    assertThat(header.qformCode()).isEqualTo(1);
    assertThat(header.transform()).isEqualTo("sform");
  }

  @Test
  void bigEndianFilesAreRecognisedFromSizeofHdr() {
    assertThat(Nifti.readHeader(FOLDER.resolve("uint16_big_endian.nii")).order()).isEqualTo(java.nio.ByteOrder.BIG_ENDIAN);
  }

  @Test
  void noTransformFallsBackToNibabelsCentredPixdimAffineWhichIsLps() {
    Grid grid = Nifti.read(FOLDER.resolve("float32_no_transform.nii")).grid();
    // nibabel: diag(-0.8, 0.9, 2.5), the middle voxel at 0; in LPS the first axis runs +x and the second -y
    assertThat(grid.direction()).containsExactly(1, 0, 0, 0, -1, 0, 0, 0, 1);
    assertThat(grid.origin()[0]).isCloseTo(-1.6, within(1e-6));
    assertThat(grid.origin()[1]).isCloseTo(1.35, within(1e-6));
    assertThat(grid.origin()[2]).isCloseTo(-2.5, within(1e-6));
  }
}

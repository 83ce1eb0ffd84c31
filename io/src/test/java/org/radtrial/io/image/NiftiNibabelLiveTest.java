package org.radtrial.io.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.io.Python;

/**
 * Live cross-check with Debian's nibabel (skipped where python3-nibabel is missing): random files
 * nibabel writes are read back exactly as nibabel reads them, and nibabel reads radtrial's writer's
 * files exactly as radtrial wrote them.
 */
class NiftiNibabelLiveTest {
  private static final Path SCRIPT = NiftiTesting.nibabelFolder().resolve("live.py");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void readsRandomFilesNibabelWrote() throws Exception {
    Python.assumeModules("nibabel", "numpy");
    long seed = System.nanoTime() % 100_000;
    Path folder = Files.createDirectory(dir.resolve("seed-" + seed)); // named in every assertion, to rerun a failure
    List<String> lines = Python.run(SCRIPT, List.of("write", folder.toString(), Long.toString(seed)), 120);
    assertThat(lines).hasSize(16);
    for (String line : lines) {
      JsonNode e = JSON.readTree(line);
      Path file = Path.of(e.get("file").asText());
      Volume volume = Nifti.read(file);
      assertSame(volume, e, readFloats(Path.of(file + ".f32")));
    }
  }

  @Test
  void nibabelReadsWhatRadtrialWrote() throws Exception {
    Python.assumeModules("nibabel", "numpy");
    List<Volume> written = new ArrayList<>();
    List<String> files = new ArrayList<>();
    int n = 0;
    for (boolean leftHanded : new boolean[] {false, true}) {
      for (boolean labels : new boolean[] {false, true}) {
        Volume v = NiftiWriterTest.random(NiftiWriterTest.oblique(leftHanded), n, labels);
        Path file = dir.resolve("radtrial-" + n++ + (labels ? ".nii" : ".nii.gz"));
        if (labels) {
          Nifti.writeLabels(v, file);
        } else {
          Nifti.writeFloat32(v, file);
        }
        written.add(v);
        files.add(file.toString());
      }
    }
    List<String> args = new ArrayList<>(List.of("read"));
    args.addAll(files);
    List<String> lines = Python.run(SCRIPT, args, 120);
    assertThat(lines).hasSize(files.size());
    for (int i = 0; i < lines.size(); i++) {
      JsonNode e = JSON.readTree(lines.get(i));
      assertThat(e.get("datatype").asInt()).isEqualTo(files.get(i).endsWith(".gz") ? 16 : 2);
      assertSame(written.get(i), e, readFloats(Path.of(files.get(i) + ".f32")));
    }
  }

  private static void assertSame(Volume volume, JsonNode e, float[] nibabel) {
    String file = e.get("file").asText();
    Grid grid = volume.grid();
    JsonNode shape = e.get("shape");
    assertThat(List.of(grid.nx(), grid.ny(), grid.nz())).as(file)
        .isEqualTo(List.of(shape.get(0).asInt(), shape.get(1).asInt(), shape.get(2).asInt()));
    double[][] affine = NiftiTesting.rasAffine(grid);
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 4; col++) {
        // nibabel's affine from the float32 header; a grid written by radtrial holds doubles
        assertThat(affine[row][col]).as("%s affine[%d][%d]", file, row, col)
            .isCloseTo(e.get("affine").get(row).get(col).asDouble(), within(2e-5));
      }
    }
    assertThat(volume.voxels()).as(file).containsExactly(nibabel);
  }

  private static float[] readFloats(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[b.remaining() / 4];
    b.asFloatBuffer().get(out);
    return out;
  }
}

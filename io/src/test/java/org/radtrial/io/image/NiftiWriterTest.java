package org.radtrial.io.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

class NiftiWriterTest {
  @TempDir Path dir;

  static Grid oblique(boolean leftHanded) {
    double c = Math.cos(0.4);
    double s = Math.sin(0.4);
    double[] direction = {c, s, 0, -s, c, 0, 0, 0, leftHanded ? -1 : 1};
    return new Grid(6, 5, 4, new double[] {0.75, 0.8, 2.5}, new double[] {-120.5, 33.25, -400}, direction);
  }

  static Volume random(Grid grid, long seed, boolean labels) {
    Random random = new Random(seed);
    float[] v = new float[grid.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = labels ? random.nextInt(4) : (float) (random.nextGaussian() * 300 - 50);
    }
    return new Volume(grid, v);
  }

  @Test
  void float32RoundTripsExactly() {
    for (boolean leftHanded : new boolean[] {false, true}) {
      Volume volume = random(oblique(leftHanded), 1, false);
      for (String name : new String[] {"ct.nii", "ct.nii.gz"}) {
        Path file = dir.resolve(leftHanded + name);
        Nifti.writeFloat32(volume, file);
        Volume back = Nifti.read(file);
        assertThat(back.voxels()).containsExactly(volume.voxels());
        assertThat(back.grid().differencesFrom(volume.grid())).isEmpty();
      }
    }
  }

  @Test
  void labelsAreUint8AndRoundTrip() throws IOException {
    Volume volume = random(oblique(false), 2, true);
    Path file = dir.resolve("mask.nii.gz");
    Nifti.writeLabels(volume, file);
    assertThat(Nifti.readHeader(file).datatype()).isEqualTo(NiftiDatatype.UINT8);
    assertThat(Nifti.read(file).voxels()).containsExactly(volume.voxels());
    Path plain = dir.resolve("mask.nii");
    Nifti.writeLabels(volume, plain);
    assertThat(Files.size(plain)).isEqualTo(352 + volume.grid().size());
  }

  @Test
  void qformAndSformAgree() throws IOException {
    for (boolean leftHanded : new boolean[] {false, true}) {
      Volume volume = random(oblique(leftHanded), 3, false);
      Path file = dir.resolve("both" + leftHanded + ".nii");
      Nifti.writeFloat32(volume, file);
      NiftiHeader header = Nifti.readHeader(file);
      assertThat(header.sformCode()).isEqualTo(1);
      assertThat(header.qformCode()).isEqualTo(1);
      assertThat(header.pixdim(0)).isEqualTo(leftHanded ? -1f : 1f);
      byte[] bytes = Files.readAllBytes(file);
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(254, (short) 0);
      Path qformOnly = dir.resolve("qform" + leftHanded + ".nii");
      Files.write(qformOnly, bytes);
      Grid fromQform = Nifti.read(qformOnly).grid();
      assertThat(fromQform.differencesFrom(volume.grid())).isEmpty();
      for (int i = 0; i < 9; i++) {
        assertThat(fromQform.direction()[i]).isCloseTo(volume.grid().direction()[i], within(1e-6));
      }
    }
  }

  @Test
  void nonOrthogonalDirectionsAreWrittenAsSformOnly() {
    Grid sheared = new Grid(3, 3, 3, new double[] {1, 1, 1}, new double[] {0, 0, 0},
        new double[] {1, 0, 0, Math.sqrt(0.5), Math.sqrt(0.5), 0, 0, 0, 1});
    Path file = dir.resolve("sheared.nii");
    Nifti.writeFloat32(new Volume(sheared, new float[27]), file);
    assertThat(Nifti.readHeader(file).qformCode()).isZero();
    assertThat(Nifti.read(file).grid().differencesFrom(sheared)).isEmpty();
  }

  @Test
  void labelsOutsideUint8AreRefusedNamingTheVoxel() {
    float[] v = new float[8];
    v[5] = 2.5f;
    Path file = dir.resolve("bad.nii");
    assertThatThrownBy(() -> Nifti.writeLabels(new Volume(Grid.of(2, 2, 2, 1, 1, 1), v), file))
        .isInstanceOf(ImageFileException.class)
        .hasMessage(file + ": cannot be written as uint8 labels: voxel (1, 0, 1) is 2.5, not a whole number from 0 to 255");
    assertThat(file).doesNotExist();
  }

  @Test
  void anAxialDicomGridBecomesTheUsualNiftiAffine() {
    // LPS identity directions: nibabel's affine has -spacing on x and y, and the origin's x and y negated
    Grid grid = new Grid(2, 2, 2, new double[] {0.5, 0.6, 2}, new double[] {-100, -80, 20}, Grid.AXIAL);
    Path file = dir.resolve("axial.nii");
    Nifti.writeFloat32(new Volume(grid, new float[8]), file);
    double[] a = Nifti.readHeader(file).affine();
    assertThat(a).containsExactly(new double[] {-0.5, 0, 0, 100, 0, -0.6000000238418579, 0, 80, 0, 0, 2, 20}, within(1e-12));
  }

  @Test
  void writingReplacesAnEarlierFileWhole() throws IOException {
    Path file = dir.resolve("x.nii");
    Files.writeString(file, "old");
    Nifti.writeFloat32(random(oblique(false), 4, false), file);
    assertThat(Nifti.read(file).grid().nx()).isEqualTo(6);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}

package org.radtrial.core.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/** Hand-computed NMSE, PSNR, noise and CNR, the SSIM of identical images, and the errors. */
class FidelityTest {
  private static final Grid GRID = Grid.of(7, 7, 2, 1, 1, 1);

  private static Volume constant(Grid g, float value) {
    float[] v = new float[g.size()];
    Arrays.fill(v, value);
    return new Volume(g, v);
  }

  @Test
  void nmseAndPsnrMatchAHandComputation() {
    // reference 2 everywhere; the candidate differs by 3 at (0,0,0) and by -1 at (3,3,1)
    Volume ref = constant(GRID, 2);
    float[] c = ref.voxels().clone();
    c[GRID.index(0, 0, 0)] = 5;
    c[GRID.index(3, 3, 1)] = 1;
    Regions box = Regions.fromBoxes(GRID, List.of(new VoxelBox(0, 0, 0, 1, 1, 0)), List.of());
    Comparison r = Fidelity.compare(ref, new Volume(GRID, c), box);
    assertThat(r.dataRange()).isEqualTo(2);
    // Σ(ref − cand)² = 9 + 1 = 10; Σ ref² = 98 × 4 = 392
    assertThat(r.nmse()).isCloseTo(10.0 / 392, within(1e-15));
    assertThat(r.sliceNmse()).containsExactly(new double[] {9.0 / 196, 1.0 / 196}, within(1e-15));
    // MSE = 10 / 98, R² = 4
    assertThat(r.psnr()).isCloseTo(10 * Math.log10(4 / (10.0 / 98)), within(1e-12));
    assertThat(r.slicePsnr()[0]).isCloseTo(10 * Math.log10(4 / (9.0 / 49)), within(1e-12));
    // the box holds 4 voxels: Σ err = 9, Σ ref² = 16, MSE = 9/4; both its voxels lie in SSIM's border
    RegionFidelity lesion = r.lesions();
    assertThat(lesion.voxels()).isEqualTo(4);
    assertThat(lesion.nmse()).isCloseTo(9.0 / 16, within(1e-15));
    assertThat(lesion.psnr()).isCloseTo(10 * Math.log10(4 / (9.0 / 4)), within(1e-12));
    assertThat(lesion.ssimVoxels()).isZero();
    assertThat(lesion.ssim()).isNaN();
    assertThat(r.regions()).hasSize(1);
    assertThat(r.lowestRegionSsim()).isNaN();
    assertThat(r.sliceLesionSsim()).containsOnly(Double.NaN);
  }

  @Test
  void identicalImagesHaveSsimOneAndInfinitePsnr() {
    Volume ref = new Volume(GRID, ramp(GRID));
    Comparison r = Fidelity.compare(ref, new Volume(GRID, ramp(GRID)), Regions.none(GRID));
    assertThat(r.ssim()).isCloseTo(1, within(1e-15));
    assertThat(r.psnr()).isInfinite();
    assertThat(r.nmse()).isZero();
    assertThat(r.lesions()).isNull();
    assertThat(r.contrast()).isNull();
  }

  @Test
  void ssimOfOneWindowMatchesTheFormula() {
    // a 7x7 slice is one window: SSIM is the formula on the whole slice's means, variances (n − 1) and covariance
    Grid g = Grid.of(7, 7, 1, 1, 1, 1);
    float[] x = ramp(g);
    float[] y = new float[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i] * 0.5f + (i % 3);
    }
    double mx = mean(x);
    double my = mean(y);
    double vx = 0;
    double vy = 0;
    double vxy = 0;
    for (int i = 0; i < x.length; i++) {
      vx += (x[i] - mx) * (x[i] - mx);
      vy += (y[i] - my) * (y[i] - my);
      vxy += (x[i] - mx) * (y[i] - my);
    }
    vx /= 48;
    vy /= 48;
    vxy /= 48;
    double range = 0;
    for (float v : x) {
      range = Math.max(range, v);
    }
    double c1 = Math.pow(0.01 * range, 2);
    double c2 = Math.pow(0.03 * range, 2);
    double expected = (2 * mx * my + c1) * (2 * vxy + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
    assertThat(Fidelity.compare(new Volume(g, x), new Volume(g, y), Regions.none(g)).ssim()).isCloseTo(expected, within(1e-12));
  }

  @Test
  void noiseAndCnrMatchAHandComputation() {
    Grid g = Grid.of(7, 7, 1, 1, 1, 1);
    float[] v = new float[g.size()];
    Arrays.fill(v, 40);
    // uniform box (0..1, 0..1): 40, 44, 36, 40: mean 40, SD sqrt(32 / 3)
    v[g.index(1, 0, 0)] = 44;
    v[g.index(0, 1, 0)] = 36;
    // lesion box (4..5, 4..4): 100 and 110: mean 105
    v[g.index(4, 4, 0)] = 100;
    v[g.index(5, 4, 0)] = 110;
    Regions regions = Regions.fromBoxes(g, List.of(new VoxelBox(4, 4, 0, 5, 4, 0)), List.of(new VoxelBox(0, 0, 0, 1, 1, 0)));
    Contrast c = Fidelity.contrast(new Volume(g, v), regions);
    double sd = Math.sqrt(32.0 / 3);
    assertThat(c.noise()).isCloseTo(sd, within(1e-12));
    assertThat(c.uniformMean()).isEqualTo(40);
    assertThat(c.lesionCnr()).isCloseTo(65 / sd, within(1e-12));
    assertThat(c.regionCnr()).containsExactly(new double[] {65 / sd}, within(1e-12));
  }

  @Test
  void regionsFromLabelsAndOverlappingBoxes() {
    Grid g = Grid.of(8, 7, 2, 1, 1, 1);
    float[] labels = new float[g.size()];
    labels[g.index(1, 1, 0)] = 3;
    labels[g.index(2, 1, 1)] = 3;
    labels[g.index(5, 5, 1)] = 1;
    labels[g.index(6, 6, 1)] = 9;
    labels[g.index(6, 5, 1)] = 9;
    Regions r = Regions.fromLabels(new Volume(g, labels), 9);
    assertThat(r.lesions()).extracting(Regions.Region::label).containsExactly(1, 3);
    assertThat(r.lesions().get(1).voxels()).containsExactly(g.index(1, 1, 0), g.index(2, 1, 1));
    assertThat(r.uniform()).containsExactly(g.index(6, 5, 1), g.index(6, 6, 1));
    Regions boxes = Regions.fromBoxes(g, List.of(new VoxelBox(0, 0, 0, 1, 1, 0), new VoxelBox(1, 1, 0, 2, 2, 0)), List.of());
    assertThat(boxes.lesionUnion()).hasSize(7);
    assertThatThrownBy(() -> Regions.fromBoxes(g, List.of(new VoxelBox(0, 0, 0, 8, 1, 0)), List.of()))
        .hasMessage("box [0..8, 0..1, 0..0] reaches beyond the image's 8x7x2 voxels (indices start at 0)");
  }

  @Test
  void badInputIsRefusedWithWhatIsWrong() {
    Volume ref = new Volume(GRID, ramp(GRID));
    Grid other = new Grid(7, 7, 2, new double[] {1, 1, 2}, new double[] {0, 0, 0}, Grid.AXIAL);
    assertThatThrownBy(() -> Fidelity.compare(ref, new Volume(other, ramp(other)), Regions.none(GRID)))
        .hasMessage("the candidate is not on the reference's grid: spacing (1.000, 1.000, 1.000) vs (1.000, 1.000, 2.000)");
    Grid small = Grid.of(6, 9, 1, 1, 1, 1);
    assertThatThrownBy(() -> Fidelity.compare(new Volume(small, ramp(small)), new Volume(small, ramp(small)), Regions.none(small)))
        .hasMessage("SSIM's 7x7 window needs slices of at least 7x7 voxels, these are 6x9");
    assertThatThrownBy(() -> Fidelity.compare(constant(GRID, -5), ref, Regions.none(GRID)))
        .hasMessageContaining("the reference's maximum is -5.0: PSNR and SSIM take it as the data range");
    float[] nan = ramp(GRID);
    nan[GRID.index(2, 3, 1)] = Float.NaN;
    assertThatThrownBy(() -> Fidelity.compare(ref, List.of(ref, new Volume(GRID, nan)), Regions.none(GRID)))
        .hasMessage("candidate 2 has a voxel that is not a number (NaN) at column 2, row 3, slice 1 (from 0)");
  }

  private static float[] ramp(Grid g) {
    float[] v = new float[g.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i * 7) % 50;
    }
    return v;
  }

  private static double mean(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x;
    }
    return s / v.length;
  }
}

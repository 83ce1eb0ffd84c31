package org.radtrial.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GridTest {

    @Test
    void gridsThatAgreeWithinToleranceHaveNoDifferences() {
        Grid a = Grid.of(4, 5, 6, 0.7, 0.7, 2.5);
        Grid b = new Grid(4, 5, 6, new double[] {0.7001, 0.7, 2.5}, new double[] {0, 0, 0.0005}, Grid.AXIAL);
        assertThat(a.differencesFrom(b)).isEmpty();
    }

    @Test
    void everyDifferingPropertyIsNamed() {
        Grid a = Grid.of(4, 5, 6, 0.7, 0.7, 2.5);
        Grid b = new Grid(4, 5, 7, new double[] {0.7, 0.7, 3}, new double[] {0, 10, 0},
                new double[] {1, 0, 0, 0, 0, 1, 0, 1, 0});
        assertThat(a.differencesFrom(b)).hasSize(4)
                .anySatisfy(s -> assertThat(s).isEqualTo("size 4x5x6 vs 4x5x7"))
                .anySatisfy(s -> assertThat(s).startsWith("spacing (0.7000, 0.7000, 2.500) vs"))
                .anySatisfy(s -> assertThat(s).startsWith("origin"))
                .anySatisfy(s -> assertThat(s).startsWith("orientation"));
    }

    @Test
    void voxelIndexRunsFastestAlongTheFirstAxis() {
        Grid g = Grid.of(3, 4, 5, 1, 1, 1);
        assertThat(g.index(1, 0, 0)).isEqualTo(1);
        assertThat(g.index(0, 1, 0)).isEqualTo(3);
        assertThat(g.index(0, 0, 1)).isEqualTo(12);
        assertThat(g.index(2, 3, 4)).isEqualTo(g.size() - 1);
        assertThat(g.voxelVolume()).isEqualTo(1.0);
    }

    @Test
    void rejectsNonPositiveSpacingAndWrongVoxelCount() {
        assertThatThrownBy(() -> Grid.of(2, 2, 2, 1, 0, 1)).hasMessageContaining("spacing must be positive");
        assertThatThrownBy(() -> new Volume(Grid.of(2, 2, 2, 1, 1, 1), new float[7]))
                .hasMessage("a 2x2x2 grid needs 8 voxel values, found 7");
    }

    @Test
    void aPointFindsItsNearestVoxelThroughSpacingOriginAndDirection() {
        // axes: i along patient y, j along patient x (a swap), k along z; 2 mm voxels; origin (10, 20, 30)
        Grid g = new Grid(4, 5, 6, new double[] {2, 2, 2}, new double[] {10, 20, 30}, new double[] {0, 1, 0, 1, 0, 0, 0, 0, 1});
        assertThat(g.voxelAt(10 + 2 * 3, 20 + 2 * 1, 30 + 2 * 5).orElseThrow()).containsExactly(1, 3, 5);
        assertThat(g.voxelAt(10.9, 20.9, 30.9).orElseThrow()).containsExactly(0, 0, 0);
        assertThat(g.voxelAt(10, 20 - 1.1, 30)).isEmpty();
        assertThat(g.voxelAt(10, 20 + 2 * 3.6, 30)).isEmpty();
    }

    @Test
    void aPointOnATiltedGantryGridFindsItsVoxel() {
        // a 20° gantry tilt: the slice axis leans in y, so the grid is sheared (not orthonormal)
        double t = Math.toRadians(20);
        double[] dir = {1, 0, 0, 0, 1, 0, 0, Math.sin(t), Math.cos(t)};
        Grid g = new Grid(512, 512, 200, new double[] {0.7, 0.7, 1.0}, new double[] {-180, -200, 50}, dir);
        int[] v = {100, 200, 150};
        double[] p = new double[3];
        for (int c = 0; c < 3; c++) {
            p[c] = g.origin()[c] + v[0] * 0.7 * dir[c] + v[1] * 0.7 * dir[3 + c] + v[2] * 1.0 * dir[6 + c];
        }
        assertThat(g.voxelAt(p[0] + 0.2, p[1] - 0.2, p[2] + 0.3).orElseThrow()).containsExactly(100, 200, 150);
        assertThat(g.continuousIndex(p[0], p[1], p[2])).containsExactly(new double[] {100, 200, 150},
                org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aTiltedGridIsNotOrthogonalAndItsVoxelsAreSmaller() {
        double t = Math.toRadians(20);
        Grid tilted = new Grid(4, 4, 4, new double[] {0.8, 0.8, 2.5}, new double[] {0, 0, 0},
                new double[] {1, 0, 0, 0, 1, 0, 0, Math.sin(t), Math.cos(t)});
        assertThat(tilted.orthogonal()).isFalse();
        assertThat(tilted.voxelVolume()).isCloseTo(0.8 * 0.8 * 2.5 * Math.cos(t), org.assertj.core.api.Assertions.within(1e-12));
        Grid oblique = new Grid(4, 4, 4, new double[] {1, 1, 1}, new double[] {0, 0, 0},
                new double[] {Math.cos(t), Math.sin(t), 0, -Math.sin(t), Math.cos(t), 0, 0, 0, 1});
        assertThat(oblique.orthogonal()).isTrue();
        assertThat(oblique.voxelVolume()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void maskKeepsOnlyTheLabel() {
        Volume labels = new Volume(Grid.of(4, 1, 1, 1, 1, 1), new float[] {0, 2, 1, 2});
        assertThat(labels.mask(2).voxels()).containsExactly(0, 1, 0, 1);
        assertThat(labels.countNonZero()).isEqualTo(3);
    }
}

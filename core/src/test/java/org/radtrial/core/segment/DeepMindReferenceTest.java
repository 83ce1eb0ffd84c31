package org.radtrial.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radtrial.core.image.Volume;

/**
 * The published 3-D tests of DeepMind's surface-distance library, whose definitions
 * {@link SurfaceDistances} follows: github.com/google-deepmind/surface-distance,
 * {@code surface_distance_test.py}, class {@code SurfaceDistance3DTest} (the expected values and
 * the tolerance, 3 decimal places, are the file's). The library's functions are
 * {@code compute_average_surface_distance}, {@code compute_robust_hausdorff(d, 100)} and
 * {@code (d, 95)}, {@code compute_surface_overlap_at_tolerance(d, 1)},
 * {@code compute_surface_dice_at_tolerance(d, 1)} and {@code compute_dice_coefficient}.
 */
class DeepMindReferenceTest {
  /** assertAlmostEqual(expected, actual, places=3): round(expected − actual, 3) == 0. */
  private static final org.assertj.core.data.Offset<Double> PLACES_3 = within(0.0005);

  @Test
  void twoVoxelsTwoMillimetresApart() {
    // test_on_2_pixels_2mm_away: 128³, gt[50, 60, 70], pred[50, 60, 72], spacing (3, 2, 1)
    Volume gt = Masks.box(Masks.empty(128, 128, 128, 3, 2, 1), 50, 51, 60, 61, 70, 71);
    Volume pred = Masks.box(Masks.empty(128, 128, 128, 3, 2, 1), 50, 51, 60, 61, 72, 73);
    SurfaceDistances d = SurfaceDistances.of(gt, pred, 1);
    assertThat(d.averageSurfaceDistances()).containsExactly(new double[] {1.5, 1.5}, PLACES_3);
    assertThat(d.robustHausdorff(100)).isCloseTo(2.0, PLACES_3);
    assertThat(d.robustHausdorff(95)).isCloseTo(2.0, PLACES_3);
    assertThat(d.surfaceOverlapAtTolerance(1)).containsExactly(new double[] {0.5, 0.5}, PLACES_3);
    assertThat(d.surfaceDiceAtTolerance(1)).isCloseTo(0.5, PLACES_3);
    assertThat(MaskComparison.compare(gt, pred, 1, 1).dice()).isCloseTo(0.0, PLACES_3);
  }

  @Test
  void twoCubesShiftedByOneVoxel() {
    // test_two_cubes_shifted_by_one_pixel: 100³, gt[0:50, :, :], pred[0:51, :, :], spacing (2, 1, 1)
    Volume gt = Masks.box(Masks.empty(100, 100, 100, 2, 1, 1), 0, 50, 0, 100, 0, 100);
    Volume pred = Masks.box(Masks.empty(100, 100, 100, 2, 1, 1), 0, 51, 0, 100, 0, 100);
    SurfaceDistances d = SurfaceDistances.of(gt, pred, 1);
    assertThat(d.averageSurfaceDistances()).containsExactly(new double[] {0.322, 0.339}, PLACES_3);
    assertThat(d.robustHausdorff(100)).isCloseTo(2.0, PLACES_3);
    assertThat(d.robustHausdorff(95)).isCloseTo(2.0, PLACES_3);
    assertThat(d.surfaceOverlapAtTolerance(1)).containsExactly(new double[] {0.842, 0.830}, PLACES_3);
    assertThat(d.surfaceDiceAtTolerance(1)).isCloseTo(0.836, PLACES_3);
    assertThat(MaskComparison.compare(gt, pred, 1, 1).dice()).isCloseTo(0.990, PLACES_3);
  }

  @Test
  void emptyPrediction() {
    // test_empty_prediction_mask: gt[50, 60, 70], spacing (3, 2, 1)
    Volume gt = Masks.box(Masks.empty(128, 128, 128, 3, 2, 1), 50, 51, 60, 61, 70, 71);
    SurfaceDistances d = SurfaceDistances.of(gt, Masks.empty(128, 128, 128, 3, 2, 1), 1);
    assertThat(d.averageSurfaceDistances()[0]).isInfinite();
    assertThat(d.averageSurfaceDistances()[1]).isNaN();
    assertThat(d.robustHausdorff(100)).isInfinite();
    assertThat(d.robustHausdorff(95)).isInfinite();
    assertThat(d.surfaceOverlapAtTolerance(1)[0]).isEqualTo(0.0);
    assertThat(d.surfaceOverlapAtTolerance(1)[1]).isNaN();
    assertThat(d.surfaceDiceAtTolerance(1)).isEqualTo(0.0);
  }

  @Test
  void emptyReference() {
    // test_empty_ground_truth_mask: pred[50, 60, 72], spacing (3, 2, 1)
    Volume pred = Masks.box(Masks.empty(128, 128, 128, 3, 2, 1), 50, 51, 60, 61, 72, 73);
    SurfaceDistances d = SurfaceDistances.of(Masks.empty(128, 128, 128, 3, 2, 1), pred, 1);
    assertThat(d.averageSurfaceDistances()[0]).isNaN();
    assertThat(d.averageSurfaceDistances()[1]).isInfinite();
    assertThat(d.robustHausdorff(100)).isInfinite();
    assertThat(d.robustHausdorff(95)).isInfinite();
    assertThat(d.surfaceOverlapAtTolerance(1)[0]).isNaN();
    assertThat(d.surfaceOverlapAtTolerance(1)[1]).isEqualTo(0.0);
    assertThat(d.surfaceDiceAtTolerance(1)).isEqualTo(0.0);
  }

  @Test
  void bothEmpty() {
    // test_both_empty_masks: the library's values; Metrics Reloaded's rule for a study is EmptyMasksTest's
    SurfaceDistances d = SurfaceDistances.of(Masks.empty(128, 128, 128, 3, 2, 1), Masks.empty(128, 128, 128, 3, 2, 1), 1);
    assertThat(d.averageSurfaceDistances()[0]).isNaN();
    assertThat(d.averageSurfaceDistances()[1]).isNaN();
    assertThat(d.robustHausdorff(100)).isInfinite();
    assertThat(d.robustHausdorff(95)).isInfinite();
    assertThat(d.surfaceOverlapAtTolerance(1)[0]).isNaN();
    assertThat(d.surfaceDiceAtTolerance(1)).isNaN();
  }
}

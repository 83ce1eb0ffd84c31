package org.radtrial.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/** Per-case metrics: definitions by hand, empty masks as Metrics Reloaded says, labels, grids. */
class MaskComparisonTest {

  @Test
  void overlapVolumeAndSurfaceFiguresOfTwoBoxes() {
    // reference 10x10x10 voxels of 1x1x2 mm, prediction the same box 2 voxels longer along i
    Volume ref = Masks.box(Masks.empty(30, 30, 30, 1, 1, 2), 5, 15, 5, 15, 5, 15);
    Volume pred = Masks.box(Masks.empty(30, 30, 30, 1, 1, 2), 5, 17, 5, 15, 5, 15);
    SegmentationMetrics m = MaskComparison.compare(ref, pred, 1, 1.0);
    assertThat(m.empty()).isEqualTo(EmptyMasks.NEITHER);
    assertThat(m.referenceVoxels()).isEqualTo(1000);
    assertThat(m.predictionVoxels()).isEqualTo(1200);
    assertThat(m.overlapVoxels()).isEqualTo(1000);
    assertThat(m.dice()).isCloseTo(2000.0 / 2200, within(1e-12));
    assertThat(m.iou()).isCloseTo(1000.0 / 1200, within(1e-12));
    assertThat(m.referenceMl()).isCloseTo(2.0, within(1e-12));
    assertThat(m.predictionMl()).isCloseTo(2.4, within(1e-12));
    assertThat(m.volumeDifferenceMl()).isCloseTo(0.4, within(1e-12));
    assertThat(m.relativeVolumeDifference()).isCloseTo(0.2, within(1e-12));
    // the far faces are 2 mm apart: the largest distance
    assertThat(m.hausdorff()).isCloseTo(2.0, within(1e-12));
    SurfaceDistances d = SurfaceDistances.of(ref, pred, 1);
    double[] means = d.averageSurfaceDistances();
    assertThat(m.masd()).isCloseTo((means[0] + means[1]) / 2, within(1e-12));
    double ra = d.referenceArea();
    double pa = d.predictionArea();
    assertThat(m.assd()).isCloseTo((means[0] * ra + means[1] * pa) / (ra + pa), within(1e-12));
    assertThat(m.surfaceDice()).isCloseTo(d.surfaceDiceAtTolerance(1.0), within(1e-15));
  }

  @Test
  void bothEmptyIsACorrectNothingWithBestValues() {
    SegmentationMetrics m = MaskComparison.compare(Masks.empty(8, 8, 8, 1, 1, 1), Masks.empty(8, 8, 8, 1, 1, 1), 1, 2);
    assertThat(m.empty()).isEqualTo(EmptyMasks.BOTH);
    assertThat(m.dice()).isEqualTo(1.0);
    assertThat(m.iou()).isEqualTo(1.0);
    assertThat(m.surfaceDice()).isEqualTo(1.0);
    assertThat(m.hausdorff()).isZero();
    assertThat(m.hausdorff95()).isZero();
    assertThat(m.assd()).isZero();
    assertThat(m.relativeVolumeDifference()).isNaN();
    assertThat(m.aggregateValue(SegmentationMetric.HAUSDORFF)).isZero();
  }

  @Test
  void aMissedStructureHasUndefinedDistancesThatAggregateAsTheImageDiagonal() {
    Volume ref = Masks.box(Masks.empty(10, 20, 30, 1, 1, 2), 2, 4, 2, 4, 2, 4);
    SegmentationMetrics m = MaskComparison.compare(ref, Masks.empty(10, 20, 30, 1, 1, 2), 1, 2);
    assertThat(m.empty()).isEqualTo(EmptyMasks.PREDICTION);
    assertThat(m.dice()).isZero();
    assertThat(m.iou()).isZero();
    assertThat(m.surfaceDice()).isZero();
    assertThat(m.hausdorff()).isNaN();
    assertThat(m.hausdorff95()).isNaN();
    double diagonal = Math.sqrt(10 * 10 + 20 * 20 + 60 * 60);
    assertThat(m.worstDistanceMm()).isCloseTo(diagonal, within(1e-12));
    for (SegmentationMetric metric : SegmentationMetric.values()) {
      if (metric.isDistance()) {
        assertThat(m.aggregateValue(metric)).isCloseTo(diagonal, within(1e-12));
      }
    }
    assertThat(m.relativeVolumeDifference()).isEqualTo(-1.0);
    assertThat(m.absoluteVolumeDifferenceMl()).isCloseTo(8 * 2 / 1000.0, within(1e-15));
  }

  @Test
  void aStructureWhereTheReferenceHasNoneHasUndefinedRelativeVolumeDifference() {
    Volume pred = Masks.box(Masks.empty(10, 10, 10, 1, 1, 1), 2, 4, 2, 4, 2, 4);
    SegmentationMetrics m = MaskComparison.compare(Masks.empty(10, 10, 10, 1, 1, 1), pred, 1, 2);
    assertThat(m.empty()).isEqualTo(EmptyMasks.REFERENCE);
    assertThat(m.dice()).isZero();
    assertThat(m.relativeVolumeDifference()).isNaN();
    assertThat(m.aggregateValue(SegmentationMetric.RELATIVE_VOLUME_DIFFERENCE)).isNaN();
    assertThat(m.aggregateValue(SegmentationMetric.HAUSDORFF_95)).isEqualTo(m.worstDistanceMm());
  }

  @Test
  void onlyTheChosenLabelCounts() {
    Volume ref = Masks.box(Masks.empty(12, 12, 12, 1, 1, 1), 1, 4, 1, 4, 1, 4);
    float[] x = ref.voxels();
    for (int i = 6; i < 9; i++) {
      x[ref.grid().index(i, 6, 6)] = 2;
    }
    Volume pred = new Volume(ref.grid(), x.clone());
    pred.voxels()[pred.grid().index(6, 6, 6)] = 0;
    SegmentationMetrics one = MaskComparison.compare(ref, pred, 1, 1);
    SegmentationMetrics two = MaskComparison.compare(ref, pred, 2, 1);
    assertThat(one.dice()).isEqualTo(1.0);
    assertThat(two.referenceVoxels()).isEqualTo(3);
    assertThat(two.predictionVoxels()).isEqualTo(2);
    assertThat(two.dice()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void anotherGridIsAnErrorThatSaysWhatDiffers() {
    Volume ref = Masks.empty(8, 8, 8, 1, 1, 1);
    Volume pred = new Volume(new Grid(8, 8, 8, new double[] {1, 1, 1.5}, new double[3], Grid.AXIAL), new float[512]);
    assertThatThrownBy(() -> MaskComparison.compare(ref, pred, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spacing (1.000, 1.000, 1.000) vs (1.000, 1.000, 1.500)");
    assertThatThrownBy(() -> MaskComparison.compare(ref, ref, 1, -1)).hasMessageContaining("tolerance");
  }
}

package org.radtrial.core.lesions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LUNA16's matching and CPM on a hand-computed example: 4 scans, 4 nodules.
 *
 * <pre>
 * scan A: nodule A1 at (0,0,0), diameter 10 (radius 5); nodule A2 at (30,0,0), radius 3
 *         marks (1,1,0) 0.9 → A1 (distance 1.4);  (2,-2,1) 0.6 → A1 again: neither hit nor false
 *                (31,0,0) 0.4 → A2;  (60,60,0) 0.8 → false
 * scan B: nodule B1 at (10,10,10), radius 4
 *         marks (10,10,15) 0.7 → outside (distance 5 &gt; 4): false;  (50,50,50) 0.3 → false
 * scan C: no nodule; marks 0.5 → false
 * scan D: nodule D1 at (0,0,0), radius 2; no mark: missed
 * </pre>
 *
 * Kept: hits 0.9 (A1), 0.4 (A2); false marks 0.8, 0.7, 0.5, 0.3 over 4 scans; 4 nodules. The FROC
 * operating points (false marks per scan, sensitivity) from the highest threshold down: 0.9 → (0, 1/4);
 * 0.8 → (1/4, 1/4); 0.7 → (2/4, 1/4); 0.5 → (3/4, 1/4); 0.4 → (3/4, 2/4); 0.3 → (1, 2/4). Interpolated:
 * at 1/8 between (0, ¼) and (¼, ¼): ¼; at ¼: ¼; at ½: ¼; at 1: ½; at 2, 4, 8 (beyond the end point): ½.
 * CPM = (¼ + ¼ + ¼ + ½ + ½ + ½ + ½) / 7 = 2.75 / 7.
 */
class Luna16Test {
  private static final LesionTruth TRUTH = new LesionTruth(List.of(
      LesionCase.equallyWeighted("A", List.of("A1", "A2")),
      LesionCase.equallyWeighted("B", List.of("B1")),
      LesionCase.normal("C"),
      LesionCase.equallyWeighted("D", List.of("D1"))));
  private static final Location[][] NODULES = {
      {new Location(0, 0, 0, 5, null), new Location(30, 0, 0, 3, null)},
      {new Location(10, 10, 10, 4, null)},
      {},
      {new Location(0, 0, 0, 2, null)}};
  private static final List<Mark> MARKS = List.of(
      new Mark(0, Location.point(1, 1, 0), 0.9),
      new Mark(0, Location.point(2, -2, 1), 0.6),
      new Mark(0, Location.point(31, 0, 0), 0.4),
      new Mark(0, Location.point(60, 60, 0), 0.8),
      new Mark(1, Location.point(10, 10, 15), 0.7),
      new Mark(1, Location.point(50, 50, 50), 0.3),
      new Mark(2, Location.point(5, 5, 5), 0.5));

  @Test
  void aSecondMarkOnAFoundNoduleIsNeitherHitNorFalse() {
    Matching.Result r = Matching.classify(TRUTH, NODULES, MARKS, new MatchCriterion.WithinRadius());
    assertThat(r.secondMarks()).isEqualTo(1);
    assertThat(r.reading().ll()[0]).containsExactly(0.9, 0.4);
    assertThat(r.reading().ll()[1]).containsExactly(Double.NEGATIVE_INFINITY);
    assertThat(r.reading().ll()[3]).containsExactly(Double.NEGATIVE_INFINITY);
    assertThat(r.reading().nl()[0]).containsExactly(0.8);
    assertThat(r.reading().nl()[1]).containsExactly(0.7, 0.3);
    assertThat(r.reading().nl()[2]).containsExactly(0.5);
  }

  @Test
  void sensitivityAtEachFalseMarkRateAndCpmAreTheHandComputedOnes() {
    FrocCurve curve = FrocCurve.of(TRUTH, Matching.classify(TRUTH, NODULES, MARKS, new MatchCriterion.WithinRadius()).reading());
    assertThat(curve.luna16Sensitivities()).containsExactly(new double[] {0.25, 0.25, 0.25, 0.5, 0.5, 0.5, 0.5},
        within(1e-15));
    assertThat(curve.cpm()).isCloseTo(2.75 / 7, within(1e-15));
    assertThat(curve.endPoint().nlf()).isEqualTo(1.0);
    assertThat(curve.endPoint().llf()).isEqualTo(0.5);
  }

  @Test
  void interpolatesLinearlyBetweenOperatingPoints() {
    LesionTruth truth = new LesionTruth(List.of(LesionCase.equallyWeighted("a", List.of("1", "2")), LesionCase.normal("b")));
    // thresholds: 3 → (0, ½); 2 → (1, ½); 1 → (1, 1): at 0.5 false marks per case, ½; at 1, the top of the vertical run
    Reading reading = new Reading(new double[][] {{}, {2, 2}}, new double[][] {{3, 1}, {}});
    FrocCurve curve = FrocCurve.of(truth, reading);
    assertThat(curve.sensitivityAt(0.5)).isEqualTo(0.5);
    assertThat(curve.sensitivityAt(1)).isEqualTo(1.0);
    assertThat(curve.sensitivityAt(0.25)).isEqualTo(0.5);
  }

  @Test
  void aMarkInsideTwoNodulesGoesToTheNearer() {
    LesionTruth truth = new LesionTruth(List.of(LesionCase.equallyWeighted("a", List.of("1", "2"))));
    Location[][] nodules = {{new Location(0, 0, 0, 10, null), new Location(6, 0, 0, 10, null)}};
    Matching.Result r = Matching.classify(truth, nodules, List.of(new Mark(0, Location.point(4, 0, 0), 0.5)),
        new MatchCriterion.WithinRadius());
    assertThat(r.reading().ll()[0]).containsExactly(Double.NEGATIVE_INFINITY, 0.5);
  }

  @Test
  void boxIouMatchingNeedsTheThreshold() {
    LesionTruth truth = new LesionTruth(List.of(LesionCase.equallyWeighted("a", List.of("1"))));
    Location[][] lesions = {{new Location(5, 5, 0, 0, new Box(0, 0, 10, 10))}};
    // IoU of [0,10]² and [5,0]-[15,10] = 50 / 150 = 1/3
    Mark mark = new Mark(0, new Location(10, 5, 0, 0, new Box(5, 0, 15, 10)), 0.7);
    assertThat(new Box(0, 0, 10, 10).iou(new Box(5, 0, 15, 10))).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(Matching.classify(truth, lesions, List.of(mark), new MatchCriterion.BoxIou(0.3)).reading().ll()[0])
        .containsExactly(0.7);
    assertThat(Matching.classify(truth, lesions, List.of(mark), new MatchCriterion.BoxIou(0.5)).reading().nl()[0])
        .containsExactly(0.7);
  }

  @Test
  void boxMatchingRefusesALesionWithoutABox() {
    LesionTruth truth = new LesionTruth(List.of(LesionCase.equallyWeighted("a", List.of("1"))));
    Location[][] lesions = {{Location.point(5, 5, 0)}};
    Mark mark = new Mark(0, new Location(10, 5, 0, 0, new Box(5, 0, 15, 10)), 0.7);
    assertThatThrownBy(() -> Matching.classify(truth, lesions, List.of(mark), new MatchCriterion.BoxIou(0.5)))
        .hasMessageContaining("needs a box for every lesion");
  }
}

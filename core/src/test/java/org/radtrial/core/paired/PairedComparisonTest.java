package org.radtrial.core.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radtrial.core.stat.Interval;

/** Properties of {@link PairedComparison} on seeded random data, and its stated rules for missing values and errors. */
class PairedComparisonTest {
  private static final List<String> ABC = List.of("a", "b", "c");

  /** Three Dice-like methods on n cases, b better than a by about 0.02, c worse and noisier. */
  private static double[][] dice(SplittableRandom random, int n) {
    double[][] v = new double[3][n];
    for (int i = 0; i < n; i++) {
      double base = 0.6 + 0.35 * random.nextDouble();
      v[0][i] = base;
      v[1][i] = Math.min(1, base + 0.02 + 0.05 * gaussian(random));
      v[2][i] = Math.min(1, base - 0.01 + 0.08 * gaussian(random));
    }
    return v;
  }

  @Test
  void swappingTwoMethodsNegatesTheDifferencesAndKeepsTheTest() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 20; trial++) {
      double[][] v = dice(random, 5 + random.nextInt(120));
      PairComparison ab = PairedComparison.compare(List.of("a", "b"), new double[][] {v[0], v[1]},
          Direction.HIGHER_IS_BETTER, 300, trial, 0.95).pairs().get(0);
      PairComparison ba = PairedComparison.compare(List.of("b", "a"), new double[][] {v[1], v[0]},
          Direction.HIGHER_IS_BETTER, 300, trial, 0.95).pairs().get(0);
      assertThat(ba.meanDifference()).isEqualTo(-ab.meanDifference());
      assertThat(ba.medianDifference()).isEqualTo(-ab.medianDifference());
      mirrored(ba.meanDifferenceCi(), ab.meanDifferenceCi());
      mirrored(ba.medianDifferenceCi(), ab.medianDifferenceCi());
      assertThat(ba.wilcoxon().p()).isEqualTo(ab.wilcoxon().p());
      assertThat(ba.wilcoxon().statistic()).isEqualTo(ab.wilcoxon().statistic());
      assertThat(ba.holmP()).isEqualTo(ab.holmP());
      // the same method is favoured, whichever is listed first
      assertThat(ba.favoured() == 0 ? "b" : "a").isEqualTo(ab.favoured() == 0 ? "a" : "b");
    }
  }

  @Test
  void addingAConstantToOneMethodShiftsItsDifferencesByThatConstantAndKeepsTheSpread() {
    SplittableRandom random = new SplittableRandom(12);
    double[][] v = dice(random, 80);
    double c = 0.125; // a power of two: the additions are exact for values in [0.25, 2)
    double[] shifted = v[0].clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] += c;
    }
    PairedComparisonResult before = PairedComparison.compare(ABC, v, Direction.HIGHER_IS_BETTER, 500, 5, 0.9);
    PairedComparisonResult after =
        PairedComparison.compare(ABC, new double[][] {shifted, v[1], v[2]}, Direction.HIGHER_IS_BETTER, 500, 5, 0.9);
    PairComparison ab = before.pair(0, 1);
    PairComparison shiftedAb = after.pair(0, 1);
    assertThat(shiftedAb.meanDifference()).isCloseTo(ab.meanDifference() + c, within(1e-12));
    assertThat(shiftedAb.medianDifference()).isCloseTo(ab.medianDifference() + c, within(1e-12));
    assertThat(shiftedAb.meanDifferenceCi().lower()).isCloseTo(ab.meanDifferenceCi().lower() + c, within(1e-12));
    assertThat(shiftedAb.meanDifferenceCi().upper()).isCloseTo(ab.meanDifferenceCi().upper() + c, within(1e-12));
    assertThat(after.methods().get(0).mean()).isCloseTo(before.methods().get(0).mean() + c, within(1e-12));
    assertThat(after.methods().get(0).sd()).isCloseTo(before.methods().get(0).sd(), within(1e-12));
    assertThat(after.methods().get(0).sdCi().upper()).isCloseTo(before.methods().get(0).sdCi().upper(), within(1e-12));
    // the pair without the shifted method is untouched (same draws, same numbers) but for Holm's
    // adjustment, whose family holds the shifted pairs' p-values too
    assertThat(after.pair(1, 2)).usingRecursiveComparison().ignoringFields("holmP").isEqualTo(before.pair(1, 2));
  }

  @Test
  void theSameSeedGivesTheSameResultAndAnotherSeedOtherIntervals() {
    double[][] v = dice(new SplittableRandom(13), 60);
    PairedComparisonResult one = PairedComparison.compare(ABC, v, Direction.HIGHER_IS_BETTER, 400, 99, 0.95);
    assertThat(PairedComparison.compare(ABC, v, Direction.HIGHER_IS_BETTER, 400, 99, 0.95)).isEqualTo(one);
    PairedComparisonResult other = PairedComparison.compare(ABC, v, Direction.HIGHER_IS_BETTER, 400, 100, 0.95);
    assertThat(other.pair(0, 1).meanDifferenceCi()).isNotEqualTo(one.pair(0, 1).meanDifferenceCi());
    assertThat(other.pair(0, 1).meanDifference()).isEqualTo(one.pair(0, 1).meanDifference());
  }

  @Test
  void theMeanDifferenceIntervalCoversTheTrueDifferenceAboutAsOftenAsStated() {
    SplittableRandom random = new SplittableRandom(14);
    int covered = 0;
    int runs = 300;
    for (int run = 0; run < runs; run++) {
      double[][] v = new double[2][60];
      for (int i = 0; i < 60; i++) {
        double base = gaussian(random);
        v[0][i] = base + 0.3 + gaussian(random);
        v[1][i] = base + gaussian(random);
      }
      Interval ci = PairedComparison.compare(List.of("x", "y"), v, Direction.HIGHER_IS_BETTER, 400, run, 0.9)
          .pairs().get(0).meanDifferenceCi();
      covered += ci.contains(0.3) ? 1 : 0;
    }
    // 90% intervals: 270 expected of 300, binomial SD 5.2; percentile intervals under-cover slightly at n = 60
    assertThat(covered).isBetween(250, 287);
  }

  @Test
  void theBootstrapIntervalOfALargeSampleMeanIsCloseToTheNormalInterval() {
    SplittableRandom random = new SplittableRandom(15);
    double[][] v = dice(random, 2000);
    PairedComparisonResult r = PairedComparison.compare(ABC, v, Direction.HIGHER_IS_BETTER, 1000, 1, 0.95);
    MethodSummary a = r.methods().get(0);
    double halfWidth = 1.959964 * a.sd() / Math.sqrt(2000);
    assertThat(a.meanCi().lower()).isCloseTo(a.mean() - halfWidth, within(0.1 * halfWidth));
    assertThat(a.meanCi().upper()).isCloseTo(a.mean() + halfWidth, within(0.1 * halfWidth));
  }

  @Test
  void aPairUsesItsCompleteCasesAndSaysHowManyItLeftOut() {
    double nan = Double.NaN;
    double[][] v = {
      {0.9, 0.8, 0.7, 0.6, 0.5, 0.85},
      {0.8, nan, 0.75, 0.5, 0.45, 0.8},
      {nan, 0.7, 0.6, nan, 0.4, 0.8},
    };
    PairedComparisonResult r = PairedComparison.compare(ABC, v, Direction.HIGHER_IS_BETTER, 200, 1, 0.95);
    assertThat(r.methods()).extracting(MethodSummary::n).containsExactly(6, 5, 4);
    assertThat(r.methods()).extracting(MethodSummary::missing).containsExactly(0, 1, 2);
    PairComparison ab = r.pair(0, 1);
    assertThat(ab.n()).isEqualTo(5);
    assertThat(ab.leftOut()).isEqualTo(1);
    assertThat(ab.wilcoxon().leftOut()).isEqualTo(1);
    assertThat(ab.meanDifference()).isCloseTo((0.1 - 0.05 + 0.1 + 0.05 + 0.05) / 5, within(1e-15));
    PairComparison bc = r.pair(1, 2);
    assertThat(bc.n()).isEqualTo(3); // cases 2, 4, 5
    assertThat(bc.leftOut()).isEqualTo(3);
    assertThat(r.methods().get(1).mean()).isCloseTo((0.8 + 0.75 + 0.5 + 0.45 + 0.8) / 5, within(1e-15));
  }

  @Test
  void replicatesThatDrawTooFewCasesAreCountedAndLeftOutOfTheIntervals() {
    int n = 200;
    double[][] v = new double[2][n];
    for (int i = 0; i < n; i++) {
      v[0][i] = i / (double) n;
      v[1][i] = i < 3 ? 0.5 + i / 10.0 : Double.NaN; // three cases with a value: many replicates draw fewer than two
    }
    PairedComparisonResult r = PairedComparison.compare(List.of("a", "b"), v, Direction.HIGHER_IS_BETTER, 1000, 3, 0.95);
    MethodSummary b = r.methods().get(1);
    // draws landing on b's three cases ≈ Poisson(3): P(fewer than 2) ≈ 4e^−3 ≈ 0.20
    assertThat(b.replicatesLeftOut()).isBetween(150, 250);
    assertThat(r.methods().get(0).replicatesLeftOut()).isZero();
    PairComparison ab = r.pairs().get(0);
    assertThat(ab.replicatesLeftOut()).isBetween(20, 90); // P(none of 3 drawn) ≈ e^−3 ≈ 0.05
    assertThat(ab.n()).isEqualTo(3);
    assertThat(ab.leftOut()).isEqualTo(197);
  }

  @Test
  void theFavouredMethodFollowsTheDirection() {
    double[][] v = {{0.9, 0.8, 0.85}, {0.7, 0.75, 0.8}};
    List<String> names = List.of("better dice", "worse dice");
    assertThat(PairedComparison.compare(names, v, Direction.HIGHER_IS_BETTER, 100, 1, 0.95).pairs().get(0).favoured())
        .isEqualTo(0);
    assertThat(PairedComparison.compare(names, v, Direction.LOWER_IS_BETTER, 100, 1, 0.95).pairs().get(0).favoured())
        .isEqualTo(1);
    double[][] same = {{1, 2, 3}, {1, 2, 3}};
    PairComparison tie = PairedComparison.compare(names, same, Direction.LOWER_IS_BETTER, 100, 1, 0.95).pairs().get(0);
    assertThat(tie.favoured()).isEqualTo(-1);
    assertThat(tie.wilcoxon().method()).isEqualTo(WilcoxonSignedRank.Method.NOT_COMPUTED);
    assertThat(tie.holmP()).isNaN();
    assertThat(tie.meanDifferenceCi()).isEqualTo(new Interval(0, 0, 0.95));
  }

  @Test
  void holmAdjustsOverThePairsWhoseTestWasComputed() {
    SplittableRandom random = new SplittableRandom(16);
    double[][] v = dice(random, 40);
    double[][] four = {v[0], v[1], v[2], v[0].clone()}; // the fourth equals the first: its test with it is not computed
    PairedComparisonResult r = PairedComparison.compare(List.of("a", "b", "c", "a again"), four,
        Direction.HIGHER_IS_BETTER, 100, 1, 0.95);
    assertThat(r.pairs()).hasSize(6);
    assertThat(r.pair(0, 3).holmP()).isNaN();
    double[] raw = r.pairs().stream().mapToDouble(p -> p.wilcoxon().p()).toArray();
    double[] holm = org.radtrial.core.multiplicity.Holm.adjustIgnoringNaN(raw);
    for (int q = 0; q < 6; q++) {
      assertThat(r.pairs().get(q).holmP()).isEqualTo(Double.valueOf(holm[q])); // boxed: NaN equals NaN
    }
    // five computed tests: the smallest p is multiplied by 5
    double smallest = java.util.Arrays.stream(raw).filter(p -> !Double.isNaN(p)).min().orElseThrow();
    assertThat(r.pairs().stream().mapToDouble(PairComparison::holmP).filter(p -> !Double.isNaN(p)).min().orElseThrow())
        .isEqualTo(Math.min(1, 5 * smallest));
  }

  @Test
  void pairsAreListedRowByRow() {
    double[][] v = dice(new SplittableRandom(17), 10);
    double[][] four = {v[0], v[1], v[2], v[1]};
    PairedComparisonResult r =
        PairedComparison.compare(List.of("a", "b", "c", "d"), four, Direction.HIGHER_IS_BETTER, 100, 1, 0.95);
    assertThat(r.pairs()).extracting(p -> p.first() + p.second()).containsExactly("ab", "ac", "ad", "bc", "bd", "cd");
    assertThat(r.pair(2, 0)).isSameAs(r.pairs().get(1));
  }

  @Test
  void invalidInputIsRefusedWithTheReason() {
    double[][] ok = {{1, 2, 3}, {1, 2, 4}};
    List<String> ab = List.of("a", "b");
    assertThatThrownBy(() -> PairedComparison.compare(ab, new double[][] {{1, 2, Double.NEGATIVE_INFINITY}, {1, 2, 3}},
        Direction.HIGHER_IS_BETTER, 100, 1, 0.95)).hasMessageContaining("infinite on case 2");
    assertThatThrownBy(() -> PairedComparison.compare(ab, new double[][] {{1, 2, 3}, {1, 2}},
        Direction.HIGHER_IS_BETTER, 100, 1, 0.95)).hasMessageContaining("b has 2 cases");
    assertThatThrownBy(() -> PairedComparison.compare(ab, new double[][] {{1, Double.NaN, Double.NaN}, {1, 2, 3}},
        Direction.HIGHER_IS_BETTER, 100, 1, 0.95)).hasMessageContaining("at least two");
    assertThatThrownBy(() -> PairedComparison.compare(ab, new double[][] {{1, 2, Double.NaN, Double.NaN},
        {Double.NaN, Double.NaN, 3, 4}}, Direction.HIGHER_IS_BETTER, 100, 1, 0.95)).hasMessageContaining("no case in common");
    assertThatThrownBy(() -> PairedComparison.compare(ab, ok, Direction.HIGHER_IS_BETTER, 99, 1, 0.95))
        .hasMessageContaining("at least 100");
    assertThatThrownBy(() -> PairedComparison.compare(ab, ok, Direction.HIGHER_IS_BETTER, 100, 1, 1))
        .hasMessageContaining("level");
    assertThatThrownBy(() -> PairedComparison.compare(List.of("a", "a"), ok, Direction.HIGHER_IS_BETTER, 100, 1, 0.95))
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> PairedComparison.compare(List.of("a"), ok, Direction.HIGHER_IS_BETTER, 100, 1, 0.95))
        .hasMessageContaining("1 method names for 2 rows");
    assertThatThrownBy(() -> PairedComparison.compare(List.of(), new double[0][], Direction.HIGHER_IS_BETTER, 100, 1, 0.95))
        .hasMessageContaining("no method");
  }

  @Test
  void oneMethodGetsItsSummaryAndNoPair() {
    PairedComparisonResult r = PairedComparison.compare(List.of("a"), new double[][] {{3, 1, 2}},
        Direction.LOWER_IS_BETTER, 100, 1, 0.95);
    assertThat(r.pairs()).isEmpty();
    assertThat(r.methods().get(0).median()).isEqualTo(2);
    assertThat(r.methods().get(0).sd()).isEqualTo(1);
  }

  private static void mirrored(Interval swapped, Interval original) {
    assertThat(swapped.lower()).isCloseTo(-original.upper(), within(1e-12));
    assertThat(swapped.upper()).isCloseTo(-original.lower(), within(1e-12));
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}

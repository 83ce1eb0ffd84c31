package org.radtrial.core.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WilcoxonSignedRankTest {
  @Test
  void theExactNullDistributionCountsEverySignPatternOnceAndIsSymmetric() {
    for (int n = 1; n <= 50; n++) {
      long[] counts = WilcoxonSignedRank.exactCounts(n);
      assertThat(counts).hasSize(n * (n + 1) / 2 + 1);
      assertThat(Arrays.stream(counts).sum()).isEqualTo(1L << n);
      for (int s = 0; s < counts.length; s++) {
        assertThat(counts[s]).isEqualTo(counts[counts.length - 1 - s]);
      }
    }
    // n = 4: sums 0..10 of subsets of {1, 2, 3, 4}
    assertThat(WilcoxonSignedRank.exactCounts(4)).containsExactly(1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1);
  }

  @Test
  void allDifferencesOfOneSignGiveTheSmallestExactP() {
    double[] x = new double[20];
    double[] y = new double[20];
    for (int i = 0; i < 20; i++) {
      x[i] = i + 1.5 + i * 0.01;
    }
    WilcoxonResult r = WilcoxonSignedRank.test(x, y);
    assertThat(r.method()).isEqualTo(WilcoxonSignedRank.Method.EXACT);
    assertThat(r.statistic()).isZero();
    assertThat(r.rankSumPositive()).isEqualTo(210);
    assertThat(r.p()).isEqualTo(2.0 / (1 << 20));
  }

  @Test
  void oneCaseGivesPOne() {
    WilcoxonResult r = WilcoxonSignedRank.test(new double[] {2}, new double[] {1});
    assertThat(r.method()).isEqualTo(WilcoxonSignedRank.Method.EXACT);
    assertThat(r.p()).isEqualTo(1);
  }

  @Test
  void swappingTheMethodsSwapsTheRankSumsAndKeepsWAndP() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(80);
      double[] x = new double[n];
      double[] y = new double[n];
      double scale = trial % 2 == 0 ? 10 : 1e6;
      for (int i = 0; i < n; i++) {
        x[i] = Math.round(random.nextDouble() * scale) / scale;
        y[i] = Math.round((random.nextDouble() + 0.1) * scale) / scale;
      }
      WilcoxonResult xy = WilcoxonSignedRank.test(x, y);
      WilcoxonResult yx = WilcoxonSignedRank.test(y, x);
      assertThat(yx.rankSumPositive()).isEqualTo(xy.rankSumNegative());
      assertThat(yx.statistic()).isEqualTo(xy.statistic());
      assertThat(yx.method()).isEqualTo(xy.method());
      if (xy.method() != WilcoxonSignedRank.Method.NOT_COMPUTED) {
        assertThat(yx.p()).isEqualTo(xy.p());
      }
    }
  }

  @Test
  void zerosAreDroppedAndCountedAndSendTheTestToTheApproximation() {
    WilcoxonResult r = WilcoxonSignedRank.test(new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 0, 0, 0, 0, 0});
    assertThat(r.zeros()).isEqualTo(1);
    assertThat(r.n()).isEqualTo(5);
    assertThat(r.complete()).isEqualTo(6);
    assertThat(r.method()).isEqualTo(WilcoxonSignedRank.Method.NORMAL);
    // d = 2..6 all positive: W = 0, mean 7.5, var 5·6·11/24 = 13.75
    assertThat(r.z()).isCloseTo(-7.5 / Math.sqrt(13.75), within(1e-15));
  }

  @Test
  void missingValuesLeaveTheirCaseOutAndAreCounted() {
    WilcoxonResult r = WilcoxonSignedRank.test(new double[] {1, Double.NaN, 3, 4}, new double[] {0.5, 1, Double.NaN, 2});
    assertThat(r.complete()).isEqualTo(2);
    assertThat(r.leftOut()).isEqualTo(2);
    assertThat(r.rankSumPositive()).isEqualTo(3);
  }

  @Test
  void everyDifferenceZeroOrNoCompleteCaseIsNotComputed() {
    WilcoxonResult same = WilcoxonSignedRank.test(new double[] {1, 2, 3}, new double[] {1, 2, 3});
    assertThat(same.method()).isEqualTo(WilcoxonSignedRank.Method.NOT_COMPUTED);
    assertThat(same.p()).isNaN();
    assertThat(same.zeros()).isEqualTo(3);
    WilcoxonResult none = WilcoxonSignedRank.test(new double[] {Double.NaN}, new double[] {1});
    assertThat(none.method()).isEqualTo(WilcoxonSignedRank.Method.NOT_COMPUTED);
    assertThat(none.leftOut()).isEqualTo(1);
  }

  @Test
  void tiedMagnitudesShareTheirAverageRankAndReduceTheVariance() {
    // 60 differences: 30 of +1 and 30 of −2; ranks of |1| = 15.5, of |2| = 45.5
    double[] x = new double[60];
    double[] y = new double[60];
    for (int i = 0; i < 60; i++) {
      x[i] = i < 30 ? 1 : -2;
    }
    WilcoxonResult r = WilcoxonSignedRank.test(x, y);
    assertThat(r.ties()).isTrue();
    assertThat(r.rankSumPositive()).isEqualTo(30 * 15.5);
    double variance = (60.0 * 61 * 121 - 0.5 * 2 * (30.0 * (30 * 30 - 1))) / 24;
    assertThat(r.z()).isCloseTo((30 * 15.5 - 60 * 61 / 4.0) / Math.sqrt(variance), within(1e-12));
  }

  @Test
  void infiniteValuesAndUnpairedArraysAreRefused() {
    assertThatThrownBy(() -> WilcoxonSignedRank.test(new double[] {Double.POSITIVE_INFINITY}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("infinite");
    assertThatThrownBy(() -> WilcoxonSignedRank.test(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paired");
  }
}

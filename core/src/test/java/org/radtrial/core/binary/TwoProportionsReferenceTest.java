package org.radtrial.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radtrial.core.stat.Interval;

class TwoProportionsReferenceTest {

  /** Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10, examples (a)-(d). */
  @ParameterizedTest
  @CsvSource({
    "56, 70, 48, 80, 0.0524, 0.3339",
    "9, 10, 3, 10, 0.1705, 0.8090",
    "6, 7, 2, 7, 0.0582, 0.8062",
    "5, 56, 0, 29, -0.0381, 0.1926",
  })
  void newcombeIntervalMatchesThePublishedTable(int x1, int n1, int x2, int n2, double lower, double upper) {
    Interval ci = TwoProportions.newcombeDifference(x1, n1, x2, n2, 0.95);
    assertThat(ci.lower()).isCloseTo(lower, within(5e-5));
    assertThat(ci.upper()).isCloseTo(upper, within(5e-5));
  }

  /** R 4.2.2 chisq.test(correct = FALSE), src/test/reference/asah_audit.out. */
  @Test
  void homogeneityMatchesRChisqTest() {
    double[] three = TwoProportions.homogeneity(new int[] {30, 25, 12}, new int[] {40, 40, 30});
    assertThat(three[0]).isCloseTo(8.8866712947, within(1e-9));
    assertThat(three[1]).isEqualTo(2);
    assertThat(three[2]).isCloseTo(0.011756656980, within(1e-11));
    double[] two = TwoProportions.homogeneity(new int[] {9, 4}, new int[] {10, 8});
    assertThat(two[0]).isCloseTo(3.5446153846, within(1e-9));
    assertThat(two[2]).isCloseTo(0.059739015455, within(1e-11));
    double z = TwoProportions.pooledZ(9, 10, 4, 8);
    assertThat(z * z).isCloseTo(two[0], within(1e-12));
  }

  @Test
  void homogeneityWithoutVariationHasPOne() {
    assertThat(TwoProportions.homogeneity(new int[] {5, 7}, new int[] {5, 7})[2]).isEqualTo(1.0);
    assertThat(TwoProportions.homogeneity(new int[] {3, 0}, new int[] {5, 0})[2]).isEqualTo(1.0);
  }

  @Test
  void katzRatioIsCentredOnTheRatioOnTheLogScale() {
    Interval ci = TwoProportions.katzRatio(30, 40, 20, 40, 0.95);
    double ratio = 1.5;
    assertThat(Math.log(ci.upper()) - Math.log(ratio)).isCloseTo(Math.log(ratio) - Math.log(ci.lower()), within(1e-12));
    double se = Math.sqrt(1 / 30.0 - 1 / 40.0 + 1 / 20.0 - 1 / 40.0);
    assertThat(ci.upper()).isCloseTo(ratio * Math.exp(1.959963984540054 * se), within(1e-12));
    assertThat(TwoProportions.katzRatio(0, 10, 3, 10, 0.95)).isNull();
  }
}

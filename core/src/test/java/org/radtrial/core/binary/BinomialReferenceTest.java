package org.radtrial.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radtrial.core.stat.Interval;

/**
 * Binomial intervals and the exact McNemar test against base R 4.2.2 ({@code prop.test(correct =
 * FALSE)}, {@code binom.test}); numbers in src/test/reference/asah_delong.out.
 */
class BinomialReferenceTest {

  @ParameterizedTest
  @CsvSource({
    "WILSON, 37, 41, 0.7745231869, 0.9614029151",
    "CLOPPER_PEARSON, 37, 41, 0.7686854507, 0.9727725332",
    "WILSON, 0, 12, 0.0, 0.2424940067",
    "CLOPPER_PEARSON, 0, 12, 0.0, 0.2646484694",
  })
  void intervalsMatchR(CiMethod method, int x, int n, double lower, double upper) {
    Interval ci = ProportionIntervals.interval(x, n, method, 0.95);
    assertThat(ci.lower()).isCloseTo(lower, within(1e-9));
    assertThat(ci.upper()).isCloseTo(upper, within(1e-9));
  }

  @ParameterizedTest
  @CsvSource({"9, 2, 0.065429687500", "2, 9, 0.065429687500", "15, 15, 1.0", "40, 21, 0.020414713800", "0, 0, 1.0"})
  void exactMcNemarMatchesBinomTest(int b, int c, double p) {
    assertThat(ExactMcNemar.pValue(b, c)).isCloseTo(p, within(1e-11));
  }
}

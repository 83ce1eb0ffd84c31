package org.radtrial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class JudgementTest {
  private static final double ALPHA = 0.05;

  @Test
  void aDifferenceIsCalledOnlyWhenTheIntervalExcludesZeroAndTheTestAgrees() {
    assertThat(Judgement.of(0.063, new Interval(0.041, 0.084), 1e-8, ALPHA)).isEqualTo(Judgement.HIGHER);
    assertThat(Judgement.of(-0.251, new Interval(-0.308, -0.195), 1e-16, ALPHA)).isEqualTo(Judgement.LOWER);
    assertThat(Judgement.of(-0.043, new Interval(-0.094, 0.007), 0.11, ALPHA)).isEqualTo(Judgement.NOT_SHOWN);
    // The demo's model_a vs reader_2: the Tango interval just excludes 0, the exact McNemar test does not reject.
    assertThat(Judgement.of(0.051, new Interval(0.0003, 0.103), 0.061, ALPHA)).isEqualTo(Judgement.NOT_SHOWN_BY_TEST);
  }

  @Test
  void withoutAnIntervalNothingIsClaimed() {
    assertThat(Judgement.of(0.1, Interval.NONE, 0.001, ALPHA)).isEqualTo(Judgement.NOT_ESTIMABLE);
    assertThat(Judgement.of(Double.NaN, new Interval(0.1, 0.2), 0.001, ALPHA)).isEqualTo(Judgement.NOT_ESTIMABLE);
  }

  @Test
  void anIntervalTouchingZeroDoesNotExcludeIt() {
    assertThat(Judgement.of(0.05, new Interval(0.0, 0.1), Double.NaN, ALPHA)).isEqualTo(Judgement.NOT_SHOWN);
  }

  @RepeatedTest(20)
  void theVerdictNeverContradictsTheInterval() {
    Random random = new Random(20261129L);
    for (int k = 0; k < 1000; k++) {
      double lower = random.nextGaussian() * 0.1;
      double upper = lower + random.nextDouble() * 0.2;
      double estimate = lower + (upper - lower) * random.nextDouble();
      Judgement j = Judgement.of(estimate, new Interval(lower, upper), random.nextDouble() * 0.1, ALPHA);
      if (j == Judgement.HIGHER) {
        assertThat(lower).isPositive();
      }
      if (j == Judgement.LOWER) {
        assertThat(upper).isNegative();
      }
      if (lower <= 0 && upper >= 0) {
        assertThat(j.shown()).isFalse();
      }
    }
  }
}

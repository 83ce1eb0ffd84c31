package org.radtrial.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.radtrial.core.stat.Interval;

/**
 * Wilson and Clopper-Pearson intervals for a binomial proportion on seeded random counts: shape
 * properties shared by both methods, each method's defining equation, closed forms at the edges,
 * and coverage (simulated for Wilson, exact for Clopper-Pearson).
 */
class ProportionIntervalsPropertiesTest {
  private static final int REPETITIONS = 40;
  private static final long BASE_SEED = 0x9E0_B1A5L;
  private static final double Z_975 = 1.959963984540054;
  /** Floating-point slack when comparing bounds computed at two different levels. */
  private static final double EDGE_ROUNDING = 1e-15;

  private static SplittableRandom random(RepetitionInfo info) {
    return new SplittableRandom(BASE_SEED + info.getCurrentRepetition());
  }

  private static double width(Interval ci) {
    return ci.upper() - ci.lower();
  }

  @Nested
  class BothMethods {
    @ParameterizedTest
    @EnumSource(CiMethod.class)
    void intervalContainsTheObservedProportionAndLiesInZeroToOne(CiMethod method) {
      SplittableRandom random = new SplittableRandom(BASE_SEED);
      for (int k = 0; k < 2000; k++) {
        int n = 1 + random.nextInt(k < 1000 ? 30 : 5000);
        int x = random.nextInt(n + 1);
        double level = 0.5 + 0.499 * random.nextDouble();
        Interval ci = ProportionIntervals.interval(x, n, method, level);
        String context = method + ", x = " + x + ", n = " + n + ", level " + level + ", interval " + ci;
        if (x == 0) {
          assertThat(ci.lower()).as(context).isZero();
        } else if (x == n) {
          assertThat(ci.upper()).as(context).isEqualTo(1.0);
        } else {
          assertThat(ci.contains(x / (double) n)).as(context).isTrue();
        }
        assertThat(ci.lower()).as(context).isGreaterThanOrEqualTo(0);
        assertThat(ci.upper()).as(context).isLessThanOrEqualTo(1);
        assertThat(ci.level()).as(context).isEqualTo(level);
      }
    }

    @ParameterizedTest
    @EnumSource(CiMethod.class)
    void intervalNarrowsAsTheSampleGrowsAtAFixedProportion(CiMethod method) {
      SplittableRandom random = new SplittableRandom(BASE_SEED);
      for (int k = 0; k < 40; k++) {
        int denominator = 1 + random.nextInt(20);
        int numerator = random.nextInt(denominator + 1);
        double previous = Double.POSITIVE_INFINITY;
        for (int multiple = 1; multiple <= 60; multiple++) {
          Interval ci = ProportionIntervals.interval(numerator * multiple, denominator * multiple, method, 0.95);
          assertThat(width(ci))
              .as("%s, x = %d, n = %d", method, numerator * multiple, denominator * multiple)
              .isLessThan(previous);
          previous = width(ci);
        }
      }
    }

    @ParameterizedTest
    @EnumSource(CiMethod.class)
    void failuresMirrorSuccesses(CiMethod method) {
      SplittableRandom random = new SplittableRandom(BASE_SEED);
      for (int k = 0; k < 500; k++) {
        int n = 1 + random.nextInt(1000);
        int x = random.nextInt(n + 1);
        Interval ci = ProportionIntervals.interval(x, n, method, 0.95);
        Interval mirrored = ProportionIntervals.interval(n - x, n, method, 0.95);
        assertThat(mirrored.lower()).as("%s, x = %d, n = %d", method, x, n).isCloseTo(1 - ci.upper(), within(1e-9));
        assertThat(mirrored.upper()).as("%s, x = %d, n = %d", method, x, n).isCloseTo(1 - ci.lower(), within(1e-9));
      }
    }

    @ParameterizedTest
    @EnumSource(CiMethod.class)
    void higherLevelGivesAWiderInterval(CiMethod method) {
      SplittableRandom random = new SplittableRandom(BASE_SEED);
      for (int k = 0; k < 500; k++) {
        int n = 1 + random.nextInt(500);
        int x = random.nextInt(n + 1);
        Interval at90 = ProportionIntervals.interval(x, n, method, 0.90);
        Interval at99 = ProportionIntervals.interval(x, n, method, 0.99);
        assertThat(at99.lower()).as("%s, x = %d, n = %d", method, x, n).isLessThanOrEqualTo(at90.lower() + EDGE_ROUNDING);
        assertThat(at99.upper()).as("%s, x = %d, n = %d", method, x, n).isGreaterThanOrEqualTo(at90.upper() - EDGE_ROUNDING);
        assertThat(width(at99)).as("%s, x = %d, n = %d", method, x, n).isGreaterThan(width(at90));
      }
    }
  }

  @Nested
  class Wilson {
    @RepeatedTest(REPETITIONS)
    void interiorBoundsSolveTheScoreEquation(RepetitionInfo info) {
      SplittableRandom random = random(info);
      for (int k = 0; k < 50; k++) {
        int n = 2 + random.nextInt(2000);
        int x = 1 + random.nextInt(n - 1);
        Interval ci = ProportionIntervals.interval(x, n, CiMethod.WILSON, 0.95);
        double observed = x / (double) n;
        for (double bound : new double[] {ci.lower(), ci.upper()}) {
          double score = Math.abs(observed - bound) / Math.sqrt(bound * (1 - bound) / n);
          assertThat(score).as("x = %d, n = %d, bound %s", x, n, bound).isCloseTo(Z_975, within(1e-8));
        }
      }
    }

    @RepeatedTest(REPETITIONS)
    void boundAtNoSuccessesIsZSquaredOverNPlusZSquared(RepetitionInfo info) {
      int n = 1 + random(info).nextInt(5000);
      Interval ci = ProportionIntervals.interval(0, n, CiMethod.WILSON, 0.95);
      assertThat(ci.lower()).as("n = %d", n).isZero();
      assertThat(ci.upper()).as("n = %d", n).isCloseTo(Z_975 * Z_975 / (n + Z_975 * Z_975), within(1e-14));
    }

    /**
     * R's {@code prop.test} returns exactly 0 and 1 at the edges; centre ∓ half alone rounds to
     * 2.8e-17 at x = 0, n = 12 and to 1 − 1.1e-16 at x = n = 10, excluding the estimate.
     */
    @Test
    void intervalContainsTheEstimateAtNoneAndAllSuccesses() {
      for (int n = 1; n <= 2000; n++) {
        assertThat(ProportionIntervals.interval(0, n, CiMethod.WILSON, 0.95).lower()).as("x = 0, n = %d", n).isZero();
        assertThat(ProportionIntervals.interval(n, n, CiMethod.WILSON, 0.95).upper()).as("x = n = %d", n).isEqualTo(1.0);
      }
    }

    @Test
    void simulatedCoverageAtThirtyPercentOfFiftyIsNearNominal() {
      SplittableRandom random = new SplittableRandom(BASE_SEED);
      int draws = 4000;
      int covered = 0;
      for (int k = 0; k < draws; k++) {
        int x = 0;
        for (int i = 0; i < 50; i++) {
          if (random.nextDouble() < 0.3) {
            x++;
          }
        }
        if (ProportionIntervals.interval(x, 50, CiMethod.WILSON, 0.95).contains(0.3)) {
          covered++;
        }
      }
      assertThat(covered / (double) draws).isBetween(0.92, 0.98);
    }
  }

  @Nested
  class ClopperPearson {
    @RepeatedTest(REPETITIONS)
    void boundsMakeEachBinomialTailHalfAlpha(RepetitionInfo info) {
      SplittableRandom random = random(info);
      for (int k = 0; k < 20; k++) {
        int n = 1 + random.nextInt(1000);
        int x = random.nextInt(n + 1);
        Interval ci = ProportionIntervals.interval(x, n, CiMethod.CLOPPER_PEARSON, 0.95);
        if (x > 0) {
          double upperTail = 1 - new BinomialDistribution(n, ci.lower()).cumulativeProbability(x - 1);
          assertThat(upperTail).as("P(X ≥ %d | n = %d, p = lower %s)", x, n, ci.lower()).isCloseTo(0.025, within(1e-6));
        }
        if (x < n) {
          double lowerTail = new BinomialDistribution(n, ci.upper()).cumulativeProbability(x);
          assertThat(lowerTail).as("P(X ≤ %d | n = %d, p = upper %s)", x, n, ci.upper()).isCloseTo(0.025, within(1e-6));
        }
      }
    }

    @RepeatedTest(REPETITIONS)
    void boundAtNoSuccessesIsOneMinusHalfAlphaToTheOneOverN(RepetitionInfo info) {
      int n = 1 + random(info).nextInt(5000);
      Interval ci = ProportionIntervals.interval(0, n, CiMethod.CLOPPER_PEARSON, 0.95);
      assertThat(ci.lower()).isZero();
      assertThat(ci.upper()).as("n = %d", n).isCloseTo(1 - Math.pow(0.025, 1.0 / n), within(1e-9));
    }

    @RepeatedTest(REPETITIONS)
    void exactCoverageIsNeverBelowTheNominalLevel(RepetitionInfo info) {
      SplittableRandom random = random(info);
      int n = 1 + random.nextInt(120);
      double p = random.nextDouble();
      BinomialDistribution binomial = new BinomialDistribution(n, p);
      double coverage = 0;
      for (int x = 0; x <= n; x++) {
        if (ProportionIntervals.interval(x, n, CiMethod.CLOPPER_PEARSON, 0.95).contains(p)) {
          coverage += binomial.probability(x);
        }
      }
      assertThat(coverage).as("n = %d, p = %s", n, p).isGreaterThanOrEqualTo(0.95 - 1e-9);
    }
  }

  @Nested
  class AtTheEdges {
    /**
     * At x = 0 the upper bounds are 1 − (α/2)^(1/n) (Clopper-Pearson) and z²/(n + z²) (Wilson); n
     * times them tends to ln(2/α) ≈ 3.69 and z² ≈ 3.84, so Clopper-Pearson is the wider only while n
     * is small (up to 45 at the 95% level). Likewise at x = n by symmetry.
     */
    @Test
    void clopperPearsonIsNeverNarrowerThanWilsonAtNoneOrAllSuccessesInSmallSamples() {
      for (int n = 1; n <= 45; n++) {
        for (int x : new int[] {0, n}) {
          Interval wilson = ProportionIntervals.interval(x, n, CiMethod.WILSON, 0.95);
          Interval exact = ProportionIntervals.interval(x, n, CiMethod.CLOPPER_PEARSON, 0.95);
          assertThat(width(exact)).as("x = %d, n = %d", x, n).isGreaterThanOrEqualTo(width(wilson));
        }
      }
    }

    @Test
    void wilsonIsTheWiderAtNoneOrAllSuccessesInLargeSamples() {
      for (int n = 46; n <= 5000; n += 7) {
        for (int x : new int[] {0, n}) {
          Interval wilson = ProportionIntervals.interval(x, n, CiMethod.WILSON, 0.95);
          Interval exact = ProportionIntervals.interval(x, n, CiMethod.CLOPPER_PEARSON, 0.95);
          assertThat(width(wilson)).as("x = %d, n = %d", x, n).isGreaterThan(width(exact));
        }
      }
    }
  }
}

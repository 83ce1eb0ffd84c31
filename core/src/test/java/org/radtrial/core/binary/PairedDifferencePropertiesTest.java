package org.radtrial.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.radtrial.core.stat.Interval;

/**
 * Tango's score test and interval for a paired difference of proportions, and the exact McNemar
 * test, on seeded random 2×2 tables. The restricted maximum-likelihood estimate is checked against
 * an independent oracle: a golden-section search on the restricted multinomial log-likelihood.
 */
class PairedDifferencePropertiesTest {
  private static final int REPETITIONS = 40;
  private static final long BASE_SEED = 0x7A_6E60L;
  private static final double Z_975 = 1.959963984540054;

  /** A paired 2×2 table: b first-only, c second-only, N pairs. */
  private record Table(int b, int c, int total) {
    /** N in 1..300, the discordant cells from empty to all, sometimes one of them 0. */
    static Table draw(SplittableRandom random) {
      int total = 1 + random.nextInt(300);
      int discordant = random.nextInt(total + 1);
      int b = random.nextInt(discordant + 1);
      int c = discordant - b;
      return switch (random.nextInt(5)) {
        case 0 -> new Table(0, c, total);
        case 1 -> new Table(b, 0, total);
        default -> new Table(b, c, total);
      };
    }

    double estimate() {
      return (b - c) / (double) total;
    }

    @Override
    public String toString() {
      return "b = " + b + ", c = " + c + ", N = " + total;
    }
  }

  private static SplittableRandom random(RepetitionInfo info) {
    return new SplittableRandom(BASE_SEED + info.getCurrentRepetition());
  }

  @Nested
  class ScoreStatistic {
    @RepeatedTest(REPETITIONS)
    void scoreAtZeroIsMcNemarsZ(RepetitionInfo info) {
      SplittableRandom random = random(info);
      for (int k = 0; k < 50; k++) {
        Table t = Table.draw(random);
        double mcNemar = t.b() + t.c() == 0 ? 0 : (t.b() - t.c()) / Math.sqrt(t.b() + t.c());
        assertThat(PairedDifference.score(t.b(), t.c(), t.total(), 0)).as(t.toString()).isCloseTo(mcNemar, within(1e-12));
      }
    }

    @RepeatedTest(REPETITIONS)
    void scoreUsesTheRestrictedMaximumLikelihoodEstimate(RepetitionInfo info) {
      SplittableRandom random = random(info);
      for (int k = 0; k < 25; k++) {
        Table t = Table.draw(random);
        double theta0 = random.nextDouble() - 0.5;
        if (t.b() + t.c() == 0 && theta0 == 0) {
          continue;
        }
        double p21 = RestrictedMle.p21(t.b(), t.c(), t.total(), theta0);
        double variance = t.total() * (2 * p21 + theta0 * (1 - theta0));
        double expected = (t.b() - t.c() - t.total() * theta0) / Math.sqrt(variance);
        assertThat(PairedDifference.score(t.b(), t.c(), t.total(), theta0))
            .as("%s, θ0 = %s, oracle p21 = %s", t, theta0, p21)
            .isCloseTo(expected, within(1e-6));
      }
    }

    @RepeatedTest(REPETITIONS)
    void scoreDecreasesInTheHypothesisedDifference(RepetitionInfo info) {
      SplittableRandom random = random(info);
      Table t = Table.draw(random);
      double previous = Double.POSITIVE_INFINITY;
      for (int k = -999; k <= 999; k++) {
        double theta0 = k / 1000.0;
        double z = PairedDifference.score(t.b(), t.c(), t.total(), theta0);
        assertThat(z).as("%s, θ0 = %s", t, theta0).isLessThanOrEqualTo(previous);
        previous = z;
      }
    }

    @RepeatedTest(REPETITIONS)
    void swappingTheTwoDecisionsNegatesTheScore(RepetitionInfo info) {
      SplittableRandom random = random(info);
      for (int k = 0; k < 25; k++) {
        Table t = Table.draw(random);
        double theta0 = 1.8 * random.nextDouble() - 0.9;
        assertThat(PairedDifference.score(t.c(), t.b(), t.total(), -theta0))
            .as("%s, θ0 = %s", t, theta0)
            .isCloseTo(-PairedDifference.score(t.b(), t.c(), t.total(), theta0), within(1e-9));
      }
    }
  }

  @Nested
  class ScoreInterval {
    @RepeatedTest(REPETITIONS)
    void intervalContainsTheEstimateAndLiesInMinusOneToOne(RepetitionInfo info) {
      SplittableRandom random = random(info);
      for (int k = 0; k < 25; k++) {
        Table t = Table.draw(random);
        Interval ci = PairedDifference.interval(t.b(), t.c(), t.total(), 0.95);
        assertThat(ci.contains(t.estimate())).as("%s, interval %s", t, ci).isTrue();
        assertThat(ci.lower()).as(t.toString()).isGreaterThanOrEqualTo(-1);
        assertThat(ci.upper()).as(t.toString()).isLessThanOrEqualTo(1);
      }
    }

    @RepeatedTest(REPETITIONS)
    void scoreAtEachInteriorBoundIsTheCriticalValue(RepetitionInfo info) {
      SplittableRandom random = random(info);
      for (int k = 0; k < 25; k++) {
        Table t = Table.draw(random);
        Interval ci = PairedDifference.interval(t.b(), t.c(), t.total(), 0.95);
        if (ci.lower() > -1) {
          assertThat(PairedDifference.score(t.b(), t.c(), t.total(), ci.lower()))
              .as("%s, lower bound %s", t, ci.lower()).isCloseTo(Z_975, within(1e-6));
        }
        if (ci.upper() < 1) {
          assertThat(PairedDifference.score(t.b(), t.c(), t.total(), ci.upper()))
              .as("%s, upper bound %s", t, ci.upper()).isCloseTo(-Z_975, within(1e-6));
        }
      }
    }

    @RepeatedTest(REPETITIONS)
    void intervalIsTheSetOfDifferencesTheScoreTestDoesNotReject(RepetitionInfo info) {
      SplittableRandom random = random(info);
      Table t = Table.draw(random);
      Interval ci = PairedDifference.interval(t.b(), t.c(), t.total(), 0.95);
      for (int k = 0; k < 200; k++) {
        double theta0 = 1.998 * random.nextDouble() - 0.999;
        if (Math.abs(theta0 - ci.lower()) < 1e-9 || Math.abs(theta0 - ci.upper()) < 1e-9) {
          continue;
        }
        boolean accepted = Math.abs(PairedDifference.score(t.b(), t.c(), t.total(), theta0)) <= Z_975;
        assertThat(accepted).as("%s, θ0 = %s, interval %s", t, theta0, ci).isEqualTo(ci.contains(theta0));
      }
    }

    @RepeatedTest(REPETITIONS)
    void swappingTheTwoDecisionsMirrorsTheInterval(RepetitionInfo info) {
      SplittableRandom random = random(info);
      Table t = Table.draw(random);
      Interval ci = PairedDifference.interval(t.b(), t.c(), t.total(), 0.95);
      Interval mirrored = PairedDifference.interval(t.c(), t.b(), t.total(), 0.95);
      assertThat(mirrored.lower()).as(t.toString()).isCloseTo(-ci.upper(), within(1e-9));
      assertThat(mirrored.upper()).as(t.toString()).isCloseTo(-ci.lower(), within(1e-9));
    }

    @RepeatedTest(REPETITIONS)
    void nonInferiorityIsShownExactlyWhenTheLowerBoundExceedsMinusTheMargin(RepetitionInfo info) {
      SplittableRandom random = random(info);
      for (int k = 0; k < 25; k++) {
        Table t = Table.draw(random);
        double margin = 0.5 * random.nextDouble();
        double lower = PairedDifference.interval(t.b(), t.c(), t.total(), 0.95).lower();
        if (Math.abs(lower + margin) < 1e-9) {
          continue;
        }
        double p = PairedDifference.nonInferiorityP(t.b(), t.c(), t.total(), margin);
        assertThat(p).as("%s, margin %s", t, margin).isBetween(0.0, 1.0);
        assertThat(p < 0.025).as("%s, margin %s, p = %s, lower bound %s", t, margin, p, lower)
            .isEqualTo(lower > -margin);
      }
    }
  }

  @Nested
  class ExactMcNemarTest {
    @RepeatedTest(REPETITIONS)
    void pValueIsSymmetricInTheDiscordantCellsAndLiesInZeroToOne(RepetitionInfo info) {
      SplittableRandom random = random(info);
      for (int k = 0; k < 50; k++) {
        int b = random.nextInt(300);
        int c = random.nextInt(300);
        double p = ExactMcNemar.pValue(b, c);
        assertThat(p).as("b = %d, c = %d", b, c).isBetween(0.0, 1.0).isEqualTo(ExactMcNemar.pValue(c, b));
        assertThat(ExactMcNemar.pValue(b, b)).as("b = c = %d", b).isEqualTo(1.0);
      }
    }

    @RepeatedTest(REPETITIONS)
    void pValueIsTwiceTheSmallerBinomialTail(RepetitionInfo info) {
      SplittableRandom random = random(info);
      for (int k = 0; k < 20; k++) {
        int b = random.nextInt(200);
        int c = random.nextInt(200);
        double expected = Math.min(1, 2 * binomialHalfCdf(Math.min(b, c), b + c));
        assertThat(ExactMcNemar.pValue(b, c)).as("b = %d, c = %d", b, c)
            .isCloseTo(expected, within(1e-12 + 1e-9 * expected));
      }
    }

    @RepeatedTest(REPETITIONS)
    void pValueFallsAsTheDiscordantCellsMoveApart(RepetitionInfo info) {
      int discordant = 1 + random(info).nextInt(300);
      double previous = 1;
      for (int b = discordant / 2; b >= 0; b--) {
        double p = ExactMcNemar.pValue(b, discordant - b);
        assertThat(p).as("b = %d, c = %d", b, discordant - b).isLessThanOrEqualTo(previous);
        previous = p;
      }
    }

    /** P(X ≤ k) for X ~ Binomial(d, ½), summing the probability mass by its ratio recursion. */
    private double binomialHalfCdf(int k, int d) {
      double pmf = Math.pow(0.5, d);
      double sum = pmf;
      for (int x = 0; x < k; x++) {
        pmf *= (d - x) / (x + 1.0);
        sum += pmf;
      }
      return sum;
    }
  }
}

package org.radtrial.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Properties of the random-effects fit on seeded random meta-analyses. */
class RandomEffectsPropertiesTest {
  private static double[][] randomSites(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int k = 2 + random.nextInt(30);
    double tau2 = random.nextBoolean() ? 0 : random.nextDouble();
    double[] y = new double[k];
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      v[i] = 0.01 + random.nextDouble();
      y[i] = Math.sqrt(tau2 + v[i]) * random.nextGaussian();
    }
    return new double[][] {y, v};
  }

  @RepeatedTest(50)
  void remlScoreIsZeroAtAnInteriorEstimateAndNotPositiveAtZero(RepetitionInfo info) {
    double[][] s = randomSites(info.getCurrentRepetition());
    double tau2 = RandomEffects.fit(s[0], s[1], TauSquaredMethod.REML, false, 0.95).heterogeneity().tauSquared();
    double score = remlScore(s[0], s[1], tau2);
    if (tau2 > 1e-8) {
      assertThat(score).isCloseTo(0, within(1e-6));
    } else {
      assertThat(score).isLessThanOrEqualTo(1e-6);
    }
  }

  @RepeatedTest(50)
  void dersimonianLairdISquaredIsQMinusDfOverQ(RepetitionInfo info) {
    double[][] s = randomSites(1000 + info.getCurrentRepetition());
    Heterogeneity h = RandomEffects.fit(s[0], s[1], TauSquaredMethod.DERSIMONIAN_LAIRD, false, 0.95).heterogeneity();
    assertThat(h.iSquared()).isCloseTo(Math.max(0, 100 * (h.q() - h.df()) / h.q()), within(1e-9));
  }

  @RepeatedTest(50)
  void predictionIntervalContainsTheConfidenceIntervalAndTheQProfileIntervalTheEstimateOfDl(RepetitionInfo info) {
    double[][] s = randomSites(2000 + info.getCurrentRepetition());
    for (boolean knha : new boolean[] {false, true}) {
      RandomEffectsFit fit = RandomEffects.fit(s[0], s[1], TauSquaredMethod.DERSIMONIAN_LAIRD, knha, 0.95);
      assertThat(fit.prediction().lower()).isLessThanOrEqualTo(fit.ci().lower() + 1e-12);
      assertThat(fit.prediction().upper()).isGreaterThanOrEqualTo(fit.ci().upper() - 1e-12);
      assertThat(fit.ci().contains(fit.estimate())).isTrue();
    }
  }

  @RepeatedTest(20)
  void fitDoesNotDependOnTheOrderOfTheSites(RepetitionInfo info) {
    double[][] s = randomSites(3000 + info.getCurrentRepetition());
    int k = s[0].length;
    double[] y = new double[k];
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      y[i] = s[0][k - 1 - i];
      v[i] = s[1][k - 1 - i];
    }
    RandomEffectsFit a = RandomEffects.fit(s[0], s[1], TauSquaredMethod.REML, false, 0.95);
    RandomEffectsFit b = RandomEffects.fit(y, v, TauSquaredMethod.REML, false, 0.95);
    assertThat(b.estimate()).isCloseTo(a.estimate(), within(1e-9));
    assertThat(b.heterogeneity().tauSquared()).isCloseTo(a.heterogeneity().tauSquared(), within(1e-9));
  }

  @Test
  void identicalEstimatesGiveNoHeterogeneity() {
    double[] y = {0.4, 0.4, 0.4, 0.4};
    double[] v = {0.01, 0.02, 0.05, 0.1};
    for (TauSquaredMethod method : TauSquaredMethod.values()) {
      Heterogeneity h = RandomEffects.fit(y, v, method, false, 0.95).heterogeneity();
      assertThat(h.tauSquared()).isZero();
      assertThat(h.iSquared()).isZero();
      assertThat(h.tauSquaredCi().upper()).isZero();
    }
  }

  @Test
  void refusesASingleSiteAndNonPositiveVariances() {
    assertThatThrownBy(() -> RandomEffects.fit(new double[] {0.1}, new double[] {0.01}, TauSquaredMethod.REML, false, 0.95))
        .hasMessageContaining("at least 2 sites, got 1");
    assertThatThrownBy(() -> RandomEffects.fit(new double[] {0.1, 0.2}, new double[] {0.01, 0}, TauSquaredMethod.REML, false, 0.95))
        .hasMessageContaining("site 2: variance 0.0 must be positive");
  }

  /** ∂ℓ_REML/∂τ² up to a factor ½: y'P²y − tr P. */
  private static double remlScore(double[] y, double[] v, double tau2) {
    int k = y.length;
    double sw = 0;
    double sw2 = 0;
    double swy = 0;
    double[] w = new double[k];
    for (int i = 0; i < k; i++) {
      w[i] = 1 / (v[i] + tau2);
      sw += w[i];
      sw2 += w[i] * w[i];
      swy += w[i] * y[i];
    }
    double mu = swy / sw;
    double yppy = 0;
    for (int i = 0; i < k; i++) {
      yppy += w[i] * w[i] * (y[i] - mu) * (y[i] - mu);
    }
    return yppy - (sw - sw2 / sw);
  }
}

package org.radtrial.core.stat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The modal binomial sampler against Hipparchus' binomial pmf: chi-square goodness of fit of size
 * 0.001 over every value with at least 5 expected draws (tails pooled), 200,000 draws, from tiny to
 * bootstrap-sized n and p near 0, ½ and 1.
 */
class ModalBinomialTest {
  @ParameterizedTest
  @CsvSource({
      "1, 0.5", "3, 0.01", "10, 0.3", "200, 0.02", "5000, 0.1", "1000000, 0.00007", "1000000, 0.5",
      "993000, 0.0001", "100, 0.9", "7, 0.999", "60, 0.5", "40000000, 0.3"})
  void drawsFollowTheBinomialDistribution(int n, double p) {
    SplittableRandom random = new SplittableRandom(n ^ Double.doubleToLongBits(p));
    BinomialDistribution exact = new BinomialDistribution(n, p);
    int draws = 200_000;
    double mean = n * p;
    double sd = Math.sqrt(n * p * (1 - p));
    int lo = Math.max(0, (int) Math.floor(mean - 5 * sd));
    int hi = Math.min(n, (int) Math.ceil(mean + 5 * sd));
    int[] observed = new int[hi - lo + 3];
    for (int k = 0; k < draws; k++) {
      int x = ModalBinomial.draw(random, n, p);
      assertThat(x).isBetween(0, n);
      observed[x < lo ? 0 : x > hi ? observed.length - 1 : x - lo + 1]++;
    }
    double chi = 0;
    int cells = 0;
    double pooledExpected = 0;
    double pooledObserved = 0;
    for (int c = 0; c < observed.length; c++) {
      double prob = c == 0 ? exact.cumulativeProbability(lo - 1)
          : c == observed.length - 1 ? 1 - exact.cumulativeProbability(hi) : exact.probability(lo + c - 1);
      double expected = draws * prob;
      if (expected >= 5) {
        chi += (observed[c] - expected) * (observed[c] - expected) / expected;
        cells++;
      } else {
        pooledExpected += expected;
        pooledObserved += observed[c];
      }
    }
    if (pooledExpected > 0) {
      chi += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
      cells++;
    }
    double critical = new ChiSquaredDistribution(Math.max(1, cells - 1)).inverseCumulativeProbability(0.999);
    assertThat(chi).as("chi-square over %d classes", cells).isLessThan(critical);
  }

  @Test
  void degenerateProbabilitiesGiveTheirOnlyValue() {
    SplittableRandom random = new SplittableRandom(1);
    assertThat(ModalBinomial.draw(random, 0, 0.4)).isZero();
    assertThat(ModalBinomial.draw(random, 17, 0)).isZero();
    assertThat(ModalBinomial.draw(random, 17, 1)).isEqualTo(17);
  }
}

package org.radtrial.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact binomial sampler and the multinomial bootstrap draw from the right distributions. */
class SamplingTest {
  @ParameterizedTest
  @CsvSource({"10, 0.3", "200, 0.02", "5000, 0.1", "2000000, 0.004", "100, 0.9"})
  void binomialDrawsFollowTheBinomialDistribution(int n, double p) {
    SplittableRandom random = new SplittableRandom(n);
    BinomialDistribution exact = new BinomialDistribution(n, p);
    int draws = 20_000;
    double mean = n * p;
    double sd = Math.sqrt(n * p * (1 - p));
    int lo = Math.max(0, (int) Math.floor(mean - 3 * sd));
    int hi = Math.min(n, (int) Math.ceil(mean + 3 * sd));
    int[] observed = new int[hi - lo + 3];
    for (int k = 0; k < draws; k++) {
      int x = BinomialSampler.next(random, n, p);
      assertThat(x).isBetween(0, n);
      observed[x < lo ? 0 : x > hi ? observed.length - 1 : x - lo + 1]++;
    }
    double chi = 0;
    int cells = 0;
    for (int c = 0; c < observed.length; c++) {
      double prob = c == 0 ? exact.cumulativeProbability(lo - 1)
          : c == observed.length - 1 ? 1 - exact.cumulativeProbability(hi) : exact.probability(lo + c - 1);
      double expected = draws * prob;
      if (expected >= 5) {
        chi += (observed[c] - expected) * (observed[c] - expected) / expected;
        cells++;
      }
    }
    double p99 = new ChiSquaredDistribution(Math.max(1, cells - 1)).inverseCumulativeProbability(0.999);
    assertThat(chi).as("chi-square over %d cells", cells).isLessThan(p99);
  }

  @ParameterizedTest
  @CsvSource({"1", "2", "3"})
  void multinomialDrawsKeepTheTotalAndTheMeans(long seed) {
    int[] counts = {500, 0, 30, 1, 4469, 0, 7000};
    Multinomial multinomial = new Multinomial(counts);
    SplittableRandom random = new SplittableRandom(seed);
    int[] draw = new int[counts.length];
    double[] sum = new double[counts.length];
    int replicates = 4000;
    for (int r = 0; r < replicates; r++) {
      multinomial.draw(random, draw);
      int total = 0;
      for (int k = 0; k < draw.length; k++) {
        total += draw[k];
        sum[k] += draw[k];
      }
      assertThat(total).isEqualTo(12000);
      assertThat(draw[1]).isZero();
      assertThat(draw[5]).isZero();
    }
    for (int k = 0; k < counts.length; k++) {
      double sd = Math.sqrt(counts[k] * (1 - counts[k] / 12000.0) / replicates);
      assertThat(sum[k] / replicates).isCloseTo(counts[k], org.assertj.core.api.Assertions.within(5 * sd + 1e-9));
    }
  }
}

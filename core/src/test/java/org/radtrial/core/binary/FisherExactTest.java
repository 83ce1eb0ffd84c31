package org.radtrial.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.hipparchus.distribution.discrete.HypergeometricDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FisherExactTest {
  /** R 4.2.2 phyper(x - 1, K, N - K, n, lower.tail = FALSE) = fisher.test(greater); asah_audit.out. */
  @ParameterizedTest
  @CsvSource({
    "5, 18, 1500, 30000, 0.00153923095092764",
    "14, 91, 1500, 30000, 0.000165571311612185",
    "45, 510, 1500, 30000, 0.000177199898863225",
    "8, 10, 60, 240, 0.000304223381682471",
    "2, 10, 60, 240, 0.761953586046776",
    "3, 5, 4, 9, 0.357142857142857",
  })
  void upperTailMatchesR(int x, int n, int events, int total, double p) {
    assertThat(FisherExact.upperTail(x, n, events, total)).isCloseTo(p, within(p * 1e-9));
  }

  @Test
  void upperTailMatchesAHypergeometricSumOnRandomTables() {
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 300; trial++) {
      int total = 2 + random.nextInt(400);
      int events = random.nextInt(total + 1);
      int n = random.nextInt(total + 1);
      int x = random.nextInt(n + 1);
      HypergeometricDistribution h = new HypergeometricDistribution(total, events, n);
      double expected = 0;
      for (int k = x; k <= Math.min(n, events); k++) {
        expected += h.probability(k);
      }
      assertThat(FisherExact.upperTail(x, n, events, total)).as("x=%d n=%d K=%d N=%d", x, n, events, total)
          .isCloseTo(Math.min(1, expected), within(1e-12));
    }
  }
}

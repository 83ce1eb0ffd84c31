package org.radtrial.core.roc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bucketed bounds equal plain binary searches, on spreads that stress the buckets. */
class BucketedSearchTest {
  @RepeatedTest(40)
  void boundsEqualBinarySearchOnRandomTiedAndSkewedArrays(RepetitionInfo info) {
    SplittableRandom random = new SplittableRandom(info.getCurrentRepetition());
    int size = 1 + random.nextInt(3000);
    double[] sorted = new double[size];
    int shape = info.getCurrentRepetition() % 4;
    for (int k = 0; k < size; k++) {
      sorted[k] = switch (shape) {
        case 0 -> random.nextGaussian();
        case 1 -> Math.round(random.nextGaussian() * 20) / 20.0; // heavy ties
        case 2 -> Math.exp(random.nextGaussian() * 8); // skewed: most in the first buckets
        default -> random.nextInt(3); // three values
      };
    }
    Arrays.sort(sorted);
    assertSameBounds(sorted, random);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, -0.0, 1e308})
  void oneDistinctValueOrAnOverflowingSpanIsStillExact(double value) {
    double[] sorted = {-value, value, value, value};
    Arrays.sort(sorted);
    assertSameBounds(sorted, new SplittableRandom(3));
    assertSameBounds(new double[] {-1.7e308, 0, 1.7e308}, new SplittableRandom(4));
  }

  private static void assertSameBounds(double[] sorted, SplittableRandom random) {
    BucketedSearch search = new BucketedSearch(sorted);
    double lo = sorted[0];
    double hi = sorted[sorted.length - 1];
    for (int q = 0; q < 2000; q++) {
      double x = switch (q % 4) {
        case 0 -> sorted[random.nextInt(sorted.length)];
        case 1 -> Math.nextUp(sorted[random.nextInt(sorted.length)]);
        case 2 -> Math.nextDown(sorted[random.nextInt(sorted.length)]);
        default -> lo + (hi - lo) * (random.nextDouble() * 1.2 - 0.1);
      };
      int lower = search.lowerBound(x);
      assertThat(lower).as("lower bound of %s", x).isEqualTo(SortedArrays.lowerBound(sorted, x));
      assertThat(search.upperBound(x, lower)).as("upper bound of %s", x).isEqualTo(SortedArrays.upperBound(sorted, x));
    }
    for (double x : new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -Double.MAX_VALUE, Double.MAX_VALUE}) {
      int lower = search.lowerBound(x);
      assertThat(lower).isEqualTo(SortedArrays.lowerBound(sorted, x));
      assertThat(search.upperBound(x, lower)).isEqualTo(SortedArrays.upperBound(sorted, x));
    }
  }
}

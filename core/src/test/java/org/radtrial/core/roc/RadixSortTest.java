package org.radtrial.core.roc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class RadixSortTest {
  @RepeatedTest(20)
  void sortsAsArraysSortDoesBitForBit(RepetitionInfo info) {
    SplittableRandom random = new SplittableRandom(info.getCurrentRepetition());
    double[] values = new double[random.nextInt(0, 5_000)];
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (random.nextInt(8)) {
        case 0 -> Math.rint(random.nextDouble() * 1e4) / 1e4; // rounded scores, many ties
        case 1 -> -random.nextDouble() * Math.pow(10, random.nextInt(-300, 300));
        case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(-300, 300));
        case 3 -> random.nextBoolean() ? 0.0 : -0.0;
        case 4 -> Double.longBitsToDouble(random.nextLong(1, 1L << 52)) * (random.nextBoolean() ? 1 : -1); // subnormal
        case 5 -> random.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE;
        case 6 -> random.nextGaussian();
        default -> random.nextInt(-3, 3);
      };
    }
    double[] expected = values.clone();
    Arrays.sort(expected);

    RadixSort.sort(values);

    long[] actualBits = Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    long[] expectedBits = Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray();
    assertThat(actualBits).containsExactly(expectedBits);
  }

  @Test
  void noValueASingleValueOrOneRepeatedValueIsLeftAsItIs() {
    double[] none = {};
    RadixSort.sort(none);
    assertThat(none).isEmpty();
    double[] one = {0.25};
    RadixSort.sort(one);
    assertThat(one).containsExactly(0.25);
    double[] same = {-0.5, -0.5, -0.5};
    RadixSort.sort(same);
    assertThat(same).containsExactly(-0.5, -0.5, -0.5);
  }
}

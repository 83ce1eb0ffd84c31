package org.radtrial.core.paired;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectTest {
  @Test
  void medianEqualsTheSortedMiddleWithAndWithoutTies() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 2000; trial++) {
      int n = 1 + random.nextInt(200);
      int distinct = 1 + random.nextInt(trial % 2 == 0 ? 5 : 1000);
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = random.nextInt(distinct) - distinct / 2.0;
      }
      if (trial % 7 == 0) {
        Arrays.sort(a); // sorted input, the quickselect's usual bad case
      }
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      assertThat(Select.median(a, n)).isEqualTo(expected);
      double[] b = sorted.clone();
      int k = random.nextInt(n);
      assertThat(Select.kth(b, n, k)).isEqualTo(sorted[k]);
    }
  }

  @Test
  void onlyTheFirstLengthValuesCount() {
    assertThat(Select.median(new double[] {5, 1, 3, 100, 100}, 3)).isEqualTo(3);
  }
}

package org.radtrial.core.multiplicity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** What every multiplicity adjustment needs first: valid p-values, in ascending order. */
final class PValues {
  private PValues() {}

  /** The indices of {@code p} from the smallest p to the largest, after checking each lies in [0, 1]. */
  static Integer[] ascendingOrder(double[] p) {
    for (double value : p) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException("p-values must lie in [0, 1], got " + value);
      }
    }
    Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    return order;
  }
}

package org.radtrial.core.multiplicity;

import java.util.stream.IntStream;

/** Holm's (1979) step-down adjustment, as R's {@code p.adjust(p, method = "holm")}. */
public final class Holm {
  private Holm() {}

  /**
   * Adjusted p-values in the order given: for the i-th smallest p (1-based) of k,
   * max over j ≤ i of min(1, (k − j + 1)·p_(j)). NaN inputs are rejected.
   */
  public static double[] adjust(double[] p) {
    return adjustPresent(p, false);
  }

  /**
   * As {@link #adjust}, but a NaN (a test that could not be computed) is left out of the family and
   * stays NaN, as R's {@code p.adjust} does with NA.
   */
  public static double[] adjustIgnoringNaN(double[] p) {
    return adjustPresent(p, true);
  }

  private static double[] adjustPresent(double[] all, boolean skipNaN) {
    int[] present = IntStream.range(0, all.length).filter(i -> !(skipNaN && Double.isNaN(all[i]))).toArray();
    double[] p = new double[present.length];
    for (int k = 0; k < present.length; k++) {
      p[k] = all[present[k]];
    }
    double[] adjusted = adjustComplete(p);
    double[] result = new double[all.length];
    java.util.Arrays.fill(result, Double.NaN);
    for (int k = 0; k < present.length; k++) {
      result[present[k]] = adjusted[k];
    }
    return result;
  }

  private static double[] adjustComplete(double[] p) {
    int k = p.length;
    Integer[] order = PValues.ascendingOrder(p);
    double[] adjusted = new double[k];
    double running = 0;
    for (int rank = 0; rank < k; rank++) {
      int i = order[rank];
      running = Math.max(running, Math.min(1, (k - rank) * p[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }
}

package org.radtrial.core.agreement;

import java.util.List;

/** The cases where every method has a value, in input order, and how many were left out. */
final class CompleteCases {
  /** The fewest complete cases any agreement statistic here accepts. */
  static final int MIN_CASES = 3;

  /** {@code values[j][c]}: method j on complete case c. */
  final double[][] values;
  final int leftOut;

  private CompleteCases(double[][] values, int leftOut) {
    this.values = values;
    this.leftOut = leftOut;
  }

  static CompleteCases of(double[] x, double[] y) {
    return of(new double[][] {x, y}, List.of("x", "y"));
  }

  /**
   * Keeps the cases where no method is NaN.
   *
   * @throws IllegalArgumentException when rows differ in length, a value is infinite or fewer than
   *     {@link #MIN_CASES} cases are complete
   */
  static CompleteCases of(double[][] values, List<String> names) {
    int k = values.length;
    int n = values[0].length;
    for (int j = 1; j < k; j++) {
      if (values[j].length != n) {
        throw new IllegalArgumentException(names.get(j) + " has " + values[j].length + " values and " + names.get(0) + " "
            + n + "; the methods must be measured on the same cases, NaN where one is missing");
      }
    }
    boolean[] keep = new boolean[n];
    int complete = 0;
    for (int c = 0; c < n; c++) {
      boolean all = true;
      for (int j = 0; j < k; j++) {
        double v = values[j][c];
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException(names.get(j) + " is infinite on case " + c + "; give NaN for a missing value");
        }
        all &= !Double.isNaN(v);
      }
      keep[c] = all;
      complete += all ? 1 : 0;
    }
    if (complete < MIN_CASES) {
      throw new IllegalArgumentException("agreement needs at least " + MIN_CASES + " cases measured by every method, found "
          + complete + " (of " + n + ")");
    }
    double[][] kept = new double[k][complete];
    for (int j = 0; j < k; j++) {
      for (int c = 0, i = 0; c < n; c++) {
        if (keep[c]) {
          kept[j][i++] = values[j][c];
        }
      }
    }
    return new CompleteCases(kept, n - complete);
  }

  int n() {
    return values[0].length;
  }

  static double mean(double[] a) {
    double sum = 0;
    for (double v : a) {
      sum += v;
    }
    return sum / a.length;
  }
}

package org.radtrial.core.roc;

/** Sample quantiles. */
final class Quantiles {
  private Quantiles() {}

  /**
   * R's default (type 7) quantile of sorted data: linear interpolation between order statistics at
   * h = (k − 1)·prob, zero-based.
   */
  static double type7(double[] sorted, double prob) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("quantile of no data");
    }
    double h = (sorted.length - 1) * prob;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}

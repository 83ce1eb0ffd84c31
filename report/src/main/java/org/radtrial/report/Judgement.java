package org.radtrial.report;

/**
 * What an interval of a difference lets the report say, and nothing more: "higher" or "lower" only
 * when the interval excludes 0 and the matching test (adjusted for multiplicity where there is one)
 * agrees at the same level; otherwise that no difference was shown.
 */
enum Judgement {
  HIGHER,
  LOWER,
  /** The interval includes 0: the data are compatible with no difference. */
  NOT_SHOWN,
  /** The interval excludes 0 but the test does not reject at the same level (after adjustment). */
  NOT_SHOWN_BY_TEST,
  NOT_ESTIMABLE;

  /**
   * @param difference the estimate (first − second)
   * @param ci its confidence interval
   * @param p the p-value of the test that goes with it (adjusted if several), NaN if there is none
   * @param alpha 1 − the interval's confidence level
   */
  static Judgement of(double difference, Interval ci, double p, double alpha) {
    if (!Double.isFinite(difference) || !ci.exists()) {
      return NOT_ESTIMABLE;
    }
    if (!ci.excludes(0)) {
      return NOT_SHOWN;
    }
    if (Double.isFinite(p) && p > alpha) {
      return NOT_SHOWN_BY_TEST;
    }
    return ci.above(0) ? HIGHER : LOWER;
  }

  boolean shown() {
    return this == HIGHER || this == LOWER;
  }

  Finding.Strength strength() {
    return switch (this) {
      case HIGHER, LOWER -> Finding.Strength.SHOWN;
      case NOT_SHOWN, NOT_SHOWN_BY_TEST -> Finding.Strength.NOT_SHOWN;
      case NOT_ESTIMABLE -> Finding.Strength.CAUTION;
    };
  }

  ForestPlot.Mark mark() {
    return switch (this) {
      case HIGHER -> ForestPlot.Mark.HIGHER;
      case LOWER -> ForestPlot.Mark.LOWER;
      default -> ForestPlot.Mark.NONE;
    };
  }
}

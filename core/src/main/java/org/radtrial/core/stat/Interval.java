package org.radtrial.core.stat;

/**
 * A two-sided confidence interval at a stated level.
 *
 * @param lower lower bound
 * @param upper upper bound
 * @param level confidence level, for example 0.95
 */
public record Interval(double lower, double upper, double level) {
  public Interval {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("interval lower " + lower + " must not exceed upper " + upper);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must lie in (0, 1), was " + level);
    }
  }

  public boolean contains(double x) {
    return lower <= x && x <= upper;
  }
}

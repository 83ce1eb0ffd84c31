package org.radtrial.core.binary;

import org.jspecify.annotations.Nullable;
import org.radtrial.core.stat.Interval;

/**
 * A binomial proportion with its counts and interval. When the denominator is 0 the estimate is
 * NaN and the interval is absent: there is nothing to estimate (a PPV with no positive calls).
 *
 * @param successes numerator count
 * @param trials denominator count
 * @param estimate successes / trials, NaN when trials = 0
 * @param ci interval by {@code method}, null when trials = 0
 * @param method interval method
 */
public record Proportion(int successes, int trials, double estimate, @Nullable Interval ci, CiMethod method) {
  public Proportion {
    if (successes < 0 || trials < successes) {
      throw new IllegalArgumentException(
          "a proportion needs 0 <= successes <= trials, got " + successes + " of " + trials);
    }
  }

  public static Proportion of(int successes, int trials, CiMethod method, double level) {
    if (trials == 0) {
      return new Proportion(0, 0, Double.NaN, null, method);
    }
    return new Proportion(
        successes,
        trials,
        successes / (double) trials,
        ProportionIntervals.interval(successes, trials, method, level),
        method);
  }

  public boolean defined() {
    return trials > 0;
  }
}

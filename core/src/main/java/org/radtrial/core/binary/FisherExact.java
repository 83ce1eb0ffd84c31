package org.radtrial.core.binary;

import org.hipparchus.util.CombinatoricsUtils;

/**
 * One-sided Fisher exact test of a 2×2 table: given the margins, the count x of events among the
 * n cases of a group (of N cases holding K events in all) is hypergeometric; the p-value of "the
 * group has more events than the rest" is P(X ≥ x), as R's {@code phyper(x - 1, K, N - K, n,
 * lower.tail = FALSE)} and {@code fisher.test(alternative = "greater")}. Unlike the normal
 * approximation it stays valid for small groups, where searching thousands of slices would
 * otherwise turn approximation error into false discoveries.
 */
public final class FisherExact {
  private FisherExact() {}

  /** P(X ≥ x) for X ~ Hypergeometric(N, K, n). */
  public static double upperTail(int x, int n, int events, int total) {
    if (n < 0 || events < 0 || total < 0 || n > total || events > total) {
      throw new IllegalArgumentException("need 0 <= n, K <= N; got n = " + n + ", K = " + events + ", N = " + total);
    }
    int lowest = Math.max(0, n + events - total);
    int highest = Math.min(n, events);
    if (x <= lowest) {
      return 1;
    }
    if (x > highest) {
      return 0;
    }
    double mean = n * (double) events / total;
    if (x > mean) {
      return Math.min(1, sum(x, highest, +1, n, events, total));
    }
    return Math.max(0, 1 - sum(x - 1, lowest, -1, n, events, total));
  }

  /** Σ pmf(k) from k = start towards end (inclusive), stopping once terms no longer matter. */
  private static double sum(int start, int end, int step, int n, int events, int total) {
    double term = Math.exp(logPmf(start, n, events, total));
    double sum = 0;
    for (int k = start; step > 0 ? k <= end : k >= end; k += step) {
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
      term = step > 0
          ? term * (events - k) * (double) (n - k) / ((k + 1.0) * (total - events - n + k + 1.0))
          : term * k * (double) (total - events - n + k) / ((events - k + 1.0) * (n - k + 1.0));
    }
    return sum;
  }

  private static double logPmf(int k, int n, int events, int total) {
    return logChoose(events, k) + logChoose(total - events, n - k) - logChoose(total, n);
  }

  private static double logChoose(int a, int b) {
    return CombinatoricsUtils.factorialLog(a) - CombinatoricsUtils.factorialLog(b) - CombinatoricsUtils.factorialLog(a - b);
  }
}

package org.radtrial.core.simulate;

import java.util.SplittableRandom;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * Exact binomial random numbers by inversion, searching outward from the mode with the pmf
 * recurrence: O(1 + sd) work per draw, exact up to floating-point rounding of the CDF, with
 * no normal or Poisson approximation.
 */
final class BinomialSampler {
  private BinomialSampler() {}

  static int next(SplittableRandom random, int n, double p) {
    if (n == 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - next(random, n, 1 - p);
    }
    double u = random.nextDouble();
    if (n * p < 30) {
      return invertFromZero(u, n, p);
    }
    BinomialDistribution distribution = new BinomialDistribution(n, p);
    int mode = (int) Math.floor((n + 1) * p);
    double cdf = distribution.cumulativeProbability(mode);
    double pmf = distribution.probability(mode);
    double ratio = p / (1 - p);
    if (u <= cdf) {
      int k = mode;
      double below = cdf - pmf;
      while (k > 0 && u <= below) {
        pmf = pmf * k / ((n - k + 1.0) * ratio);
        k--;
        below -= pmf;
      }
      return k;
    }
    int k = mode;
    double upTo = cdf;
    while (k < n && u > upTo) {
      pmf = pmf * (n - k) * ratio / (k + 1.0);
      k++;
      upTo += pmf;
    }
    return k;
  }

  /** Sequential search from 0 for small n·p (Kachitvichyanukul and Schmeiser's BINV). */
  private static int invertFromZero(double u, int n, double p) {
    double q = 1 - p;
    double ratio = p / q;
    double pmf = Math.pow(q, n);
    int k = 0;
    double cdf = pmf;
    while (u > cdf && k < n) {
      pmf = pmf * (n - k) * ratio / (k + 1.0);
      k++;
      cdf += pmf;
      if (pmf == 0 && cdf < u) {
        break;
      }
    }
    return k;
  }
}

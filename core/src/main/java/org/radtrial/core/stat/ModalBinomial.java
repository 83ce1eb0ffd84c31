package org.radtrial.core.stat;

import java.util.SplittableRandom;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * Exact binomial random numbers by inversion in modal order (Kemp 1986, "A modal method for
 * generating binomial variables"): one uniform u, then the support is walked outward from the mode
 * (mode, mode + 1, mode − 1, mode + 2, ...) subtracting each probability from u until it goes
 * negative. Any fixed order of the support makes inversion exact, and this one needs the
 * probability of the mode only, not a CDF: Hipparchus' {@link BinomialDistribution#probability}
 * (Loader's saddle-point expansion, relative error near 1e-15), then the pmf recurrence for its
 * neighbours. No normal or Poisson approximation anywhere; the only departure from the exact law
 * is the floating-point rounding of those probabilities.
 *
 * <p>Cost: one pmf evaluation plus about 0.8 standard deviations of recurrence steps per draw, so
 * O(1 + sqrt(n p (1 − p))), whatever n.
 */
public final class ModalBinomial {
  private ModalBinomial() {}

  /**
   * One draw from Binomial(n, p).
   *
   * @param n trials, at least 0
   * @param p success probability in [0, 1]
   */
  public static int draw(SplittableRandom random, int n, double p) {
    if (n == 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    double q = 1 - p;
    int mode = (int) Math.min(n, Math.floor((n + 1) * p));
    double pmfMode = new BinomialDistribution(n, p).probability(mode);
    double u = random.nextDouble() - pmfMode;
    if (u < 0) {
      return mode;
    }
    double up = p / q;
    double down = q / p;
    int hi = mode;
    int lo = mode;
    double pmfHi = pmfMode;
    double pmfLo = pmfMode;
    while (hi < n || lo > 0) {
      if (hi < n) {
        pmfHi *= (n - hi) * up / (hi + 1.0);
        hi++;
        u -= pmfHi;
        if (u < 0) {
          return hi;
        }
      }
      if (lo > 0) {
        pmfLo *= lo * down / (n - lo + 1.0);
        lo--;
        u -= pmfLo;
        if (u < 0) {
          return lo;
        }
      }
      if ((hi == n || pmfHi == 0) && (lo == 0 || pmfLo == 0)) {
        break; // u is left over by the rounding of the probabilities (below 1e-15): nothing more to walk
      }
    }
    return mode;
  }
}

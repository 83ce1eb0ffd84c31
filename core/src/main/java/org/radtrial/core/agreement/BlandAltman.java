package org.radtrial.core.agreement;

import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.StandardNormal;

/**
 * Bland-Altman analysis of two measurements of the same quantity (Bland &amp; Altman 1986, Lancet
 * 327:307–310; 1999, Stat Methods Med Res 8:135–160). On the n complete cases, with d = x − y:
 *
 * <ul>
 *   <li>bias d̄ = mean of d; s = SD of d (denominator n − 1);
 *   <li>limits of agreement d̄ ∓ z·s with z = Φ⁻¹((1 + level)/2), 1.96 at level 0.95, within which
 *       that share of differences is expected to fall;
 *   <li>interval of the bias, exact under normality: d̄ ∓ t·s/√n, t the (1 + level)/2 quantile of t
 *       on n − 1 degrees of freedom (R's {@code t.test(d)$conf.int});
 *   <li>interval of each limit, approximate (Bland &amp; Altman 1999: the variance of d̄ ± z·s is
 *       about (1/n + z²/(2(n − 1)))·s²): limit ∓ t·s·√(1/n + z²/(2(n − 1))), same t. Their 1986
 *       paper's rounder √(3s²/n) is this formula's value at z = 2 for large n. Exact intervals by
 *       non-central t (Carkeet 2015) are not computed; the approximate ones are a little narrow for
 *       small n;
 *   <li>proportional bias: ordinary least squares of d on the means (x + y)/2, slope b with the
 *       t interval b ∓ t'·SE(b), t' on n − 2 degrees of freedom, and the two-sided p of b/SE(b)
 *       (R's {@code lm(d ~ m)}, {@code confint}, {@code summary}).
 * </ul>
 *
 * <p>Edge cases: fewer than three complete cases, or means that do not vary (no slope), are refused.
 * Differences that do not vary (s = 0, e.g. y = x + c) give s = 0 and intervals of zero width; a
 * slope whose residuals vanish gets an interval of zero width and p = 0 (or 1 when b = 0).
 *
 * <p>Reference: hand computation in R on the PEFR data of the 1986 paper (its published bias −2.1,
 * SD 38.8 and 2-SD limits −79.7 to 75.5), epiR's {@code epi.ccc} limits, {@code t.test} and {@code lm}
 * (core/src/test/reference/agreement/).
 */
public final class BlandAltman {
  private BlandAltman() {}

  /**
   * The analysis of x against y (d = x − y).
   *
   * @param x the first method's value per case, NaN where missing
   * @param y the second method's value per case, NaN where missing
   * @param level confidence level of the intervals and coverage of the limits, in (0, 1)
   */
  public static BlandAltmanResult of(double[] x, double[] y, double level) {
    checkLevel(level);
    CompleteCases cases = CompleteCases.of(x, y);
    int n = cases.n();
    double[] d = new double[n];
    double[] m = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = cases.values[0][i] - cases.values[1][i];
      m[i] = (cases.values[0][i] + cases.values[1][i]) / 2;
    }
    double bias = CompleteCases.mean(d);
    double ss = 0;
    for (double v : d) {
      ss += (v - bias) * (v - bias);
    }
    double s = Math.sqrt(ss / (n - 1));
    double z = StandardNormal.criticalValue(level);
    double t = Distributions.tCritical(level, n - 1);
    double seBias = s / Math.sqrt(n);
    double seLimit = s * Math.sqrt(1.0 / n + z * z / (2.0 * (n - 1)));
    double lower = bias - z * s;
    double upper = bias + z * s;

    double meanOfMeans = CompleteCases.mean(m);
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (m[i] - meanOfMeans) * (m[i] - meanOfMeans);
      sxy += (m[i] - meanOfMeans) * (d[i] - bias);
    }
    if (sxx == 0) {
      throw new IllegalArgumentException("the means (x + y)/2 of the " + n
          + " cases are all equal, so the proportional bias (slope of the differences on the means) is undefined");
    }
    double slope = sxy / sxx;
    double intercept = bias - slope * meanOfMeans;
    double rss = 0;
    for (int i = 0; i < n; i++) {
      double e = d[i] - intercept - slope * m[i];
      rss += e * e;
    }
    double seSlope = Math.sqrt(rss / (n - 2) / sxx);
    double tSlope = Distributions.tCritical(level, n - 2);
    double slopeP = seSlope > 0 ? Distributions.tTwoSidedP(slope / seSlope, n - 2) : (slope == 0 ? 1 : 0);
    return new BlandAltmanResult(n, cases.leftOut, level, bias, around(bias, t * seBias, level), s, lower,
        around(lower, t * seLimit, level), upper, around(upper, t * seLimit, level), slope,
        around(slope, tSlope * seSlope, level), slopeP, intercept);
  }

  static Interval around(double centre, double halfWidth, double level) {
    return new Interval(centre - halfWidth, centre + halfWidth, level);
  }

  static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must lie in (0, 1), was " + level);
    }
  }
}

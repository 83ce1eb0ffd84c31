package org.radtrial.core.agreement;

import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.StandardNormal;

/**
 * Lin's concordance correlation coefficient (Lin 1989, Biometrics 45:255–268; corrections 2000,
 * Biometrics 56:324–325), as R's {@code epiR::epi.ccc(x, y, ci = "z-transform")} (epiR 2.0.57).
 *
 * <p>On the n complete cases, with moments of denominator n (σ_x² = Σ(x − x̄)²/n, likewise σ_y² and
 * σ_xy):
 *
 * <pre>
 *   ρ_c = 2σ_xy / (σ_x² + σ_y² + (x̄ − ȳ)²)  =  r · C_b
 *   r   = σ_xy / (σ_x σ_y)                    precision (Pearson)
 *   C_b = 2 / (v + 1/v + u²)                  accuracy, v = σ_x/σ_y, u = (x̄ − ȳ)/√(σ_x σ_y)
 * </pre>
 *
 * The interval is Lin's asymptotic one on Fisher's z = atanh(ρ_c): with
 * SE(ρ_c)² = [(1 − r²)ρ_c²(1 − ρ_c²)/r² + 2ρ_c³(1 − ρ_c)u²/r − ρ_c⁴u⁴/(2r²)] / (n − 2) and
 * SE(z) = SE(ρ_c)/(1 − ρ_c²), the interval is tanh(z ∓ z_{(1+level)/2}·SE(z)). ρ_c is symmetric in
 * x and y; epiR reports v and u for the other order (its {@code s.shift} is 1/v, its {@code l.shift} −u).
 *
 * <p>Edge cases: fewer than three complete cases (n − 2 must be positive), a method whose values do
 * not vary (r undefined) and r = 0 exactly (the standard error divides by r) are refused. When
 * ρ_c = ±1 (y = x on every case, for +1) Fisher's z is infinite and the rule is the interval [ρ_c, ρ_c].
 */
public final class Concordance {
  private Concordance() {}

  /**
   * Lin's ρ_c of x and y.
   *
   * @param x the first method's value per case, NaN where missing
   * @param y the second method's value per case, NaN where missing
   * @param level confidence level of the interval, in (0, 1)
   */
  public static ConcordanceResult of(double[] x, double[] y, double level) {
    BlandAltman.checkLevel(level);
    CompleteCases cases = CompleteCases.of(x, y);
    double[] a = cases.values[0];
    double[] b = cases.values[1];
    int n = cases.n();
    double meanX = CompleteCases.mean(a);
    double meanY = CompleteCases.mean(b);
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (a[i] - meanX) * (a[i] - meanX);
      syy += (b[i] - meanY) * (b[i] - meanY);
      sxy += (a[i] - meanX) * (b[i] - meanY);
    }
    if (sxx == 0 || syy == 0) {
      throw new IllegalArgumentException("the " + (sxx == 0 ? "first" : "second")
          + " method's values do not vary, so the concordance correlation (through Pearson's r) is undefined");
    }
    double varX = sxx / n;
    double varY = syy / n;
    double cov = sxy / n;
    double r = sxy / Math.sqrt(sxx * syy);
    if (r == 0) {
      throw new IllegalArgumentException("Pearson's r is exactly 0, so the standard error of Lin's concordance"
          + " correlation (which divides by r) is undefined");
    }
    double shift = meanX - meanY;
    double ccc = 2 * cov / (varX + varY + shift * shift);
    double v = Math.sqrt(varX / varY);
    double u = shift / Math.pow(varX * varY, 0.25);
    double cb = ccc / r;
    Interval ci;
    if (Math.abs(ccc) >= 1) {
      ci = new Interval(ccc, ccc, level);
    } else {
      double u2 = u * u;
      double se = Math.sqrt(((1 - r * r) * ccc * ccc * (1 - ccc * ccc) / (r * r)
          + 2 * Math.pow(ccc, 3) * (1 - ccc) * u2 / r
          - 0.5 * Math.pow(ccc, 4) * u2 * u2 / (r * r)) / (n - 2));
      double z = 0.5 * Math.log((1 + ccc) / (1 - ccc));
      double seZ = se / (1 - ccc * ccc);
      double half = StandardNormal.criticalValue(level) * seZ;
      ci = new Interval(Math.tanh(z - half), Math.tanh(z + half), level);
    }
    return new ConcordanceResult(n, cases.leftOut, level, ccc, ci, r, cb, v, u);
  }
}

package org.radtrial.core.agreement;

import java.util.List;
import java.util.stream.IntStream;
import org.radtrial.core.stat.Interval;

/**
 * The intraclass correlation for absolute agreement of single measurements in a two-way random model,
 * ICC(A,1) in McGraw &amp; Wong (1996, Psychol Methods 1:30–46), ICC(2,1) in Shrout &amp; Fleiss (1979,
 * Psychol Bull 86:420–428); R's {@code psych::ICC(x, lmer = FALSE)} row "ICC2" (Single_random_raters).
 *
 * <p>On the n complete cases (rows) and k methods (columns), with the two-way ANOVA without
 * interaction: MS_R = k·Σ(row mean − grand mean)²/(n − 1), MS_C = n·Σ(column mean − grand mean)²/(k − 1),
 * MS_E = ΣΣ(x − row mean − column mean + grand mean)²/((n − 1)(k − 1)):
 *
 * <pre>
 *   ICC(A,1) = (MS_R − MS_E) / (MS_R + (k − 1)·MS_E + k·(MS_C − MS_E)/n)
 * </pre>
 *
 * F = MS_R/MS_E on (n − 1, (n − 1)(k − 1)) degrees of freedom tests ICC = 0. The interval is McGraw &amp;
 * Wong's for ICC(A,1) (1996, Table 7, as psych computes it): with F_J = MS_C/MS_E and the
 * Satterthwaite degrees of freedom
 * v = (k − 1)(n − 1)(k·ICC·F_J + n(1 + (k − 1)ICC) − k·ICC)² / ((n − 1)k²ICC²F_J² + (n(1 + (k − 1)ICC) − k·ICC)²),
 * F* the (1 + level)/2 quantile of F(n − 1, v) and F** that of F(v, n − 1):
 *
 * <pre>
 *   lower = n(MS_R − F*·MS_E) / (F*·(k·MS_C + (kn − k − n)·MS_E) + n·MS_R)
 *   upper = n(F**·MS_R − MS_E) / (k·MS_C + (kn − k − n)·MS_E + n·F**·MS_R)
 * </pre>
 *
 * <p>ICC(A,1) can be negative (down to about −1/(k − 1)) when the cases vary less than the error.
 * psych's default {@code lmer = TRUE} estimates the variance components by REML instead, which gives the
 * same numbers when no component estimate is negative (up to the optimiser's tolerance).
 *
 * <p>Edge cases: fewer than three complete cases or fewer than two methods are refused. When
 * MS_E = 0: if also MS_C = 0 and MS_R &gt; 0 (every method gives the same value on every case, and the
 * cases differ) agreement is perfect and the rule is ICC = 1 with the interval [1, 1], F = +∞, p = 0;
 * otherwise (a method is a constant shift of another, or nothing varies) the F-based interval is not
 * defined and the input is refused.
 */
public final class Icc {
  private Icc() {}

  /** ICC(A,1) of two methods measured on the same cases (NaN where missing). */
  public static IccResult absoluteAgreement(double[] x, double[] y, double level) {
    return absoluteAgreement(new double[][] {x, y}, level);
  }

  /**
   * ICC(A,1) of k ≥ 2 methods.
   *
   * @param values {@code values[j][c]}: method j on case c, the same n cases in the same order for every
   *     method; a case where any method is NaN is left out and counted
   * @param level confidence level of the interval, in (0, 1)
   */
  public static IccResult absoluteAgreement(double[][] values, double level) {
    BlandAltman.checkLevel(level);
    int k = values.length;
    if (k < 2) {
      throw new IllegalArgumentException("an intraclass correlation needs at least two methods, got " + k);
    }
    List<String> names = IntStream.range(0, k).mapToObj(j -> "method " + (j + 1)).toList();
    CompleteCases cases = CompleteCases.of(values, names);
    double[][] v = cases.values;
    int n = cases.n();
    double grand = 0;
    double[] rowMean = new double[n];
    double[] columnMean = new double[k];
    for (int j = 0; j < k; j++) {
      columnMean[j] = CompleteCases.mean(v[j]);
      grand += columnMean[j];
      for (int c = 0; c < n; c++) {
        rowMean[c] += v[j][c] / k;
      }
    }
    grand /= k;
    double ssRows = 0;
    for (double r : rowMean) {
      ssRows += (r - grand) * (r - grand);
    }
    double ssColumns = 0;
    for (double c : columnMean) {
      ssColumns += (c - grand) * (c - grand);
    }
    double ssError = 0;
    for (int j = 0; j < k; j++) {
      for (int c = 0; c < n; c++) {
        double e = v[j][c] - rowMean[c] - columnMean[j] + grand;
        ssError += e * e;
      }
    }
    double df1 = n - 1;
    double df2 = (n - 1.0) * (k - 1);
    double msr = k * ssRows / df1;
    double msc = n * ssColumns / (k - 1);
    double mse = ssError / df2;
    if (mse == 0) {
      if (msc == 0 && msr > 0) {
        return new IccResult(n, k, cases.leftOut, level, 1, new Interval(1, 1, level), Double.POSITIVE_INFINITY, df1, df2,
            0, msr, msc, mse);
      }
      throw new IllegalArgumentException(msr == 0 && msc == 0
          ? "every value is the same; agreement cannot be measured"
          : "the methods differ by the same constant on every case (residual mean square 0), so the interval of"
              + " ICC(A,1) is not defined; the bias alone (Bland-Altman) describes them");
    }
    double icc = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n);
    double f = msr / mse;
    double p = Distributions.fUpperTail(f, df1, df2);
    double fj = msc / mse;
    double core = n * (1 + (k - 1) * icc) - k * icc;
    double vn = (k - 1) * (n - 1) * Math.pow(k * icc * fj + core, 2);
    double vd = (n - 1) * (double) k * k * icc * icc * fj * fj + core * core;
    double nu = vn / vd;
    double prob = (1 + level) / 2;
    double fLower = Distributions.fQuantile(prob, n - 1, nu);
    double fUpper = Distributions.fQuantile(prob, nu, n - 1);
    double shared = k * msc + (k * n - k - n) * mse;
    double lower = n * (msr - fLower * mse) / (fLower * shared + n * msr);
    double upper = n * (fUpper * msr - mse) / (shared + n * fUpper * msr);
    return new IccResult(n, k, cases.leftOut, level, icc, new Interval(lower, upper, level), f, df1, df2, p, msr, msc,
        mse);
  }
}

package org.radtrial.core.agreement;

import org.radtrial.core.stat.Interval;

/**
 * ICC(A,1) of k methods over the complete cases, with the two-way ANOVA it comes from. See
 * {@link Icc} for every definition.
 *
 * @param n complete cases (subjects, the rows of the ANOVA)
 * @param methods k, the methods (raters, the columns)
 * @param leftOut cases left out because some method's value is NaN
 * @param level confidence level of the interval
 * @param icc ICC(A,1)
 * @param ci its F-based interval (McGraw &amp; Wong 1996)
 * @param f MS_rows / MS_error, the F test of ICC = 0; +∞ under the perfect-agreement rule
 * @param df1 n − 1
 * @param df2 (n − 1)(k − 1)
 * @param p P(F ≥ f) under ICC = 0
 * @param msRows mean square of the cases, MS_R
 * @param msColumns mean square of the methods, MS_C
 * @param msError residual mean square, MS_E
 */
public record IccResult(int n, int methods, int leftOut, double level, double icc, Interval ci, double f, double df1,
    double df2, double p, double msRows, double msColumns, double msError) {}

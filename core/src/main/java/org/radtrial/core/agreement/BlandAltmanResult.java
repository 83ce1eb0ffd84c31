package org.radtrial.core.agreement;

import org.radtrial.core.stat.Interval;

/**
 * Bland-Altman agreement of x and y over the complete cases; differences are d = x − y (first minus
 * second), means (x + y)/2. See {@link BlandAltman} for every definition.
 *
 * @param n complete cases
 * @param leftOut cases left out because x or y is NaN
 * @param level the confidence level of the intervals, and the coverage of the limits of agreement
 * @param bias mean of d
 * @param biasCi t interval of the bias
 * @param sd standard deviation of d (denominator n − 1)
 * @param lowerLimit bias − z·sd, z the standard normal's (1 + level)/2 quantile (1.96 at 0.95)
 * @param lowerLimitCi its approximate interval (Bland &amp; Altman 1999)
 * @param upperLimit bias + z·sd
 * @param upperLimitCi its approximate interval
 * @param slope proportional bias: the least-squares slope of d on the means
 * @param slopeCi its t interval (n − 2 degrees of freedom)
 * @param slopeP two-sided p of the slope's t test against 0
 * @param intercept the regression's intercept (d at a mean of 0)
 */
public record BlandAltmanResult(int n, int leftOut, double level, double bias, Interval biasCi, double sd,
    double lowerLimit, Interval lowerLimitCi, double upperLimit, Interval upperLimitCi, double slope, Interval slopeCi,
    double slopeP, double intercept) {}

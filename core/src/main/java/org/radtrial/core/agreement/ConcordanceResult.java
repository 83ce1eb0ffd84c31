package org.radtrial.core.agreement;

import org.radtrial.core.stat.Interval;

/**
 * Lin's concordance correlation of x and y over the complete cases, with its parts. See
 * {@link Concordance} for every definition.
 *
 * @param n complete cases
 * @param leftOut cases left out because x or y is NaN
 * @param level confidence level of the interval
 * @param ccc ρ_c, Lin's concordance correlation coefficient
 * @param ci its asymptotic interval through Fisher's z
 * @param pearson r, the precision part: how close the points lie to some straight line
 * @param biasCorrection C_b = ρ_c / r, the accuracy part: how close that line is to y = x (1 = on it)
 * @param scaleShift v = σ_x/σ_y
 * @param locationShift u = (μ_x − μ_y)/√(σ_x·σ_y)
 */
public record ConcordanceResult(int n, int leftOut, double level, double ccc, Interval ci, double pearson,
    double biasCorrection, double scaleShift, double locationShift) {}

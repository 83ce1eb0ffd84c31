package org.radtrial.core.paired;

import org.radtrial.core.stat.Interval;

/**
 * Two methods compared on the cases where both have a value: the per-case differences
 * d = first − second (first is the method listed earlier).
 *
 * @param first the first method's name
 * @param second the second method's name
 * @param firstIndex the first method's row in the input (firstIndex &lt; secondIndex)
 * @param secondIndex the second method's row
 * @param n complete cases (both values present)
 * @param leftOut cases left out because either value is NaN; {@code n + leftOut} is every case
 * @param meanDifference the mean of d (equal to the difference of the two means over these n cases)
 * @param meanDifferenceCi its paired bootstrap interval
 * @param medianDifference the median of d (not the difference of the two medians)
 * @param medianDifferenceCi its paired bootstrap interval
 * @param replicatesLeftOut bootstrap replicates that drew none of the n complete cases; the intervals
 *     come from the other replicates (0 when nothing is missing)
 * @param wilcoxon the Wilcoxon signed-rank test of d
 * @param holmP the Wilcoxon p-value adjusted by Holm's method over every pair whose test was computed
 *     (NaN where the test was not computed)
 * @param favoured the input row of the method the mean difference favours under the direction
 *     (firstIndex or secondIndex), or −1 when the mean difference is 0. A description, not a
 *     finding: whether the difference is established is for the interval and holmP to say
 */
public record PairComparison(String first, String second, int firstIndex, int secondIndex, int n, int leftOut,
    double meanDifference, Interval meanDifferenceCi, double medianDifference, Interval medianDifferenceCi,
    int replicatesLeftOut, WilcoxonResult wilcoxon, double holmP, int favoured) {}

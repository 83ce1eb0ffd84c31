package org.radtrial.core.paired;

import org.radtrial.core.stat.Interval;

/**
 * One method's per-case metric over the cases where it is present. Intervals are percentile
 * bootstrap intervals over resampled cases (see {@link PairedComparison}).
 *
 * @param name the method's name
 * @param n cases with a value (not NaN)
 * @param missing cases without a value (NaN), left out of every statistic here; {@code n + missing} is every case
 * @param mean arithmetic mean of the n values
 * @param meanCi its bootstrap interval
 * @param median the middle value (the mean of the two middle values when n is even)
 * @param medianCi its bootstrap interval
 * @param sd sample standard deviation, denominator n − 1
 * @param sdCi its bootstrap interval
 * @param replicatesLeftOut bootstrap replicates that drew fewer than two of this method's cases and so
 *     give none of its statistics; the intervals come from the other replicates (0 when nothing is missing)
 */
public record MethodSummary(String name, int n, int missing, double mean, Interval meanCi, double median,
    Interval medianCi, double sd, Interval sdCi, int replicatesLeftOut) {}

package org.radtrial.core.roc;

import org.jspecify.annotations.Nullable;
import org.radtrial.core.stat.Interval;
/**
 * An AUC with its standard error and confidence interval.
 *
 * @param estimate the Mann-Whitney AUC
 * @param standardError the standard error by {@code method}; NaN when not estimable
 * @param ci the confidence interval, clipped to [0, 1]; null when not estimable (a single case of a
 *     class)
 * @param method how the interval was made, for example "DeLong"
 * @param positives number of positive cases used
 * @param negatives number of negative cases used
 */
public record AucEstimate(
    double estimate,
    double standardError,
    @Nullable Interval ci,
    String method,
    int positives,
    int negatives) {}

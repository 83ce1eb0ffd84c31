package org.radtrial.core.evaluate;

import org.jspecify.annotations.Nullable;

/**
 * Paired comparison of two decision makers (model or reader) at one operating-point rule.
 *
 * @param rule the operating-point rule the models' thresholds came from
 * @param first first decision maker
 * @param second second decision maker
 * @param sensitivity comparison on the positives both decided on; null when there are none
 * @param specificity comparison on the negatives both decided on; null when there are none
 */
public record DecisionComparison(
    OperatingPointRule rule,
    String first,
    String second,
    @Nullable PairedRateComparison sensitivity,
    @Nullable PairedRateComparison specificity) {}

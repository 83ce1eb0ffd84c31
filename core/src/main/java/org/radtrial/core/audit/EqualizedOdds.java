package org.radtrial.core.audit;

/**
 * Equalized-odds difference of one model across the groups of a column, as fairlearn defines it:
 * the larger of the range of true-positive rates and the range of false-positive rates. Computed
 * over the groups that are not underpowered and have both classes.
 *
 * @param model the model
 * @param columns the columns
 * @param truePositiveRateRange max − min sensitivity across the groups
 * @param falsePositiveRateRange max − min false-positive rate across the groups
 * @param difference the larger of the two
 * @param groups groups that entered; NaN values when fewer than two
 */
public record EqualizedOdds(
    String model, String columns, double truePositiveRateRange, double falsePositiveRateRange, double difference, int groups) {}

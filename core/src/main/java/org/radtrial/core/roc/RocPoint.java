package org.radtrial.core.roc;

/**
 * One point of an empirical ROC curve: calling a case positive when its oriented score is at or
 * above {@code threshold}.
 *
 * @param threshold oriented score threshold; +∞ for the point (0, 0)
 * @param truePositives positives at or above the threshold
 * @param falsePositives negatives at or above the threshold
 */
public record RocPoint(double threshold, int truePositives, int falsePositives) {}

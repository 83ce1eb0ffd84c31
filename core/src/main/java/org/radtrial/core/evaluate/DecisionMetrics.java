package org.radtrial.core.evaluate;

import org.radtrial.core.binary.Proportion;

/**
 * Accuracy of one binary decision rule, each rate with its count and interval.
 *
 * @param counts the confusion counts
 * @param sensitivity TP / (TP + FN)
 * @param specificity TN / (TN + FP)
 * @param ppv TP / (TP + FP), undefined with no positive calls
 * @param npv TN / (TN + FN), undefined with no negative calls
 * @param recallRate (TP + FP) / all: the share of exams called back
 */
public record DecisionMetrics(
    ConfusionCounts counts,
    Proportion sensitivity,
    Proportion specificity,
    Proportion ppv,
    Proportion npv,
    Proportion recallRate) {}

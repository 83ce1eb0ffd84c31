package org.radtrial.core.mrmc;

/**
 * One point of a reader's empirical ROC curve: cases rated at or beyond {@code threshold} (in the
 * ratings' own units and direction) called positive.
 *
 * @param threshold the rating; +∞ (or −∞ for lower-is-positive ratings) for the point (0, 0)
 * @param sensitivity true-positive fraction
 * @param specificity 1 − false-positive fraction
 */
public record CurvePoint(double threshold, double sensitivity, double specificity) {}

package org.radtrial.core.lesions;

/**
 * One operating point of an FROC curve: every mark rated at or above the threshold counts.
 *
 * @param threshold the rating threshold (+∞ for the origin)
 * @param nlf non-lesion localizations per case (false marks per scan)
 * @param llf lesion localization fraction (lesion sensitivity)
 */
public record FrocPoint(double threshold, double nlf, double llf) {}

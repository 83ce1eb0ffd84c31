package org.radtrial.core.mrmc;

import org.radtrial.core.stat.Interval;

/**
 * One modality's figure of merit averaged over readers, with its confidence interval estimate ±
 * t(df)·SE computed from that modality's data alone (OR-DBM MRMC's "single-treatment" intervals).
 *
 * @param modality the modality
 * @param estimate mean over readers
 * @param standardError its standard error
 * @param df degrees of freedom of the t reference; +∞ for a normal reference
 * @param ci the confidence interval (not clipped)
 */
public record ModalityEstimate(String modality, double estimate, double standardError, double df, Interval ci) {
  static ModalityEstimate of(String modality, double estimate, double variance, double df, double level) {
    double se = Math.sqrt(Math.max(0, variance));
    double half = Distributions.tCritical(level, df) * se;
    return new ModalityEstimate(modality, estimate, se, df, new Interval(estimate - half, estimate + half, level));
  }
}

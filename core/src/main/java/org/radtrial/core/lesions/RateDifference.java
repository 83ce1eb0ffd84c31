package org.radtrial.core.lesions;

import org.radtrial.core.stat.Interval;

/**
 * Two models' sensitivities at one LUNA16 false-mark rate, first − second, on the same resampled cases: the
 * percentile bootstrap interval, and a Wald test with the bootstrap standard error (z = difference / SD of the
 * replicate differences, two-sided normal p), Holm-adjusted over every pair and rate.
 *
 * @param rate false marks per case
 * @param difference first − second sensitivity at that rate
 * @param ci its percentile bootstrap interval
 * @param standardError the standard deviation of the replicate differences
 * @param p two-sided normal p of difference / standardError (1 when both are 0)
 * @param pHolm p adjusted by Holm over every pair × rate
 */
public record RateDifference(double rate, double difference, Interval ci, double standardError, double p, double pHolm) {}

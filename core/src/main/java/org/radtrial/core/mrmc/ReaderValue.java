package org.radtrial.core.mrmc;

import org.jspecify.annotations.Nullable;
import org.radtrial.core.stat.Interval;

/**
 * One reader's figure of merit in one modality, with its standard error over random cases (the square
 * root of the cell's error variance, by the analysis's covariance method) and the normal interval
 * value ± z·SE, as MRMCaov's "single reader" intervals (not clipped to [0, 1]).
 *
 * @param modality the modality; null for the stand-alone reader
 * @param reader the reader
 * @param value the figure of merit
 * @param standardError its standard error for random cases (NaN when the variance estimate is negative,
 *     as the unbiased estimator's can be on small studies)
 * @param ci value ± z·SE at the analysis's level; null when the standard error is NaN
 */
public record ReaderValue(@Nullable String modality, String reader, double value, double standardError, @Nullable Interval ci) {
  static ReaderValue of(@Nullable String modality, String reader, double value, double variance, double level) {
    if (!(variance >= 0)) {
      return new ReaderValue(modality, reader, value, Double.NaN, null);
    }
    double se = Math.sqrt(variance);
    double half = Distributions.tCritical(level, Double.POSITIVE_INFINITY) * se;
    return new ReaderValue(modality, reader, value, se, new Interval(value - half, value + half, level));
  }
}

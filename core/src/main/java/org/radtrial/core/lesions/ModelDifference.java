package org.radtrial.core.lesions;

import org.radtrial.core.stat.Interval;

/**
 * Two models on the same cases, first − second.
 *
 * @param first the first model
 * @param second the second model
 * @param primaryDifference difference in the primary figure (wAFROC or wAFROC1)
 * @param standardError its jackknife standard error over cases
 * @param z primaryDifference / standardError
 * @param p two-sided normal p of z
 * @param pHolm p adjusted by Holm over every pair
 * @param primaryCi the normal interval primaryDifference ± z·SE
 * @param cpmDifference difference in LUNA16's CPM
 * @param cpmCi its percentile bootstrap interval (the same resampled cases for both models)
 * @param sensitivity the sensitivity differences at each of LUNA16's rates, in their order
 */
public record ModelDifference(String first, String second, double primaryDifference, double standardError, double z,
    double p, double pHolm, Interval primaryCi, double cpmDifference, Interval cpmCi, java.util.List<RateDifference> sensitivity) {
  public ModelDifference {
    sensitivity = java.util.List.copyOf(sensitivity);
  }
}

package org.radtrial.core.lesions;

/**
 * A mark a reader or model made on a case, with its confidence (higher = more confident).
 *
 * @param caseIndex the case's position in the truth
 * @param location where it is
 * @param confidence how sure the reader or model is; finite
 */
public record Mark(int caseIndex, Location location, double confidence) {
  public Mark {
    if (!Double.isFinite(confidence)) {
      throw new IllegalArgumentException("a mark's confidence must be finite, was " + confidence);
    }
  }
}

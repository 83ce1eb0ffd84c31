package org.radtrial.core.pool;

/**
 * One site's confusion counts at an agreed threshold.
 *
 * @param tp true positives
 * @param fn false negatives
 * @param fp false positives
 * @param tn true negatives
 */
public record DiagnosticCounts(long tp, long fn, long fp, long tn) {
  public DiagnosticCounts {
    if (tp < 0 || fn < 0 || fp < 0 || tn < 0) {
      throw new IllegalArgumentException("counts must not be negative, got TP " + tp + ", FN " + fn + ", FP " + fp + ", TN " + tn);
    }
    if (tp + fn == 0 || fp + tn == 0) {
      throw new IllegalArgumentException(
          "a site needs both positive and negative cases, got TP " + tp + ", FN " + fn + ", FP " + fp + ", TN " + tn);
    }
  }

  boolean hasZeroCell() {
    return tp == 0 || fn == 0 || fp == 0 || tn == 0;
  }
}

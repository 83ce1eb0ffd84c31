package org.radtrial.core.lesions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One case of a localization study: its lesions (none for a normal case) and their weights, the
 * clinical importance each carries in the weighted figures of merit.
 *
 * @param id the case id
 * @param lesionIds the ids of its lesions, distinct; empty for a normal case
 * @param weights one per lesion, each &gt; 0, summing to 1 (within 1e-6)
 */
public record LesionCase(String id, List<String> lesionIds, double[] weights) {
  public LesionCase {
    lesionIds = List.copyOf(lesionIds);
    weights = weights.clone();
    if (weights.length != lesionIds.size()) {
      throw new IllegalArgumentException("case " + id + ": " + lesionIds.size() + " lesions but " + weights.length
          + " weights");
    }
    Set<String> seen = new HashSet<>();
    double sum = 0;
    for (int l = 0; l < weights.length; l++) {
      if (!seen.add(lesionIds.get(l))) {
        throw new IllegalArgumentException("case " + id + " lists lesion " + lesionIds.get(l) + " twice; lesion ids"
            + " must be distinct within a case");
      }
      if (!(weights[l] > 0) || !Double.isFinite(weights[l])) {
        throw new IllegalArgumentException("case " + id + ", lesion " + lesionIds.get(l) + ": weight " + weights[l]
            + " must be a positive number");
      }
      sum += weights[l];
    }
    if (weights.length > 0 && Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("case " + id + ": lesion weights sum to " + sum + ", must sum to 1");
    }
  }

  /** A case whose lesions weigh the same, 1/L each. */
  public static LesionCase equallyWeighted(String id, List<String> lesionIds) {
    double[] w = new double[lesionIds.size()];
    java.util.Arrays.fill(w, 1.0 / Math.max(1, lesionIds.size()));
    return new LesionCase(id, lesionIds, w);
  }

  /** A case without lesions. */
  public static LesionCase normal(String id) {
    return new LesionCase(id, List.of(), new double[0]);
  }

  public boolean isNormal() {
    return lesionIds.isEmpty();
  }

  public int lesions() {
    return lesionIds.size();
  }

  /** The weight of lesion l. */
  public double weight(int l) {
    return weights[l];
  }

  /** The index of a lesion id, or -1. */
  public int lesionIndex(String lesionId) {
    return lesionIds.indexOf(lesionId);
  }
}

package org.radtrial.core.mrmc;

import java.util.List;

/**
 * What a sample-size estimate for a new two-modality study is asked for.
 *
 * @param readers the numbers of readers to plan for
 * @param effect the AUC difference to detect; NaN for the pilot's observed difference of its first two
 *     modalities
 * @param alpha significance level of the planned test
 * @param power the power to reach
 * @param maxCases the most cases to consider
 */
public record StudyPlan(List<Integer> readers, double effect, double alpha, double power, int maxCases) {
  public StudyPlan {
    readers = List.copyOf(readers);
    if (readers.isEmpty()) {
      throw new IllegalArgumentException("name at least one number of readers to plan for");
    }
    for (int r : readers) {
      if (r < 2) {
        throw new IllegalArgumentException("a planned study needs at least 2 readers, got " + r);
      }
    }
    if (!Double.isNaN(effect) && (!Double.isFinite(effect) || effect == 0)) {
      throw new IllegalArgumentException("the effect size must be a non-zero AUC difference such as 0.05, was " + effect);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("the significance level must lie in (0, 1), was " + alpha);
    }
    if (!(power > 0 && power < 1)) {
      throw new IllegalArgumentException("the target power must lie in (0, 1), was " + power);
    }
    if (maxCases < 2) {
      throw new IllegalArgumentException("the largest number of cases must be at least 2, was " + maxCases);
    }
  }
}

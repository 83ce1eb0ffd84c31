package org.radtrial.core.mrmc;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sample-size estimates for a new two-modality study from this study's variance components.
 *
 * @param effect the AUC difference planned for
 * @param observedEffect whether it is the pilot's observed difference (first − second modality)
 * @param alpha significance level
 * @param targetPower power to reach
 * @param pilotCases cases in the pilot (this study)
 * @param pilot the pilot's Obuchowski-Rockette components used
 * @param rows one per number of readers asked for
 */
public record PlanResult(
    double effect,
    boolean observedEffect,
    double alpha,
    double targetPower,
    int pilotCases,
    OrVarianceComponents pilot,
    List<PlannedReaders> rows) {
  public PlanResult {
    rows = List.copyOf(rows);
  }

  /**
   * The fewest cases for a number of readers, per generalization; a field is null when even
   * {@link StudyPlan#maxCases()} cases do not reach the power.
   *
   * @param readers the number of readers
   * @param randomReadersRandomCases RRRC
   * @param fixedReadersRandomCases FRRC
   * @param randomReadersFixedCases RRFC
   */
  public record PlannedReaders(
      int readers,
      @Nullable PowerEstimate randomReadersRandomCases,
      @Nullable PowerEstimate fixedReadersRandomCases,
      @Nullable PowerEstimate randomReadersFixedCases) {}
}

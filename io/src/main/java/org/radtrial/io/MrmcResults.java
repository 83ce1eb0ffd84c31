package org.radtrial.io;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.mrmc.CovarianceMethod;
import org.radtrial.core.mrmc.FomAnalysis;
import org.radtrial.core.mrmc.ModalityDifference;
import org.radtrial.core.mrmc.PlanResult;
import org.radtrial.core.mrmc.ReaderCurve;
import org.radtrial.core.mrmc.StudyPlan;

/**
 * A results.json written by {@code mrmc}, as {@link MrmcReader} reads it back, in core's records.
 * Null degrees of freedom read as +∞ and null interval bounds as ∓∞ (the infinite values the writer
 * wrote as null); other null numbers, including a ROC curve's first threshold, read as NaN. Every
 * interval has the level of {@code settings.ci_level}.
 *
 * @param schemaVersion "schema_version"
 * @param design "mrmc.design"
 * @param comparisons "mrmc.comparisons": the primary result, with its method
 * @param readers "mrmc.readers": each reader's ROC curve per modality
 * @param auc "mrmc.auc"
 * @param sensitivity "mrmc.sensitivity"; null without a cut
 * @param specificity "mrmc.specificity"; null without a cut
 * @param plan "mrmc.sample_size"; null when no study was planned. Its pilot's var_r is not written
 *     and reads as NaN
 * @param settings "settings"
 * @param provenance "provenance"; its seed is 0, as the file's is null (the analysis draws no random numbers)
 */
public record MrmcResults(
    int schemaVersion,
    Design design,
    List<Comparison> comparisons,
    List<ReaderCurve> readers,
    FomAnalysis auc,
    @Nullable FomAnalysis sensitivity,
    @Nullable FomAnalysis specificity,
    @Nullable PlanResult plan,
    Settings settings,
    Provenance provenance) {

  /**
   * "design".
   *
   * @param readers the human readers, in order
   * @param standaloneReader null when none
   */
  public record Design(List<String> modalities, List<String> readers, @Nullable String standaloneReader, int cases, int positives,
      int negatives) {}

  /** One of "comparisons": a difference of two modalities and how it was made. */
  public record Comparison(ModalityDifference difference, String method) {}

  /**
   * "settings".
   *
   * @param cut NaN when none
   * @param columns the table's columns; null for iMRMC and LRC input
   * @param positive the table's disease value; null for iMRMC and LRC input
   * @param lowerIsPositive null for LRC input
   * @param standaloneReader null when none
   * @param sampleSize the planning options; null when no study was planned
   */
  public record Settings(double ciLevel, CovarianceMethod covariance, double cut, RatingsFormat inputFormat,
      @Nullable Columns columns, @Nullable String positive, @Nullable Boolean lowerIsPositive, @Nullable String standaloneReader,
      @Nullable StudyPlan sampleSize) {}

  /** "settings.columns" of a table. */
  public record Columns(String reader, String modality, String caseId, String truth, String rating) {}
}

package org.radtrial.io;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.binary.CiMethod;
import org.radtrial.core.evaluate.AucComparison;
import org.radtrial.core.evaluate.DecisionMetrics;
import org.radtrial.core.evaluate.ModelResult;
import org.radtrial.core.evaluate.PairedRateComparison;
import org.radtrial.core.evaluate.ReaderResult;
import org.radtrial.core.roc.AucEstimate;

/**
 * The evaluation sections of a results.json (written by {@code evaluate}, and by {@code audit} before
 * its "audit" section), as {@link EvaluationReader} reads them back. Values are core's records where
 * the file holds all of one; a number written as null reads as NaN, an interval written as null as
 * null, and every interval has the level of {@code settings.ci_level}.
 *
 * @param schemaVersion "schema_version"
 * @param cohort "cohort"
 * @param models "models", in the file's order
 * @param comparisons "comparisons"
 * @param readers "readers", in the file's order
 * @param decisionComparisons "decision_comparisons"
 * @param notes "notes"
 * @param settings "settings"
 * @param provenance "provenance"
 */
public record EvaluationResults(
    int schemaVersion,
    CohortSummary cohort,
    List<Model> models,
    List<AucComparison> comparisons,
    List<ReaderResult> readers,
    List<DecisionComparisonRow> decisionComparisons,
    List<String> notes,
    Settings settings,
    Provenance provenance) {

  /**
   * "cohort".
   *
   * @param metadata per metadata column, in the file's order
   */
  public record CohortSummary(int cases, int positives, int negatives, double prevalence, String truthColumn, String positiveValue,
      Map<String, MetadataSummary> metadata) {}

  /**
   * One metadata column's summary.
   *
   * @param counts cases per value; null when the column has more than 50 distinct values
   */
  public record MetadataSummary(int distinctValues, @Nullable Map<String, Integer> counts) {}

  /**
   * "models.&lt;name&gt;".
   *
   * @param bootstrapAuc "auc_bootstrap"; null when absent (no bootstrap)
   */
  public record Model(String name, boolean higherIsPositive, int excludedMissing, AucEstimate auc, @Nullable AucEstimate bootstrapAuc,
      List<OperatingPointRow> operatingPoints, List<ModelResult.RocCurvePoint> roc) {}

  /**
   * An operating point as written: its rule and decision as text.
   *
   * @param threshold in the model's units; NaN when written as null (no case called positive)
   */
  public record OperatingPointRow(String rule, double threshold, String decision, DecisionMetrics metrics) {}

  /**
   * "decision_comparisons[]".
   *
   * @param sensitivity null when the two share no positive case
   * @param specificity null when the two share no negative case
   */
  public record DecisionComparisonRow(String rule, String first, String second, @Nullable PairedRateComparison sensitivity,
      @Nullable PairedRateComparison specificity) {}

  /**
   * "settings".
   *
   * @param nonInferiorityMargin NaN when none
   */
  public record Settings(double ciLevel, int bootstrapReplicates, long seed, CiMethod proportionCi, List<String> operatingPoints,
      double nonInferiorityMargin, MissingPolicy missing, List<String> lowerIsPositive) {}

  /** The model named {@code name}. */
  public Model model(String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("results.json has no model '" + name + "'"));
  }
}

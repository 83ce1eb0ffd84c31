package org.radtrial.core.segment;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.agreement.BlandAltmanResult;
import org.radtrial.core.agreement.ConcordanceResult;
import org.radtrial.core.agreement.IccResult;
import org.radtrial.core.paired.MethodSummary;
import org.radtrial.core.paired.PairComparison;

/**
 * A segmentation study's results: every case, and per label each model's summaries, the models
 * head-to-head, the worst cases and the subgroups.
 *
 * @param models the models, in the order given
 * @param labels the labels compared
 * @param toleranceMm the surface Dice's tolerance
 * @param groups the group columns
 * @param replicates bootstrap replicates of every interval
 * @param seed the bootstrap's seed
 * @param level the confidence level of every interval
 * @param cases every case and label
 * @param byLabel the summaries, one per label
 */
public record SegmentationResult(List<String> models, List<Integer> labels, double toleranceMm, List<String> groups,
    int replicates, long seed, double level, List<MaskCase> cases, List<LabelResult> byLabel) {
  public SegmentationResult {
    models = List.copyOf(models);
    labels = List.copyOf(labels);
    groups = List.copyOf(groups);
    cases = List.copyOf(cases);
    byLabel = List.copyOf(byLabel);
  }

  /** Whether the study measured PET uptake. */
  public boolean hasPet() {
    return !cases.isEmpty() && cases.get(0).referencePet() != null;
  }

  /**
   * One label's figures.
   *
   * @param label the label
   * @param cases cases compared
   * @param models per model: how many cases had an empty mask, and each metric's summary
   * @param comparisons every pair of models on each metric (none with one model or fewer than two cases)
   * @param worst per model, the cases with the lowest Dice (ties: the larger HD95 first), for review
   * @param subgroups per group column and level, each model's Dice
   * @param agreement per quantity (volume, and PET uptake) and model, its agreement with the reference's
   */
  public record LabelResult(int label, int cases, List<ModelSummary> models, List<MetricComparison> comparisons,
      List<WorstCase> worst, List<SubgroupRow> subgroups, List<QuantityAgreement> agreement) {
    public LabelResult {
      models = List.copyOf(models);
      comparisons = List.copyOf(comparisons);
      worst = List.copyOf(worst);
      subgroups = List.copyOf(subgroups);
      agreement = List.copyOf(agreement);
    }
  }

  /**
   * One model's measurement of a quantity against the reference's over the cases where both exist
   * (model − reference): Bland-Altman, ICC(A,1) and Lin's concordance from core.agreement. A part
   * the data do not allow (too few cases, no spread) is null with the reason in {@code notes}.
   *
   * @param quantity "volume_ml", "suv_max", "suv_peak", "suv_mean" or "tlg"
   * @param model the model
   * @param blandAltman the differences' bias and limits with their intervals, or null
   * @param icc ICC(A,1) with its interval, or null
   * @param concordance Lin's concordance with its interval, or null
   * @param notes why a part is missing (empty when none is)
   */
  public record QuantityAgreement(String quantity, String model, @Nullable BlandAltmanResult blandAltman,
      @Nullable IccResult icc, @Nullable ConcordanceResult concordance, List<String> notes) {
    public QuantityAgreement {
      notes = List.copyOf(notes);
    }
  }

  /**
   * One model on one label.
   *
   * @param model its name
   * @param empty cases in each empty-mask state
   * @param metrics each metric's summary over the cases (aggregate values: undefined distances at
   *     the worst value), absent when there are fewer than two cases
   * @param undefinedRelativeVolume cases whose relative volume difference is undefined (empty
   *     reference), left out of that metric's summary only
   */
  public record ModelSummary(String model, Map<EmptyMasks, Integer> empty, Map<SegmentationMetric, MethodSummary> metrics,
      int undefinedRelativeVolume) {
    public ModelSummary {
      empty = Map.copyOf(empty);
      metrics = Map.copyOf(metrics);
    }
  }

  /** Two models on one metric: differences first − second over the cases. */
  public record MetricComparison(SegmentationMetric metric, PairComparison pair) {}

  /** A case to review: one model's outline there. */
  public record WorstCase(String model, String caseId, double dice, double hausdorff95, EmptyMasks empty) {}

  /**
   * One level of a group column: its cases and each model's Dice there.
   *
   * @param column the group column
   * @param level its value
   * @param n cases at this level
   * @param small fewer than {@link SegmentationAnalysis#SMALL_GROUP} cases: shown, not judged
   * @param dice each model's Dice summary, null where there are fewer than two cases
   */
  public record SubgroupRow(String column, String level, int n, boolean small, @Nullable List<MethodSummary> dice) {}
}

package org.radtrial.io;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.segment.EmptyMasks;
import org.radtrial.core.segment.PetQuantities;
import org.radtrial.core.segment.SegmentationMetric;
import org.radtrial.core.stat.Interval;

/**
 * A results.json "segmentation" section read back ({@link SegmentationReader}): what the file
 * holds, typed; core's {@link PetQuantities} where the file holds all of it.
 */
public record SegmentationResults(long cases, List<String> models, List<Integer> labels, double toleranceMm, boolean pet,
    List<String> groups, List<Label> byLabel, List<Case> caseRows) {

  /** A metric's summary over the cases. */
  public record Summary(int n, int missing, double mean, @Nullable Interval meanCi, double median,
      @Nullable Interval medianCi, double sd) {}

  /** One model on one label. */
  public record Model(String model, Map<EmptyMasks, Integer> empty, int undefinedRelativeVolume,
      Map<SegmentationMetric, Summary> metrics) {}

  /** Two models on a metric. */
  public record Comparison(SegmentationMetric metric, String first, String second, int n, int leftOut,
      double meanDifference, @Nullable Interval meanDifferenceCi, double medianDifference,
      @Nullable Interval medianDifferenceCi, double wilcoxonP, double holmP, @Nullable String favoured) {}

  /** A case to review. */
  public record Worst(String model, String caseId, double dice, double hausdorff95, EmptyMasks empty) {}

  /** Dice at one level of a group column. */
  public record Subgroup(String column, String level, int n, boolean small, @Nullable Map<String, Summary> dice) {}

  /**
   * A model's quantity against the reference's: Bland-Altman bias and limits (NaN when not
   * computed), ICC(A,1) and Lin's concordance with their intervals, and why a part is missing.
   */
  public record Agreement(String quantity, String model, int n, double bias, @Nullable Interval biasCi,
      double lowerLimit, @Nullable Interval lowerLimitCi, double upperLimit, @Nullable Interval upperLimitCi, double icc,
      @Nullable Interval iccCi, double ccc, @Nullable Interval cccCi, List<String> notes) {}

  /** One label's figures. */
  public record Label(int label, int cases, List<Model> models, List<Comparison> comparisons, List<Worst> worst,
      List<Agreement> agreement, List<Subgroup> subgroups) {}

  /** One model's outline of one case. */
  public record ModelCase(String model, EmptyMasks empty, double predictionMl, Map<SegmentationMetric, Double> values,
      @Nullable PetQuantities pet) {}

  /** One case and label. */
  public record Case(String caseId, int label, Map<String, String> groups, double referenceMl, double worstDistanceMm,
      @Nullable PetQuantities referencePet, List<ModelCase> models) {}
}

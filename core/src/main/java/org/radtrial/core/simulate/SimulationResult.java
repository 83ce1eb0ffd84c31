package org.radtrial.core.simulate;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.stat.Interval;

/**
 * The outcome of a virtual trial.
 *
 * @param programme the programme simulated
 * @param assumption the assumption used for unrecorded decisions
 * @param calibration how the calibrated assumption was estimated (counts of recorded arbitrations)
 * @param exams exams in the cohort
 * @param cancers cancers within the follow-up window
 * @param baseline the recorded programme's metrics with bootstrap intervals
 * @param models per model: its thresholds and every strategy's curve
 * @param notSimulated strategies that could not be simulated, with the reason
 * @param selections per model and strategy, the threshold the constraints pick, or why none does
 * @param sensitivity the assumption-dependent strategies' key metrics under each assumption
 * @param subgroups per group level, the effect of each strategy at the thresholds of interest
 * @param notes capacity warnings and other things to know
 */
public record SimulationResult(
    Programme programme,
    Assumption assumption,
    String calibration,
    int exams,
    int cancers,
    Map<SimulationMetric, Estimate> baseline,
    List<ModelSimulation> models,
    Map<Strategy, String> notSimulated,
    List<Selection> selections,
    List<SensitivityRow> sensitivity,
    List<SubgroupEffect> subgroups,
    List<String> notes) {

  /** A metric with its bootstrap interval and its paired difference from the baseline. */
  public record Estimate(double value, @Nullable Interval ci, double difference, @Nullable Interval differenceCi) {}

  /** A threshold of a model: its value, the share of exams it flags, and whether the user gave it. */
  public record Threshold(double value, double flagRate, boolean userGiven) {}

  /**
   * One model: its thresholds, per strategy the metrics at each threshold, and per strategy the
   * thresholds of interest that summaries and reports show.
   */
  public record ModelSimulation(String model, List<Threshold> thresholds, Map<Strategy, List<Map<SimulationMetric, Estimate>>> curves,
      Map<Strategy, List<ThresholdOfInterest>> interest) {}

  /**
   * A threshold worth showing for one model and strategy: the one the constraints chose, each one
   * the user gave, and, without either, the sweep point whose flag rate is closest to the baseline's
   * recall rate. The one rule the console summary, results.json and the report share.
   *
   * @param index the threshold's index in the model's thresholds
   * @param reason why it is shown
   */
  public record ThresholdOfInterest(int index, Reason reason) {
    /** Why a threshold is shown. */
    public enum Reason {
      CONSTRAINTS, USER, CLOSEST;

      public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
      }
    }
  }

  /** What the constraints pick: a threshold index, or −1 with the reason none qualifies. */
  public record Selection(String model, Strategy strategy, String constraints, int threshold, String reason) {}

  /** An assumption-dependent strategy's metrics under one assumption, at one threshold. */
  public record SensitivityRow(String model, Strategy strategy, int threshold, String assumption, Map<SimulationMetric, Double> metrics) {}

  /** One strategy's effect in one subgroup at one threshold. */
  public record SubgroupEffect(String model, Strategy strategy, int threshold, String column, String level, int exams,
      int cancers, Map<SimulationMetric, Estimate> metrics) {}
}

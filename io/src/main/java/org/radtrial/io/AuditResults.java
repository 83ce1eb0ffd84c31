package org.radtrial.io;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.audit.Calibration;
import org.radtrial.core.audit.ConfidentError;
import org.radtrial.core.audit.EqualizedOdds;
import org.radtrial.core.audit.Heterogeneity;
import org.radtrial.core.audit.MetricGap;
import org.radtrial.core.audit.Transport;
import org.radtrial.core.binary.Proportion;
import org.radtrial.core.stat.Interval;

/**
 * The "audit" section of a results.json, as {@link AuditReader} reads it back. Values are core's
 * records where the file holds all of one; a subgroup is its rule as text. A number written as null
 * reads as NaN, an interval written as null as null; every interval has the level of
 * {@code settings.ci_level}, and subgroup proportions are Wilson's (the audit writes no method).
 *
 * @param thresholds each model's deployed threshold, in the file's order; NaN when written as null
 * @param transport null without a target population
 */
public record AuditResults(
    String operatingPoint,
    Map<String, Double> thresholds,
    Map<String, Integer> positivesNeeded,
    List<Column> columns,
    List<SubgroupRow> subgroups,
    List<Heterogeneity> heterogeneity,
    List<EqualizedOdds> equalizedOdds,
    int slicesTested,
    List<Slice> failureSlices,
    List<ConfidentError> confidentErrors,
    List<CalibrationRow> calibration,
    @Nullable TransportResult transport,
    List<ShiftRow> shifts,
    List<String> notes) {

  /**
   * An audited column.
   *
   * @param bandCuts null for a column that is not banded
   */
  public record Column(String name, List<String> levels, @Nullable List<Double> bandCuts) {}

  /**
   * One model in one subgroup.
   *
   * @param subgroup the rule, or "overall"
   * @param columns the rule's columns; empty for overall
   * @param auc null without both classes
   */
  public record SubgroupRow(String model, String subgroup, String columns, int cases, int positives, int negatives,
      boolean underpowered, double minimumDetectableDifference, @Nullable SubgroupAuc auc, Proportion sensitivity, Proportion specificity,
      Proportion falsePositiveRate, Proportion recallRate, Proportion ppv, List<MetricGap> gaps) {}

  /** A subgroup's DeLong AUC; {@code ci} null when not estimable. */
  public record SubgroupAuc(double estimate, @Nullable Interval ci) {}

  /** A failure slice, its rule as text. */
  public record Slice(String model, String rule, int depth, String error, int cases, int positives, int errors, int trials,
      double sliceRate, double restRate, double effect, @Nullable Interval effectCi, double p, double q, double rankingBound, String sentence) {}

  /** A calibration row, its subgroup as text. */
  public record CalibrationRow(String model, String subgroup, String columns, Calibration calibration) {}

  /**
   * "transport".
   *
   * @param models per model, its transported estimates in the file's order
   */
  public record TransportResult(List<String> columns, List<Transport.StratumWeight> strata, List<String> warnings,
      Map<String, List<Transport.Estimate>> models) {}

  /**
   * A shift row.
   *
   * @param levels categorical columns: each level's local and reference share; empty otherwise
   */
  public record ShiftRow(String variable, String kind, String type, int localCases, int referenceCases, double standardizedDifference,
      double psi, double ksStatistic, double ksP, String verdict, Map<String, LevelShares> levels) {}

  /** A level's share locally and in the reference cohort. */
  public record LevelShares(double local, double reference) {}
}

package org.radtrial.core.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.cohort.GroupColumn;

/**
 * The outcome of an audit.
 *
 * @param operatingPoint the rule that chose each model's single deployed threshold
 * @param models the models, in order
 * @param thresholds each model's threshold in its own units, in model order
 * @param columns the audited columns with their levels (and bands)
 * @param positivesNeeded per model, the positives a subgroup needs to not be underpowered
 * @param subgroups every model × subgroup row
 * @param heterogeneity every heterogeneity test
 * @param equalizedOdds per model and partition
 * @param minimumSliceCases a slice is considered with at least this many cases of the judged class
 * @param slicesConsidered slices with at least that many, before the screen of attainable p-values
 * @param slicesTested how many slice tests formed the FDR family (those that passed the screen)
 * @param sliceScreen the screen: a slice is tested when its smallest attainable p is at most this
 * @param failureSlices the discoveries (q ≤ fdr), most excess errors (lower bound) first, at most topSlices per
 *     model and error
 * @param tooFewToJudge untested slices whose point estimate is alarming, most excess errors first
 * @param confidentErrors per model, the most confident misses and false alarms
 * @param calibration per model that outputs probabilities: overall and per group
 * @param transport reweighting to the target population, or null
 * @param shifts differences from a reference cohort, or empty
 * @param notes things the reader must know (models skipped for calibration, warnings)
 */
public record AuditResult(
    String operatingPoint,
    List<String> models,
    List<Double> thresholds,
    List<GroupColumn> columns,
    List<Integer> positivesNeeded,
    List<SubgroupRow> subgroups,
    List<Heterogeneity> heterogeneity,
    List<EqualizedOdds> equalizedOdds,
    int minimumSliceCases,
    int slicesConsidered,
    int slicesTested,
    double sliceScreen,
    List<FailureSlice> failureSlices,
    List<FailureSlice> tooFewToJudge,
    List<ConfidentError> confidentErrors,
    List<CalibrationRow> calibration,
    @Nullable TransportResult transport,
    List<Shift> shifts,
    List<String> notes) {

  /** Calibration of one model in one group ("overall" when the subgroup is null). */
  public record CalibrationRow(String model, @Nullable Subgroup subgroup, @Nullable Calibration calibration) {}

  /** Transport to a target population. */
  public record TransportResult(Transport.Weights weights, List<ModelTransport> models) {}

  /** One model's transported estimates. */
  public record ModelTransport(String model, List<Transport.Estimate> estimates) {}
}

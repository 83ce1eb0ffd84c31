package org.radtrial.core.simulate;

import java.util.List;
import java.util.Map;
import org.radtrial.core.cohort.GroupColumn;

/**
 * What a virtual trial computes.
 *
 * @param strategies the strategies to simulate (the baseline always is)
 * @param sweepPoints thresholds swept per model, at quantiles of its scores (0 for none)
 * @param thresholds thresholds the user gives, per model, in the model's own units (or, with
 *     per-group calibration, as quantile levels)
 * @param bootstrap bootstrap replicates (resampling exams) for intervals and paired differences
 * @param seed seed of the bootstrap
 * @param ciLevel confidence level
 * @param assumption the named assumption for unrecorded decisions; null to calibrate it from the
 *     recorded arbitrations
 * @param constraints conditions a deployment must meet; empty for none
 * @param groups columns whose levels get their own effects at the thresholds of interest
 */
public record SimulationSpec(
    List<Strategy> strategies,
    int sweepPoints,
    Map<String, List<Double>> thresholds,
    int bootstrap,
    long seed,
    double ciLevel,
    Assumption assumption,
    List<Constraint> constraints,
    List<GroupColumn> groups) {

  public SimulationSpec {
    strategies = List.copyOf(strategies);
    thresholds = Map.copyOf(thresholds);
    constraints = List.copyOf(constraints);
    groups = List.copyOf(groups);
    if (sweepPoints < 0 || bootstrap < 0) {
      throw new IllegalArgumentException("sweep points and bootstrap replicates must be 0 or more");
    }
    if (!(ciLevel > 0 && ciLevel < 1)) {
      throw new IllegalArgumentException("confidence level must lie in (0, 1), was " + ciLevel);
    }
  }
}

package org.radtrial.io;

import org.jspecify.annotations.Nullable;
import org.radtrial.core.simulate.SimulationResult;

/**
 * A results.json written by {@code simulate}, as {@link SimulationReader} reads it back: the
 * "simulation" section is core's {@link SimulationResult} again ("cohort" gives its exams and
 * cancers). A number written as null reads as NaN, an interval written as null as null, a threshold
 * index written as null as −1; every interval has the level of {@code settings.ci_level}. The
 * baseline's estimates have no difference from the baseline: NaN and null.
 *
 * @param schemaVersion "schema_version"
 * @param simulation "simulation" and "cohort"
 * @param settings "settings"
 * @param provenance "provenance"
 */
public record SimulationResults(int schemaVersion, SimulationResult simulation, Settings settings, Provenance provenance) {

  /**
   * "settings" of a simulation.
   *
   * @param thresholdBy the column thresholds are calibrated within; null when none
   * @param diagnosisMonths the column of months to diagnosis that applied the follow-up window; null when none
   * @param constraints the constraints as given; null when none
   */
  public record Settings(double ciLevel, int bootstrapReplicates, long seed, int sweep, @Nullable String thresholdBy,
      @Nullable String diagnosisMonths, @Nullable String constraints) {}
}

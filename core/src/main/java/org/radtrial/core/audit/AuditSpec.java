package org.radtrial.core.audit;

import java.util.List;
import java.util.Map;
import org.radtrial.core.cohort.Bands;

/**
 * What an audit computes.
 *
 * @param groupColumns metadata columns to audit (continuous ones are banded)
 * @param bands user bands per column; columns not named get the defaults of {@link Bands}
 * @param intersections 1 for single columns, 2 to add every pair of columns
 * @param sliceDepth largest number of conditions in a failure slice (0 turns the search off, at most 3)
 * @param minimumSliceTrials a slice is considered for testing only with at least this many cases of the judged class
 *     (smaller ones are listed as "too few cases to judge" when alarming); a screen of attainable
 *     p-values then decides which are tested (see {@link SliceDiscovery})
 * @param fdr false-discovery rate of the failure-slice search
 * @param topSlices at most this many failure slices reported per model and kind of error
 * @param confidentErrors confident false negatives and false positives listed per model
 * @param ciLevel confidence level of every interval
 * @param transportColumns columns that define the strata of the target population (empty: no transport)
 * @param targetShares share of each stratum in the target population, keyed by levels in column order
 */
public record AuditSpec(
    List<String> groupColumns,
    Map<String, Bands> bands,
    int intersections,
    int sliceDepth,
    int minimumSliceTrials,
    double fdr,
    int topSlices,
    int confidentErrors,
    double ciLevel,
    List<String> transportColumns,
    Map<List<String>, Double> targetShares) {

  public AuditSpec {
    groupColumns = List.copyOf(groupColumns);
    bands = Map.copyOf(bands);
    transportColumns = List.copyOf(transportColumns);
    targetShares = Map.copyOf(targetShares);
    if (groupColumns.isEmpty()) {
      throw new IllegalArgumentException("name at least one metadata column to audit (--group)");
    }
    if (intersections < 1 || intersections > 2) {
      throw new IllegalArgumentException("--intersections must be 1 or 2, was " + intersections);
    }
    if (sliceDepth < 0 || sliceDepth > 3) {
      throw new IllegalArgumentException("--slice-depth must lie in 0..3, was " + sliceDepth);
    }
    if (!(fdr > 0 && fdr < 1)) {
      throw new IllegalArgumentException("--fdr must lie in (0, 1), was " + fdr);
    }
    if (minimumSliceTrials < 1 || topSlices < 0 || confidentErrors < 0) {
      throw new IllegalArgumentException("slice and error counts must be positive");
    }
  }

  /**
   * Slices with fewer judged cases are not tested by default: see docs/audit-power.md for the power
   * table this default was chosen from.
   */
  public static final int DEFAULT_MINIMUM_SLICE_CASES = 5;

  /** Defaults: single columns and pairs, slices of depth 3 with at least 5 judged cases, FDR 5%. */
  public static AuditSpec of(List<String> groupColumns) {
    return new AuditSpec(groupColumns, Map.of(), 2, 3, DEFAULT_MINIMUM_SLICE_CASES, 0.05, 20, 20, 0.95, List.of(), Map.of());
  }

  public AuditSpec withTransport(List<String> columns, Map<List<String>, Double> shares) {
    return new AuditSpec(groupColumns, bands, intersections, sliceDepth, minimumSliceTrials, fdr, topSlices, confidentErrors,
        ciLevel, columns, shares);
  }

  public AuditSpec withSearch(int depth, int minimumTrials, double rate, int top) {
    return new AuditSpec(groupColumns, bands, intersections, depth, minimumTrials, rate, top, confidentErrors, ciLevel,
        transportColumns, targetShares);
  }

  public AuditSpec withGrouping(Map<String, Bands> newBands, int newIntersections) {
    return new AuditSpec(groupColumns, newBands, newIntersections, sliceDepth, minimumSliceTrials, fdr, topSlices,
        confidentErrors, ciLevel, transportColumns, targetShares);
  }

  public AuditSpec withLevel(double level, int errors) {
    return new AuditSpec(groupColumns, bands, intersections, sliceDepth, minimumSliceTrials, fdr, topSlices, errors, level,
        transportColumns, targetShares);
  }
}

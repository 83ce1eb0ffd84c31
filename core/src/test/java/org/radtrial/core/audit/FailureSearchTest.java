package org.radtrial.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.synth.ScreeningCohortGenerator;

/** The failure-slice search finds planted weaknesses and keeps its false discoveries within the FDR. */
class FailureSearchTest {
  private static final List<String> GROUPS = List.of("age", "density", "vendor", "site", "ethnicity");

  /** Each model at a fixed specificity-like threshold on its probability scale. */
  private static final double[] THRESHOLDS = {0.2, 0.2, 0.28};

  private static AuditResult audit(Cohort cohort) {
    AuditSpec spec = AuditSpec.of(GROUPS).withGrouping(Map.of(), 1);
    return Auditor.audit(cohort, spec, "fixed", THRESHOLDS, null);
  }

  @Test
  void theTwoPlantedWeaknessesAreModelBsTopRankedMissedCancerSlices() {
    AuditResult result = audit(ScreeningCohortGenerator.generate(100_000, 2026));
    List<String> top = result.failureSlices().stream()
        .filter(s -> s.model().equals("model_b") && s.error().equals("false_negative"))
        .map(s -> s.subgroup().label()).limit(2).toList();
    assertThat(top).containsExactlyInAnyOrder("density = D", "vendor = C");
  }

  /**
   * 20 null cohorts: generated without planted weaknesses, then the metadata rows are shuffled, so
   * no slice truly differs from the rest and every discovery is false. Benjamini-Hochberg then
   * bounds the chance of any discovery by the FDR level (5%): on these seeds at most 1 run of 20
   * reports one.
   */
  @Test
  void onNullCohortsTheShareOfRunsWithFalseDiscoveriesStaysWithinTheFdrLevel() {
    int runsWithDiscoveries = 0;
    int tested = 0;
    for (int seed = 1; seed <= 20; seed++) {
      AuditResult result = audit(shuffledMetadata(ScreeningCohortGenerator.generate(30_000, seed, false), seed));
      tested += result.slicesTested();
      runsWithDiscoveries += result.failureSlices().isEmpty() ? 0 : 1;
    }
    assertThat(tested).isGreaterThan(20 * 1000);
    assertThat(runsWithDiscoveries / 20.0).isLessThanOrEqualTo(0.05);
  }

  static Cohort shuffledMetadata(Cohort cohort, long seed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < cohort.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    Map<String, List<String>> shuffled = new LinkedHashMap<>();
    cohort.metadata().forEach((column, values) -> shuffled.put(column, order.stream().map(values::get).toList()));
    return new Cohort(cohort.caseIds(), cohort.truth(), cohort.models(), cohort.readers(), shuffled);
  }
}

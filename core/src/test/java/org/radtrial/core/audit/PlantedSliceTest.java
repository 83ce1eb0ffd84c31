package org.radtrial.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The slice search on cohorts of {@link PlantedSlice}: it names the planted slice first and blames no noise column. */
class PlantedSliceTest {
  private static AuditResult audit(PlantedSlice design, long seed) {
    return Auditor.audit(design.generate(seed), AuditSpec.of(design.columns()), "fixed", new double[] {PlantedSlice.THRESHOLD},
        null);
  }

  private static List<FailureSlice> missedCancerSlices(AuditResult result) {
    return result.failureSlices().stream().filter(FailureSlice::missedCancers).toList();
  }

  @Nested
  class APlantedSliceOf30To40CancersWithThreeTimesTheMissRate {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void isTheFirstMissedCancerSlice(long seed) {
      int cancers = 30 + (int) (2 * seed);
      AuditResult result = audit(PlantedSlice.of(cancers, 3), seed);
      List<FailureSlice> found = missedCancerSlices(result);
      assertThat(found).isNotEmpty();
      FailureSlice first = found.get(0);
      assertThat(first.subgroup().label()).isEqualTo(PlantedSlice.RULE);
      assertThat(first.trials()).isEqualTo(cancers);
      assertThat(first.excessCi().lower()).isPositive();
      assertThat(first.excess()).isGreaterThan(first.excessCi().lower()).isLessThan(first.excessCi().upper());
    }

    /**
     * Over 20 cohorts, a discovery that does not hold both planted conditions is false (it blames
     * region or a noise column): the average share of such discoveries per run stays within the FDR
     * level, and none is ever ranked first.
     */
    @Test
    void noiseColumnsAreBlamedNoMoreOftenThanTheFdrAllows() {
      double falseShare = 0;
      for (long seed = 1; seed <= 20; seed++) {
        List<FailureSlice> found = audit(PlantedSlice.of(35, 3), 100 + seed).failureSlices();
        long wrong = found.stream().filter(s -> !s.subgroup().label().contains("scanner = S3")
            || !s.subgroup().label().contains("breast_class = d")).count();
        falseShare += found.isEmpty() ? 0 : wrong / (double) found.size();
        if (!found.isEmpty()) {
          assertThat(found.get(0).subgroup().label()).contains("scanner = S3").contains("breast_class = d");
        }
      }
      assertThat(falseShare / 20).isLessThanOrEqualTo(0.05);
    }

    @Test
    void theSliceIsTestedAlthoughItsMissRateCannotBeStatedWithinTenPoints() {
      // ±10 points at a 60% miss rate would need about 92 cancers; the slice has 32
      AuditResult result = audit(PlantedSlice.of(32, 3), 11);
      assertThat(result.minimumSliceCases()).isLessThanOrEqualTo(32);
      assertThat(missedCancerSlices(result)).extracting(s -> s.subgroup().label()).first().isEqualTo(PlantedSlice.RULE);
    }
  }

  @Nested
  class ALargePlantedSlice {
    /**
     * 200 cancers at 3 times a 10% miss rate make "breast_class = d" and "scanner = S3" worse too;
     * outside the planted slice they are not, so the slice itself is named and they are not.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void isNamedInsteadOfTheColumnsItLiesIn(long seed) {
      AuditResult result = audit(new PlantedSlice(60_000, 0.02, 200, 0.1, 3, 0.05, 3), seed);
      List<String> rules = missedCancerSlices(result).stream().map(s -> s.subgroup().label()).toList();
      assertThat(rules).first().isEqualTo(PlantedSlice.RULE);
      assertThat(rules).doesNotContain("breast_class = d", "scanner = S3");
    }
  }

  @Nested
  class OnNullCohorts {
    /**
     * 40 cohorts of 60,000 exams, 2% cancers, 8 audited columns (3 plus 5 noise) and no planted
     * effect: every discovery is false. Benjamini-Hochberg then bounds the chance of any discovery
     * by the FDR level (5%): at most 2 runs of 40.
     */
    @Test
    void theShareOfRunsWithAnyDiscoveryStaysWithinTheFdrLevel() {
      int runsWithDiscoveries = 0;
      int tested = 0;
      for (int seed = 1; seed <= 40; seed++) {
        AuditResult result = audit(PlantedSlice.none(5), 1000 + seed);
        tested += result.slicesTested();
        runsWithDiscoveries += result.failureSlices().isEmpty() ? 0 : 1;
      }
      assertThat(tested).isGreaterThan(40 * 500);
      assertThat(runsWithDiscoveries / 40.0).isLessThanOrEqualTo(0.05);
    }
  }

  @Nested
  class SmallAlarmingSlices {
    @Test
    void areListedAsTooFewCasesToJudgeRatherThanDropped() {
      // 4 cancers, all missed (miss rate 0.25 x 4 = 1): below the minimum of 5 judged cases
      AuditResult result = audit(new PlantedSlice(60_000, 0.02, 4, 0.25, 4, 0.05, 2), 7);
      assertThat(result.tooFewToJudge()).anySatisfy(s -> {
        assertThat(s.subgroup().label()).isEqualTo(PlantedSlice.RULE);
        assertThat(s.errors()).isEqualTo(4);
        assertThat(Double.isNaN(s.q())).isTrue();
        assertThat(s.sentence()).contains("too few cases to judge");
      });
      assertThat(result.failureSlices()).noneMatch(s -> s.subgroup().label().equals(PlantedSlice.RULE));
    }
  }
}

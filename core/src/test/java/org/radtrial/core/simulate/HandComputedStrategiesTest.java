package org.radtrial.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radtrial.core.stat.ProgressListener;

/**
 * Every counter of every strategy on eight exams worked out by hand (double reading, recorded
 * arbitration, threshold 0.5, unrecorded decisions recall with probability 0.8 with cancer and
 * 0.25 without). The exams:
 *
 * <pre>
 * exam  cancer  r1 r2 arbitration  score  AI flags at 0.5
 *  1    yes     1  1  -            0.90   yes
 *  2    yes     1  0  recall       0.20   no
 *  3    yes     0  0  -            0.80   yes
 *  4    yes     0  0  -            0.10   no
 *  5    no      1  1  -            0.70   yes
 *  6    no      0  1  no recall    0.60   yes
 *  7    no      0  0  -            0.30   no
 *  8    no      0  0  -            0.75   yes
 * </pre>
 *
 * The worked values, strategy by strategy:
 *
 * <ul>
 *   <li>baseline: recalls 1, 2, 5 → 3 recalls, 2 cancers; 16 reads; arbitrations on 2 and 6.
 *   <li>independent reader: recalls the flagged 1, 3, 5, 6, 8 → 5, with cancers 1 and 3; no reads.
 *   <li>replace second reader: 1 and 5 agree (recall); 2: reader 1 vs AI as reader 1 vs reader 2,
 *       recorded arbitration recalls; 6: AI sided with reader 2, recorded arbitration does not
 *       recall; 3 and 8 are new discordances: 0.8 and 0.25 expected recalls. Recalls 4.05, detected
 *       2.8, 8 reads, 4 arbitrations.
 *   <li>triage: 2, 4, 7 single read by reader 1 (2 recalled); the rest double read as recorded (1
 *       and 5 recalled, 6 arbitrated). Recalls 3, detected 2, 3 + 10 = 13 reads, 1 arbitration.
 *   <li>rule-out: 2, 4, 7 cleared unread; the rest as recorded. Recalls 2 (1, 5), detected 1, 10
 *       reads, 1 arbitration.
 *   <li>safety net: the baseline plus reviews of the flagged, unrecalled 3 (0.8), 6 (0.25), 8
 *       (0.25). Recalls 4.3, detected 2.8, 16 reads, 2 arbitrations + 3 reviews.
 * </ul>
 */
class HandComputedStrategiesTest {
  static ScreeningExams exams() {
    return new ScreeningExams(
        new boolean[] {true, true, true, true, false, false, false, false},
        new boolean[] {true, true, false, false, true, false, false, false},
        new boolean[] {true, false, false, false, true, true, false, false},
        new byte[] {-1, 1, -1, -1, -1, 0, -1, -1},
        null, null,
        List.of(new double[] {0.9, 0.2, 0.8, 0.1, 0.7, 0.6, 0.3, 0.75}),
        List.of("ai"));
  }

  static SimulationResult simulate() {
    SimulationSpec spec = new SimulationSpec(List.of(Strategy.values()), 0, Map.of("ai", List.of(0.5)), 0, 1, 0.95,
        new Assumption("test", 0.8, 0.25, "hand computation"), List.of(), List.of());
    return Simulator.run(exams(), Programme.doubleReadingDefaults(), spec, ProgressListener.NONE);
  }

  @ParameterizedTest
  @CsvSource({
    "independent_reader,    5,    2,   0, 0",
    "replace_second_reader, 4.05, 2.8, 8, 4",
    "triage,                3,    2,  13, 1",
    "rule_out,              2,    1,  10, 1",
    "safety_net,            4.3,  2.8, 16, 5",
  })
  void everyCounterMatchesTheHandComputation(String strategy, double recalls, double detected, double reads, double arbitrations) {
    SimulationResult result = simulate();
    Strategy s = Strategy.valueOf(strategy.toUpperCase(java.util.Locale.ROOT));
    Map<SimulationMetric, SimulationResult.Estimate> point = result.models().get(0).curves().get(s).get(0);
    assertThat(point.get(SimulationMetric.RECALLS).value()).isCloseTo(recalls, within(1e-12));
    assertThat(point.get(SimulationMetric.DETECTED).value()).isCloseTo(detected, within(1e-12));
    assertThat(point.get(SimulationMetric.HUMAN_READS).value()).isCloseTo(reads, within(1e-12));
    assertThat(point.get(SimulationMetric.ARBITRATIONS).value()).isCloseTo(arbitrations, within(1e-12));
    assertThat(point.get(SimulationMetric.MISSED_VS_BASELINE).value()).isCloseTo(2 - detected, within(1e-12));
    assertThat(point.get(SimulationMetric.CDR).value()).isCloseTo(1000 * detected / 8, within(1e-9));
    assertThat(point.get(SimulationMetric.RECALL_RATE).value()).isCloseTo(recalls / 8, within(1e-12));
    assertThat(point.get(SimulationMetric.FP_PER_1000).value()).isCloseTo(1000 * (recalls - detected) / 8, within(1e-9));
    assertThat(point.get(SimulationMetric.SENSITIVITY).value()).isCloseTo(detected / 4, within(1e-12));
    double reviews = s == Strategy.SAFETY_NET ? 3 : 0;
    double hours = (reads + 3 * (arbitrations - reviews) + 3 * reviews) / 60;
    assertThat(point.get(SimulationMetric.READING_HOURS).value()).isCloseTo(hours, within(1e-12));
    assertThat(point.get(SimulationMetric.WORKLOAD_CHANGE_PCT).value()).isCloseTo(100 * (hours - 22 / 60.0) / (22 / 60.0), within(1e-9));
  }

  @org.junit.jupiter.api.Test
  void theBaselineIsTheRecordedProgramme() {
    Map<SimulationMetric, SimulationResult.Estimate> baseline = simulate().baseline();
    assertThat(baseline.get(SimulationMetric.RECALLS).value()).isEqualTo(3);
    assertThat(baseline.get(SimulationMetric.DETECTED).value()).isEqualTo(2);
    assertThat(baseline.get(SimulationMetric.HUMAN_READS).value()).isEqualTo(16);
    assertThat(baseline.get(SimulationMetric.ARBITRATIONS).value()).isEqualTo(2);
    assertThat(baseline.get(SimulationMetric.READING_HOURS).value()).isCloseTo(22 / 60.0, within(1e-15));
    assertThat(baseline.get(SimulationMetric.PPV).value()).isCloseTo(2 / 3.0, within(1e-15));
  }

  @org.junit.jupiter.api.Test
  void concurrentAssistanceWithoutAssistedReadsIsExplainedNotSimulated() {
    SimulationResult result = simulate();
    assertThat(result.notSimulated()).containsKey(Strategy.CONCURRENT_ASSISTANCE);
    assertThat(result.notSimulated().get(Strategy.CONCURRENT_ASSISTANCE)).contains("never recorded");
    assertThat(result.models().get(0).curves()).doesNotContainKey(Strategy.CONCURRENT_ASSISTANCE);
  }

  @org.junit.jupiter.api.Test
  void theSensitivityAnalysisBoundsTheAssumptionDependentStrategies() {
    SimulationResult result = simulate();
    for (Strategy s : List.of(Strategy.REPLACE_SECOND_READER, Strategy.SAFETY_NET)) {
      double never = detected(result, s, "never recall");
      double assumed = detected(result, s, "test");
      double always = detected(result, s, "always recall");
      assertThat(never).isLessThanOrEqualTo(assumed);
      assertThat(assumed).isLessThanOrEqualTo(always);
    }
    // Replace second reader: the new discordances 3 (cancer) and 8 are recalled under "always": 2 + 1.
    assertThat(detected(result, Strategy.REPLACE_SECOND_READER, "always recall")).isEqualTo(3);
    assertThat(detected(result, Strategy.REPLACE_SECOND_READER, "never recall")).isEqualTo(2);
  }

  private static double detected(SimulationResult result, Strategy s, String assumption) {
    return result.sensitivity().stream().filter(r -> r.strategy() == s && r.assumption().equals(assumption)).findFirst()
        .orElseThrow().metrics().get(SimulationMetric.DETECTED);
  }
}

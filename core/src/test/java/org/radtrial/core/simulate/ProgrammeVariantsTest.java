package org.radtrial.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtrial.core.stat.InvalidSetting;
import org.radtrial.core.stat.ProgressListener;

/**
 * The counters of other programmes, worked out by hand on the eight exams of
 * {@link HandComputedStrategiesTest} (same scores, threshold 0.5, assumption 0.8 / 0.25).
 */
class ProgrammeVariantsTest {
  private static final Assumption ASSUMED = new Assumption("test", 0.8, 0.25, "hand computation");

  private static SimulationResult run(ScreeningExams exams, Programme programme, List<Strategy> strategies, Assumption a) {
    SimulationSpec spec = new SimulationSpec(strategies, 0, Map.of("ai", List.of(0.5)), 0, 1, 0.95, a, List.of(), List.of());
    return Simulator.run(exams, programme, spec, ProgressListener.NONE);
  }

  private static double value(SimulationResult r, Strategy s, SimulationMetric m) {
    return s == Strategy.BASELINE ? r.baseline().get(m).value() : r.models().get(0).curves().get(s).get(0).get(m).value();
  }

  private static ScreeningExams exams(boolean[] assisted1, boolean[] assisted2) {
    ScreeningExams e = HandComputedStrategiesTest.exams();
    return new ScreeningExams(e.cancer(), e.reader1(), e.reader2(), e.arbitration(), assisted1, assisted2, e.models(),
        e.modelNames());
  }

  /**
   * Single reading by reader 1 (recalls exams 1, 2, 5; 8 reads). Independent reader as before. AI
   * as second reader: R1 and the AI disagree on 2, 3, 6, 8, none arbitrated before, so all four
   * follow the assumption: 2 (cancer) 0.8, 3 (cancer) 0.8, 6 and 8 0.25 each; plus 1 and 5 recalled.
   * Rule-out clears 2, 4, 7: recalls 1 and 5. Safety net: flagged, unrecalled 3, 6, 8 reviewed.
   */
  @Test
  void singleReadingCountersMatchTheHandComputation() {
    Programme single = new Programme(false, Programme.Arbitration.RECORDED, 1, 3, 3, 0, 0, 0, 0, 0);
    SimulationResult r = run(HandComputedStrategiesTest.exams(), single, List.of(Strategy.values()), ASSUMED);
    assertThat(value(r, Strategy.BASELINE, SimulationMetric.RECALLS)).isEqualTo(3);
    assertThat(value(r, Strategy.BASELINE, SimulationMetric.HUMAN_READS)).isEqualTo(8);
    assertThat(value(r, Strategy.REPLACE_SECOND_READER, SimulationMetric.RECALLS)).isCloseTo(2 + 0.8 + 0.8 + 0.25 + 0.25, within(1e-12));
    assertThat(value(r, Strategy.REPLACE_SECOND_READER, SimulationMetric.DETECTED)).isCloseTo(1 + 0.8 + 0.8, within(1e-12));
    assertThat(value(r, Strategy.REPLACE_SECOND_READER, SimulationMetric.ARBITRATIONS)).isEqualTo(4);
    assertThat(value(r, Strategy.RULE_OUT, SimulationMetric.RECALLS)).isEqualTo(2);
    assertThat(value(r, Strategy.RULE_OUT, SimulationMetric.HUMAN_READS)).isEqualTo(5);
    assertThat(value(r, Strategy.SAFETY_NET, SimulationMetric.RECALLS)).isCloseTo(3 + 0.8 + 0.25 + 0.25, within(1e-12));
    assertThat(value(r, Strategy.SAFETY_NET, SimulationMetric.ARBITRATIONS)).isEqualTo(3);
    assertThat(r.notSimulated()).containsKey(Strategy.TRIAGE);
  }

  /** Either reader recalls: discordant 2 and 6 are recalled, no arbitration; both must: neither is. */
  @Test
  void eitherAndBothRulesNeedNoArbitration() {
    Programme either = new Programme(true, Programme.Arbitration.EITHER_RECALLS, 1, 3, 3, 0, 0, 0, 0, 0);
    Programme both = new Programme(true, Programme.Arbitration.BOTH_RECALL, 1, 3, 3, 0, 0, 0, 0, 0);
    SimulationResult e = run(HandComputedStrategiesTest.exams(), either, List.of(Strategy.REPLACE_SECOND_READER), ASSUMED);
    SimulationResult b = run(HandComputedStrategiesTest.exams(), both, List.of(Strategy.REPLACE_SECOND_READER), ASSUMED);
    assertThat(value(e, Strategy.BASELINE, SimulationMetric.RECALLS)).isEqualTo(4);
    assertThat(value(e, Strategy.BASELINE, SimulationMetric.ARBITRATIONS)).isZero();
    assertThat(value(b, Strategy.BASELINE, SimulationMetric.RECALLS)).isEqualTo(2);
    // R1 with the AI: 1, 5 agree; 2, 3, 6, 8 disagree: either recalls all four, both none.
    assertThat(value(e, Strategy.REPLACE_SECOND_READER, SimulationMetric.RECALLS)).isEqualTo(6);
    assertThat(value(b, Strategy.REPLACE_SECOND_READER, SimulationMetric.RECALLS)).isEqualTo(2);
    assertThat(value(e, Strategy.REPLACE_SECOND_READER, SimulationMetric.ARBITRATIONS)).isZero();
  }

  /**
   * Assisted reads: both readers recall 1, 3, 5; exam 2 repeats the unaided disagreement (reader 1
   * recalls, reader 2 not), so its recorded arbitration (recall) decides; exam 8 is a new
   * disagreement (reader 2 recalls) and follows the assumption (0.25).
   */
  @Test
  void concurrentAssistanceUsesRecordedReadsAndRecordedArbitrationWhereTheDisagreementRepeats() {
    boolean[] a1 = {true, true, true, false, true, false, false, false};
    boolean[] a2 = {true, false, true, false, true, false, false, true};
    SimulationResult r = run(exams(a1, a2), Programme.doubleReadingDefaults(), List.of(Strategy.CONCURRENT_ASSISTANCE), ASSUMED);
    assertThat(value(r, Strategy.CONCURRENT_ASSISTANCE, SimulationMetric.RECALLS)).isCloseTo(4.25, within(1e-12));
    assertThat(value(r, Strategy.CONCURRENT_ASSISTANCE, SimulationMetric.DETECTED)).isEqualTo(3);
    assertThat(value(r, Strategy.CONCURRENT_ASSISTANCE, SimulationMetric.ARBITRATIONS)).isEqualTo(2);
    assertThat(r.sensitivity()).anyMatch(row -> row.strategy() == Strategy.CONCURRENT_ASSISTANCE);
  }

  @Test
  void withoutRecordedArbitrationsTheAssumptionMustBeGiven() {
    Programme single = new Programme(false, Programme.Arbitration.RECORDED, 1, 3, 3, 0, 0, 0, 0, 0);
    assertThatThrownBy(() -> run(HandComputedStrategiesTest.exams(), single, List.of(Strategy.SAFETY_NET), null))
        .hasMessageContaining("cannot be calibrated; give it (always, never")
        .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.setting()).isEqualTo(InvalidSetting.Setting.ASSUMPTION));
    SimulationResult r = run(HandComputedStrategiesTest.exams(), single, List.of(Strategy.RULE_OUT), null);
    assertThat(value(r, Strategy.RULE_OUT, SimulationMetric.RECALLS)).isEqualTo(2);
  }

  @Test
  void aModelWithoutThresholdsIsRefused() {
    SimulationSpec spec = new SimulationSpec(List.of(Strategy.RULE_OUT), 0, Map.of(), 0, 1, 0.95, ASSUMED, List.of(), List.of());
    assertThatThrownBy(() -> Simulator.run(HandComputedStrategiesTest.exams(), Programme.doubleReadingDefaults(), spec,
        ProgressListener.NONE)).hasMessageContaining("no thresholds are swept, so model ai has no threshold")
        .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.setting()).isEqualTo(InvalidSetting.Setting.SWEEP));
  }
}

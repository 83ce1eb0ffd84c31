package org.radtrial.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.cohort.ReaderDecisions;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.core.synth.ScreeningCohortGenerator;

/** On the synthetic screening cohort: the baseline is the recorded programme, and each role moves the right way. */
class SyntheticProgrammeTest {
  static Cohort cohort;
  static SimulationResult result;

  @BeforeAll
  static void simulate() {
    cohort = ScreeningCohortGenerator.generate(50_000, 99);
    List<double[]> scores = new ArrayList<>();
    for (ModelScores m : cohort.models()) {
      scores.add(m.scores());
    }
    ScreeningExams exams = new ScreeningExams(cohort.truth(), decisions(0), decisions(1), cohort.readers().get(2).decisions(),
        null, null, scores, cohort.models().stream().map(ModelScores::name).toList());
    SimulationSpec spec = new SimulationSpec(List.of(Strategy.values()), 20, Map.of(), 100, 7, 0.95, null, List.of(), List.of());
    result = Simulator.run(exams, Programme.doubleReadingDefaults(), spec, ProgressListener.NONE);
  }

  static boolean[] decisions(int reader) {
    byte[] d = cohort.readers().get(reader).decisions();
    boolean[] b = new boolean[d.length];
    for (int i = 0; i < d.length; i++) {
      b[i] = d[i] == ReaderDecisions.POSITIVE;
    }
    return b;
  }

  @Test
  void theBaselineReproducesTheRecordedProgrammeExactly() {
    boolean[] r1 = decisions(0);
    boolean[] r2 = decisions(1);
    byte[] arbitration = cohort.readers().get(2).decisions();
    int recalls = 0;
    int detected = 0;
    int arbitrations = 0;
    for (int i = 0; i < r1.length; i++) {
      boolean recalled = r1[i] == r2[i] ? r1[i] : arbitration[i] == ReaderDecisions.POSITIVE;
      arbitrations += r1[i] != r2[i] ? 1 : 0;
      recalls += recalled ? 1 : 0;
      detected += recalled && cohort.truth(i) ? 1 : 0;
    }
    var b = result.baseline();
    assertThat(b.get(SimulationMetric.RECALLS).value()).isEqualTo(recalls);
    assertThat(b.get(SimulationMetric.DETECTED).value()).isEqualTo(detected);
    assertThat(b.get(SimulationMetric.ARBITRATIONS).value()).isEqualTo(arbitrations);
    assertThat(b.get(SimulationMetric.HUMAN_READS).value()).isEqualTo(2.0 * r1.length);
    assertThat(b.get(SimulationMetric.CDR).ci().contains(b.get(SimulationMetric.CDR).value())).isTrue();
  }

  @Test
  void eachRoleMovesDetectionRecallsAndWorkloadAsItsDesignImplies() {
    for (SimulationResult.ModelSimulation m : result.models()) {
      for (int j = 0; j < m.thresholds().size(); j++) {
        assertThat(value(m, Strategy.INDEPENDENT_READER, j, SimulationMetric.HUMAN_READS)).isZero();
        assertThat(value(m, Strategy.REPLACE_SECOND_READER, j, SimulationMetric.HUMAN_READS)).isEqualTo(50_000);
        assertThat(value(m, Strategy.TRIAGE, j, SimulationMetric.WORKLOAD_CHANGE_PCT)).isLessThanOrEqualTo(0);
        assertThat(value(m, Strategy.RULE_OUT, j, SimulationMetric.WORKLOAD_CHANGE_PCT)).isLessThanOrEqualTo(0);
        assertThat(value(m, Strategy.RULE_OUT, j, SimulationMetric.MISSED_VS_BASELINE)).isGreaterThanOrEqualTo(0);
        assertThat(value(m, Strategy.RULE_OUT, j, SimulationMetric.RECALLS))
            .isLessThanOrEqualTo(result.baseline().get(SimulationMetric.RECALLS).value());
        assertThat(value(m, Strategy.SAFETY_NET, j, SimulationMetric.MISSED_VS_BASELINE)).isLessThanOrEqualTo(0);
        assertThat(value(m, Strategy.SAFETY_NET, j, SimulationMetric.WORKLOAD_CHANGE_PCT)).isGreaterThanOrEqualTo(0);
        if (j > 0) {
          // A higher threshold flags fewer exams: the independent reader recalls fewer, rule-out clears more.
          assertThat(value(m, Strategy.INDEPENDENT_READER, j, SimulationMetric.RECALLS))
              .isLessThanOrEqualTo(value(m, Strategy.INDEPENDENT_READER, j - 1, SimulationMetric.RECALLS));
          assertThat(value(m, Strategy.RULE_OUT, j, SimulationMetric.HUMAN_READS))
              .isLessThanOrEqualTo(value(m, Strategy.RULE_OUT, j - 1, SimulationMetric.HUMAN_READS));
        }
      }
    }
  }

  @Test
  void theBetterModelLosesFewerCancersAsIndependentReader() {
    int j = 10;
    assertThat(value(result.models().get(0), Strategy.INDEPENDENT_READER, j, SimulationMetric.DETECTED))
        .isGreaterThan(value(result.models().get(2), Strategy.INDEPENDENT_READER, j, SimulationMetric.DETECTED));
  }

  @Test
  void pairedDifferencesComeWithIntervalsThatHoldThem() {
    var point = result.models().get(0).curves().get(Strategy.TRIAGE).get(15);
    var cdr = point.get(SimulationMetric.CDR);
    assertThat(cdr.differenceCi()).isNotNull();
    assertThat(cdr.differenceCi().contains(cdr.difference())).isTrue();
    assertThat(result.calibration()).contains("recorded arbitrations recalled");
  }

  /**
   * The calibrated assumption is re-estimated in every bootstrap replicate, so its own uncertainty
   * widens the intervals of the strategies that depend on it, compared with the same probabilities
   * held fixed.
   */
  @Test
  void theCalibratedAssumptionsUncertaintyWidensTheIntervalsThatDependOnIt() {
    List<double[]> scores = new ArrayList<>();
    for (ModelScores m : cohort.models()) {
      scores.add(m.scores());
    }
    ScreeningExams exams = new ScreeningExams(cohort.truth(), decisions(0), decisions(1), cohort.readers().get(2).decisions(),
        null, null, scores, cohort.models().stream().map(ModelScores::name).toList());
    Assumption fixed = new Assumption("fixed", result.assumption().recallIfCancer(), result.assumption().recallIfNormal(), "test");
    SimulationSpec spec = new SimulationSpec(List.of(Strategy.values()), 20, Map.of(), 100, 7, 0.95, fixed, List.of(), List.of());
    SimulationResult held = Simulator.run(exams, Programme.doubleReadingDefaults(), spec, ProgressListener.NONE);
    var recalibrated = result.models().get(0).curves().get(Strategy.SAFETY_NET).get(2).get(SimulationMetric.RECALLS).ci();
    var heldFixed = held.models().get(0).curves().get(Strategy.SAFETY_NET).get(2).get(SimulationMetric.RECALLS).ci();
    assertThat(recalibrated.upper() - recalibrated.lower()).isGreaterThan(heldFixed.upper() - heldFixed.lower());
  }

  /** Without constraints or user thresholds, each strategy is shown at the sweep point flagging closest to the baseline's recall rate. */
  @Test
  void withoutConstraintsOrUserThresholdsTheClosestFlagRateIsOfInterest() {
    double recall = result.baseline().get(SimulationMetric.RECALL_RATE).value();
    for (SimulationResult.ModelSimulation m : result.models()) {
      double nearest = m.thresholds().stream().mapToDouble(t -> Math.abs(t.flagRate() - recall)).min().orElseThrow();
      for (Strategy s : m.curves().keySet()) {
        assertThat(m.interest().get(s)).singleElement().satisfies(t -> {
          assertThat(t.reason()).isEqualTo(SimulationResult.ThresholdOfInterest.Reason.CLOSEST);
          assertThat(Math.abs(m.thresholds().get(t.index()).flagRate() - recall)).isEqualTo(nearest);
        });
      }
    }
  }

  private static double value(SimulationResult.ModelSimulation m, Strategy s, int j, SimulationMetric metric) {
    return m.curves().get(s).get(j).get(metric).value();
  }
}

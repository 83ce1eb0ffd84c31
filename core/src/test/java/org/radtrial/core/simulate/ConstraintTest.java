package org.radtrial.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtrial.core.stat.ProgressListener;

class ConstraintTest {
  @Test
  void parsesNumbersAndTheBaseline() {
    List<Constraint> c = Constraint.parseAll("recall_rate<=0.03, cdr>=baseline");
    assertThat(c).containsExactly(new Constraint(SimulationMetric.RECALL_RATE, true, 0.03),
        new Constraint(SimulationMetric.CDR, false, Double.NaN));
    assertThat(c.get(1).holds(5.0, 5.0)).isTrue();
    assertThat(c.get(1).holds(4.99, 5.0)).isFalse();
  }

  @Test
  void rejectsUnknownMetricsAndOperators() {
    assertThatThrownBy(() -> Constraint.parseAll("recalls_rate<=0.1")).hasMessageContaining("unknown metric 'recalls_rate'");
    assertThatThrownBy(() -> Constraint.parseAll("cdr=5")).hasMessageContaining("write METRIC<=VALUE");
    assertThatThrownBy(() -> Constraint.parseAll("cdr>=lots")).hasMessageContaining("neither a number nor 'baseline'");
  }

  @Test
  void picksTheCheapestThresholdThatMeetsTheConstraintsOrSaysNoneDoes() {
    SimulationSpec spec = new SimulationSpec(List.of(Strategy.RULE_OUT, Strategy.INDEPENDENT_READER), 0,
        Map.of("ai", List.of(0.15, 0.25, 0.5, 0.95)), 0, 1, 0.95, Assumption.neverRecall(),
        Constraint.parseAll("cdr>=baseline"), List.of());
    SimulationResult r = Simulator.run(HandComputedStrategiesTest.exams(), Programme.doubleReadingDefaults(), spec,
        ProgressListener.NONE);
    // Rule-out keeps both detected cancers (exams 1 and 2) only while exam 2 (score 0.2) is read: threshold 0.15.
    SimulationResult.Selection ruleOut = r.selections().stream().filter(s -> s.strategy() == Strategy.RULE_OUT).findFirst().orElseThrow();
    assertThat(r.models().get(0).thresholds().get(ruleOut.threshold()).value()).isEqualTo(0.15);
    SimulationResult.Selection independent = r.selections().stream()
        .filter(s -> s.strategy() == Strategy.INDEPENDENT_READER).findFirst().orElseThrow();
    // Unread at every threshold, so the tie goes to the most cancers found: 0.15 finds exams 1, 2 and 3.
    assertThat(independent.threshold()).isZero();
    assertThat(independent.reason()).contains("fewest reading hours");
    // Of interest: the constraints' choice first, then every user threshold not already shown.
    assertThat(r.models().get(0).interest().get(Strategy.INDEPENDENT_READER)).containsExactly(
        new SimulationResult.ThresholdOfInterest(0, SimulationResult.ThresholdOfInterest.Reason.CONSTRAINTS),
        new SimulationResult.ThresholdOfInterest(1, SimulationResult.ThresholdOfInterest.Reason.USER),
        new SimulationResult.ThresholdOfInterest(2, SimulationResult.ThresholdOfInterest.Reason.USER),
        new SimulationResult.ThresholdOfInterest(3, SimulationResult.ThresholdOfInterest.Reason.USER));
  }

  @Test
  void saysSoWhenNoThresholdMeetsTheConstraints() {
    SimulationSpec spec = new SimulationSpec(List.of(Strategy.INDEPENDENT_READER), 0, Map.of("ai", List.of(0.15, 0.5)), 0, 1,
        0.95, Assumption.neverRecall(), Constraint.parseAll("cdr>=baseline,recall_rate<=0.25"), List.of());
    SimulationResult r = Simulator.run(HandComputedStrategiesTest.exams(), Programme.doubleReadingDefaults(), spec,
        ProgressListener.NONE);
    assertThat(r.selections()).singleElement().satisfies(s -> {
      assertThat(s.threshold()).isEqualTo(-1);
      assertThat(s.reason()).contains("no threshold");
    });
  }
}

package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.simulate.Constraint;
import org.radtrial.core.simulate.Programme;
import org.radtrial.core.simulate.ScreeningExams;
import org.radtrial.core.simulate.ScreeningRoles;
import org.radtrial.core.simulate.SimulationMetric;
import org.radtrial.core.simulate.SimulationResult;
import org.radtrial.core.simulate.SimulationSpec;
import org.radtrial.core.simulate.Simulator;
import org.radtrial.core.simulate.Strategy;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.core.synth.ScreeningCohortGenerator;

/** What SimulationJson writes, SimulationReader reads back: core's SimulationResult, value for value. */
class SimulationRoundTripTest {
  @TempDir static Path dir;
  private static SimulationResult result;
  private static Map<String, Object> settings;
  private static final Provenance PROVENANCE = TestProvenance.of(17);

  @BeforeAll
  static void simulate() {
    Cohort cohort = ScreeningCohortGenerator.generate(4000, 17);
    Path yaml = dir.resolve("programme.yaml");
    try {
      Files.writeString(yaml, "reading: double\narbitration: recorded\nminutes_per_read: 1.0\narbitration_capacity_per_1000: 40\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Programme programme = ProgrammeReader.read(yaml);
    ScreeningExams exams = ScreeningExams.from(cohort, new ScreeningRoles("reader_1", "reader_2", "arbitration", List.of(), null, null),
        programme, "cohort.csv");
    SimulationSpec spec = new SimulationSpec(List.of(Strategy.values()), 8, Map.of("model_a", List.of(0.2)), 25, 17, 0.9, null,
        Constraint.parseAll("recall_rate<=0.05,cdr>=baseline"), List.of(GroupColumn.of("density", cohort.metadata().get("density"), null)));
    result = Simulator.run(exams, programme, spec, ProgressListener.NONE);
    settings = new LinkedHashMap<>();
    settings.put("ci_level", 0.9);
    settings.put("bootstrap_replicates", 25);
    settings.put("seed", 17L);
    settings.put("sweep", 8);
    settings.put("threshold_by", null);
    settings.put("diagnosis_months", "months_to_diagnosis");
    settings.put("constraints", "recall_rate<=0.05,cdr>=baseline");
  }

  private static SimulationResults readBack() {
    return SimulationReader.read(EvaluationRoundTripTest.parse(ResultsJson.text(SimulationJson.tree(result, PROVENANCE, settings))));
  }

  /** The result as it comes back: non-finite numbers as NaN, the baseline without differences. */
  private static SimulationResult asWritten(SimulationResult r) {
    Map<SimulationMetric, SimulationResult.Estimate> baseline = new EnumMap<>(SimulationMetric.class);
    r.baseline().forEach((metric, e) -> baseline.put(metric, new SimulationResult.Estimate(e.value(), e.ci(), Double.NaN, null)));
    return new SimulationResult(r.programme(), r.assumption(), r.calibration(), r.exams(), r.cancers(), baseline, r.models(),
        r.notSimulated(), r.selections(), r.sensitivity(), r.subgroups(), r.notes());
  }

  @Test
  void theSimulationComesBackValueForValue() {
    SimulationResult read = readBack().simulation();
    SimulationResult expected = asWritten(result);

    assertThat(read.programme()).isEqualTo(expected.programme());
    assertThat(read.assumption()).isEqualTo(expected.assumption());
    assertThat(read.baseline()).isEqualTo(expected.baseline());
    for (int k = 0; k < expected.models().size(); k++) {
      SimulationResult.ModelSimulation model = expected.models().get(k);
      SimulationResult.ModelSimulation back = read.models().get(k);
      assertThat(back.thresholds()).as(model.model()).isEqualTo(model.thresholds());
      assertThat(back.interest()).as(model.model()).isEqualTo(model.interest());
      model.curves().forEach((strategy, curve) ->
          assertThat(back.curves().get(strategy)).as(model.model() + " " + strategy).isEqualTo(curve));
    }
    assertThat(read.selections()).isEqualTo(expected.selections());
    assertThat(read.sensitivity()).isEqualTo(expected.sensitivity());
    assertThat(read.subgroups()).isEqualTo(expected.subgroups());
    assertThat(read).as("every other field").isEqualTo(expected);
  }

  @Test
  void theRunHadSomethingToCompareInEverySection() {
    assertThat(result.models()).hasSize(3);
    assertThat(result.notSimulated()).containsKey(Strategy.CONCURRENT_ASSISTANCE);
    assertThat(result.selections()).isNotEmpty();
    assertThat(result.sensitivity()).isNotEmpty();
    assertThat(result.subgroups()).isNotEmpty();
    assertThat(result.notes()).isNotEmpty();
    assertThat(result.models().get(0).thresholds()).anySatisfy(t -> assertThat(t.userGiven()).isTrue());
  }

  @Test
  void settingsAndProvenanceComeBack() {
    SimulationResults read = readBack();

    assertThat(read.schemaVersion()).isEqualTo(ResultsJson.SCHEMA_VERSION);
    assertThat(read.settings()).isEqualTo(new SimulationResults.Settings(0.9, 25, 17, 8, null, "months_to_diagnosis",
        "recall_rate<=0.05,cdr>=baseline"));
    assertThat(read.provenance()).isEqualTo(PROVENANCE);
  }

  @Test
  void anUnknownStrategyIsNamedWithTheKnownOnes() {
    ObjectNode tree = SimulationJson.tree(result, PROVENANCE, settings);
    ObjectNode curves = (ObjectNode) tree.get("simulation").get("models").get("model_a").get("strategies");
    curves.set("second_opinion", curves.remove("triage"));

    assertThatThrownBy(() -> SimulationReader.read(EvaluationRoundTripTest.parse(tree.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("results.json: /simulation/models/model_a/strategies has 'second_opinion', not one of [baseline,");
  }
}

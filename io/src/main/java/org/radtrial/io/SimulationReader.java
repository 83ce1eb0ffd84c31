package org.radtrial.io;

import static org.radtrial.io.ResultsKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.radtrial.core.simulate.Assumption;
import org.radtrial.core.simulate.Programme;
import org.radtrial.core.simulate.SimulationMetric;
import org.radtrial.core.simulate.SimulationResult;
import org.radtrial.core.simulate.SimulationResult.Estimate;
import org.radtrial.core.simulate.Strategy;

/**
 * Reads a results.json written by {@code simulate} (what {@link SimulationJson} writes) back into
 * {@link SimulationResults}, from the tree of a results.json text. A missing key, a value of the wrong type, or an unknown strategy, metric
 * or reason is an {@link IllegalArgumentException} giving its JSON pointer.
 */
public final class SimulationReader {
  private SimulationReader() {}

  public static SimulationResults read(JsonNode tree) {
    ResultsNode root = ResultsNode.root(tree);
    SimulationResults.Settings settings = settings(root.object(SETTINGS));
    double level = settings.ciLevel();
    ResultsNode cohort = root.object(COHORT);
    ResultsNode s = root.object(SIMULATION);
    SimulationResult result = new SimulationResult(
        programme(s.object(PROGRAMME)),
        assumption(s.object(ASSUMPTION)),
        s.string(ASSUMPTION_CALIBRATION),
        cohort.integer(CASES),
        cohort.integer(POSITIVES),
        byMetric(s.object(BASELINE), e -> new Estimate(e.number(ESTIMATE), e.interval(CI, level), Double.NaN, null)),
        s.map(MODELS, m -> m).entrySet().stream().map(e -> model(e.getKey(), e.getValue(), level)).toList(),
        byStrategy(s.object(NOT_SIMULATED), ResultsNode::text),
        s.list(SELECTIONS, n -> new SimulationResult.Selection(n.string(MODEL), n.constant(STRATEGY, Strategy.class),
            n.string(CONSTRAINTS), n.integerOr(THRESHOLD_INDEX, -1), n.string(REASON))),
        s.list(SENSITIVITY, SimulationReader::sensitivityRow),
        s.list(SUBGROUPS, n -> new SimulationResult.SubgroupEffect(n.string(MODEL), n.constant(STRATEGY, Strategy.class),
            n.integer(THRESHOLD_INDEX), n.string(COLUMN), n.string(LEVEL), n.integer(EXAMS), n.integer(CANCERS),
            byMetric(n.object(METRICS), e -> effect(e, level)))),
        s.strings(NOTES));
    return new SimulationResults(root.integer(SCHEMA_VERSION), result, settings, EvaluationReader.provenance(root.object(PROVENANCE)));
  }

  private static Programme programme(ResultsNode p) {
    String reading = p.string(READING);
    if (!reading.equals("double") && !reading.equals("single")) {
      throw new IllegalArgumentException("results.json: " + p.pointer() + "/" + READING + " is '" + reading + "', not double or single");
    }
    return new Programme(reading.equals("double"), p.constant(ARBITRATION, Programme.Arbitration.class), p.number(MINUTES_PER_READ),
        p.number(MINUTES_PER_ARBITRATION), p.number(MINUTES_PER_REVIEW), p.number(COST_PER_RECALL), p.number(COST_PER_READING_HOUR),
        p.number(ENERGY_PER_RECALL_KWH), p.number(ARBITRATION_CAPACITY_PER_1000), p.number(FOLLOW_UP_MONTHS));
  }

  private static Assumption assumption(ResultsNode a) {
    return new Assumption(a.string(NAME), a.number(RECALL_IF_CANCER), a.number(RECALL_IF_NORMAL), a.string(SOURCE));
  }

  private static SimulationResult.ModelSimulation model(String name, ResultsNode m, double level) {
    return new SimulationResult.ModelSimulation(name,
        m.list(THRESHOLDS, t -> new SimulationResult.Threshold(t.number(VALUE), t.number(FLAG_RATE), t.bool(USER_GIVEN))),
        byStrategy(m.object(STRATEGIES), curve -> curve.items(point -> byMetric(point, e -> effect(e, level)))),
        byStrategy(m.object(THRESHOLDS_OF_INTEREST), chosen -> chosen.items(t -> new SimulationResult.ThresholdOfInterest(
            t.integer(INDEX), t.constant(REASON, SimulationResult.ThresholdOfInterest.Reason.class)))));
  }

  private static SimulationResult.SensitivityRow sensitivityRow(ResultsNode n) {
    Map<SimulationMetric, Double> metrics = new EnumMap<>(SimulationMetric.class);
    for (SimulationMetric metric : SimulationMetric.values()) {
      if (n.has(metric.key())) {
        metrics.put(metric, n.number(metric.key()));
      }
    }
    return new SimulationResult.SensitivityRow(n.string(MODEL), n.constant(STRATEGY, Strategy.class), n.integer(THRESHOLD_INDEX),
        n.string(ASSUMPTION), metrics);
  }

  private static Estimate effect(ResultsNode e, double level) {
    return new Estimate(e.number(ESTIMATE), e.interval(CI, level), e.number(DIFFERENCE_VS_BASELINE), e.interval(DIFFERENCE_CI, level));
  }

  private static <T> Map<SimulationMetric, T> byMetric(ResultsNode object, Function<ResultsNode, T> read) {
    Map<SimulationMetric, T> values = new EnumMap<>(SimulationMetric.class);
    object.fields().forEach((key, value) -> values.put(object.constantNamed(key, SimulationMetric.class), read.apply(value)));
    return values;
  }

  private static <T> Map<Strategy, T> byStrategy(ResultsNode object, Function<ResultsNode, T> read) {
    Map<Strategy, T> values = new EnumMap<>(Strategy.class);
    object.fields().forEach((key, value) -> values.put(object.constantNamed(key, Strategy.class), read.apply(value)));
    return values;
  }

  private static SimulationResults.Settings settings(ResultsNode s) {
    return new SimulationResults.Settings(s.number(CI_LEVEL), s.integer(BOOTSTRAP_REPLICATES), s.longInteger(SEED), s.integer(SWEEP),
        s.stringOrNull(THRESHOLD_BY), s.stringOrNull(DIAGNOSIS_MONTHS), s.stringOrNull(CONSTRAINTS));
  }
}

package org.radtrial.io;

import static org.radtrial.io.ResultsKeys.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.radtrial.core.simulate.Assumption;
import org.radtrial.core.simulate.Programme;
import org.radtrial.core.simulate.SimulationMetric;
import org.radtrial.core.simulate.SimulationResult;
import org.radtrial.core.simulate.Strategy;

/** The "simulation" section of results.json, key by key (documented in docs/results-schema.md). */
public final class SimulationJson {
  private SimulationJson() {}

  /** A results tree with cohort, simulation and provenance. */
  public static ObjectNode tree(SimulationResult r, Provenance provenance, Map<String, Object> settings) {
    ObjectNode root = ResultsJson.object();
    root.put(SCHEMA_VERSION, ResultsJson.SCHEMA_VERSION);
    ObjectNode cohort = root.putObject(COHORT);
    cohort.put(CASES, r.exams()).put(POSITIVES, r.cancers()).put(NEGATIVES, r.exams() - r.cancers());
    cohort.put(PREVALENCE, r.cancers() / (double) r.exams());
    root.set(SIMULATION, section(r));
    ObjectNode s = root.putObject(SETTINGS);
    settings.forEach((k, v) -> s.putPOJO(k, v));
    root.set(PROVENANCE, ResultsJson.provenanceNode(provenance));
    return root;
  }

  static ObjectNode section(SimulationResult r) {
    ObjectNode node = ResultsJson.object();
    node.set(PROGRAMME, programme(r.programme()));
    node.set(ASSUMPTION, assumption(r.assumption()));
    node.put(ASSUMPTION_CALIBRATION, r.calibration());
    ObjectNode strategies = node.putObject(STRATEGIES);
    for (Strategy s : Strategy.values()) {
      strategies.put(s.key(), s.description());
    }
    node.set(BASELINE, metrics(r.baseline(), false));
    ObjectNode models = node.putObject(MODELS);
    for (SimulationResult.ModelSimulation m : r.models()) {
      ObjectNode model = models.putObject(m.model());
      ArrayNode thresholds = model.putArray(THRESHOLDS);
      for (SimulationResult.Threshold t : m.thresholds()) {
        thresholds.addObject().put(VALUE, t.value()).put(FLAG_RATE, t.flagRate()).put(USER_GIVEN, t.userGiven());
      }
      ObjectNode interest = model.putObject(THRESHOLDS_OF_INTEREST);
      m.interest().forEach((strategy, chosen) -> {
        ArrayNode list = interest.putArray(strategy.key());
        chosen.forEach(t -> list.addObject().put(INDEX, t.index()).put(REASON, t.reason().key()));
      });
      ObjectNode curves = model.putObject(STRATEGIES);
      for (Map.Entry<Strategy, List<Map<SimulationMetric, SimulationResult.Estimate>>> e : m.curves().entrySet()) {
        ArrayNode points = curves.putArray(e.getKey().key());
        for (Map<SimulationMetric, SimulationResult.Estimate> point : e.getValue()) {
          points.add(metrics(point, true));
        }
      }
    }
    ObjectNode not = node.putObject(NOT_SIMULATED);
    r.notSimulated().forEach((s, reason) -> not.put(s.key(), reason));
    ArrayNode selections = node.putArray(SELECTIONS);
    for (SimulationResult.Selection s : r.selections()) {
      ObjectNode sel = selections.addObject().put(MODEL, s.model()).put(STRATEGY, s.strategy().key())
          .put(CONSTRAINTS, s.constraints());
      if (s.threshold() >= 0) {
        sel.put(THRESHOLD_INDEX, s.threshold());
      } else {
        sel.putNull(THRESHOLD_INDEX);
      }
      sel.put(REASON, s.reason());
    }
    ArrayNode sensitivity = node.putArray(SENSITIVITY);
    for (SimulationResult.SensitivityRow row : r.sensitivity()) {
      ObjectNode n = sensitivity.addObject().put(MODEL, row.model()).put(STRATEGY, row.strategy().key())
          .put(THRESHOLD_INDEX, row.threshold()).put(ASSUMPTION, row.assumption());
      row.metrics().forEach((metric, value) -> ResultsJson.number(n, metric.key(), value));
    }
    ArrayNode subgroups = node.putArray(SUBGROUPS);
    for (SimulationResult.SubgroupEffect e : r.subgroups()) {
      ObjectNode n = subgroups.addObject().put(MODEL, e.model()).put(STRATEGY, e.strategy().key())
          .put(THRESHOLD_INDEX, e.threshold()).put(COLUMN, e.column()).put(LEVEL, e.level())
          .put(EXAMS, e.exams()).put(CANCERS, e.cancers());
      n.set(METRICS, metrics(e.metrics(), true));
    }
    ArrayNode notes = node.putArray(NOTES);
    r.notes().forEach(notes::add);
    return node;
  }

  private static ObjectNode metrics(Map<SimulationMetric, SimulationResult.Estimate> metrics, boolean withDifference) {
    ObjectNode node = ResultsJson.object();
    metrics.forEach((metric, e) -> {
      ObjectNode m = node.putObject(metric.key());
      ResultsJson.number(m, ESTIMATE, e.value());
      m.set(CI, ResultsJson.interval(e.ci()));
      if (withDifference) {
        ResultsJson.number(m, DIFFERENCE_VS_BASELINE, e.difference());
        m.set(DIFFERENCE_CI, ResultsJson.interval(e.differenceCi()));
      }
    });
    return node;
  }

  private static ObjectNode programme(Programme p) {
    ObjectNode node = ResultsJson.object();
    node.put(READING, p.doubleReading() ? "double" : "single");
    node.put(ARBITRATION, p.arbitration().name().toLowerCase(java.util.Locale.ROOT));
    node.put(MINUTES_PER_READ, p.minutesPerRead()).put(MINUTES_PER_ARBITRATION, p.minutesPerArbitration())
        .put(MINUTES_PER_REVIEW, p.minutesPerReview()).put(COST_PER_RECALL, p.costPerRecall())
        .put(COST_PER_READING_HOUR, p.costPerReadingHour()).put(ENERGY_PER_RECALL_KWH, p.energyPerRecallKwh())
        .put(ARBITRATION_CAPACITY_PER_1000, p.arbitrationCapacityPer1000()).put(FOLLOW_UP_MONTHS, p.followUpMonths());
    return node;
  }

  private static ObjectNode assumption(Assumption a) {
    return ResultsJson.object().put(NAME, a.name()).put(RECALL_IF_CANCER, a.recallIfCancer())
        .put(RECALL_IF_NORMAL, a.recallIfNormal()).put(SOURCE, a.source());
  }
}

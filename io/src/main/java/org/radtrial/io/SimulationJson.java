package org.radtrial.io;

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
    root.put("schema_version", ResultsJson.SCHEMA_VERSION);
    ObjectNode cohort = root.putObject("cohort");
    cohort.put("cases", r.exams()).put("positives", r.cancers()).put("negatives", r.exams() - r.cancers());
    cohort.put("prevalence", r.cancers() / (double) r.exams());
    root.set("simulation", section(r));
    ObjectNode s = root.putObject("settings");
    settings.forEach((k, v) -> s.putPOJO(k, v));
    root.set("provenance", ResultsJson.provenanceNode(provenance));
    return root;
  }

  static ObjectNode section(SimulationResult r) {
    ObjectNode node = ResultsJson.object();
    node.set("programme", programme(r.programme()));
    node.set("assumption", assumption(r.assumption()));
    node.put("assumption_calibration", r.calibration());
    ObjectNode strategies = node.putObject("strategies");
    for (Strategy s : Strategy.values()) {
      strategies.put(s.key(), s.description());
    }
    node.set("baseline", metrics(r.baseline(), false));
    ObjectNode models = node.putObject("models");
    for (SimulationResult.ModelSimulation m : r.models()) {
      ObjectNode model = models.putObject(m.model());
      ArrayNode thresholds = model.putArray("thresholds");
      for (SimulationResult.Threshold t : m.thresholds()) {
        thresholds.addObject().put("value", t.value()).put("flag_rate", t.flagRate()).put("user_given", t.userGiven());
      }
      ObjectNode interest = model.putObject("thresholds_of_interest");
      m.interest().forEach((strategy, chosen) -> {
        ArrayNode list = interest.putArray(strategy.key());
        chosen.forEach(t -> list.addObject().put("index", t.index()).put("reason", t.reason().key()));
      });
      ObjectNode curves = model.putObject("strategies");
      for (Map.Entry<Strategy, List<Map<SimulationMetric, SimulationResult.Estimate>>> e : m.curves().entrySet()) {
        ArrayNode points = curves.putArray(e.getKey().key());
        for (Map<SimulationMetric, SimulationResult.Estimate> point : e.getValue()) {
          points.add(metrics(point, true));
        }
      }
    }
    ObjectNode not = node.putObject("not_simulated");
    r.notSimulated().forEach((s, reason) -> not.put(s.key(), reason));
    ArrayNode selections = node.putArray("selections");
    for (SimulationResult.Selection s : r.selections()) {
      ObjectNode sel = selections.addObject().put("model", s.model()).put("strategy", s.strategy().key())
          .put("constraints", s.constraints());
      if (s.threshold() >= 0) {
        sel.put("threshold_index", s.threshold());
      } else {
        sel.putNull("threshold_index");
      }
      sel.put("reason", s.reason());
    }
    ArrayNode sensitivity = node.putArray("sensitivity");
    for (SimulationResult.SensitivityRow row : r.sensitivity()) {
      ObjectNode n = sensitivity.addObject().put("model", row.model()).put("strategy", row.strategy().key())
          .put("threshold_index", row.threshold()).put("assumption", row.assumption());
      row.metrics().forEach((metric, value) -> ResultsJson.number(n, metric.key(), value));
    }
    ArrayNode subgroups = node.putArray("subgroups");
    for (SimulationResult.SubgroupEffect e : r.subgroups()) {
      ObjectNode n = subgroups.addObject().put("model", e.model()).put("strategy", e.strategy().key())
          .put("threshold_index", e.threshold()).put("column", e.column()).put("level", e.level())
          .put("exams", e.exams()).put("cancers", e.cancers());
      n.set("metrics", metrics(e.metrics(), true));
    }
    ArrayNode notes = node.putArray("notes");
    r.notes().forEach(notes::add);
    return node;
  }

  private static ObjectNode metrics(Map<SimulationMetric, SimulationResult.Estimate> metrics, boolean withDifference) {
    ObjectNode node = ResultsJson.object();
    metrics.forEach((metric, e) -> {
      ObjectNode m = node.putObject(metric.key());
      ResultsJson.number(m, "estimate", e.value());
      m.set("ci", ResultsJson.interval(e.ci()));
      if (withDifference) {
        ResultsJson.number(m, "difference_vs_baseline", e.difference());
        m.set("difference_ci", ResultsJson.interval(e.differenceCi()));
      }
    });
    return node;
  }

  private static ObjectNode programme(Programme p) {
    ObjectNode node = ResultsJson.object();
    node.put("reading", p.doubleReading() ? "double" : "single");
    node.put("arbitration", p.arbitration().name().toLowerCase(java.util.Locale.ROOT));
    node.put("minutes_per_read", p.minutesPerRead()).put("minutes_per_arbitration", p.minutesPerArbitration())
        .put("minutes_per_review", p.minutesPerReview()).put("cost_per_recall", p.costPerRecall())
        .put("cost_per_reading_hour", p.costPerReadingHour()).put("energy_per_recall_kwh", p.energyPerRecallKwh())
        .put("arbitration_capacity_per_1000", p.arbitrationCapacityPer1000()).put("follow_up_months", p.followUpMonths());
    return node;
  }

  private static ObjectNode assumption(Assumption a) {
    return ResultsJson.object().put("name", a.name()).put("recall_if_cancer", a.recallIfCancer())
        .put("recall_if_normal", a.recallIfNormal()).put("source", a.source());
  }
}

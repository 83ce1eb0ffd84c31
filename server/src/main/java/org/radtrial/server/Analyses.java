package org.radtrial.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radtrial.core.audit.AuditResult;
import org.radtrial.core.audit.AuditSpec;
import org.radtrial.core.audit.Auditor;
import org.radtrial.core.binary.CiMethod;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.cohort.ReaderDecisions;
import org.radtrial.core.evaluate.EvaluationResult;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.evaluate.Evaluator;
import org.radtrial.core.evaluate.ModelResult;
import org.radtrial.core.evaluate.OperatingPoint;
import org.radtrial.core.evaluate.OperatingPointRule;
import org.radtrial.core.simulate.Programme;
import org.radtrial.core.simulate.ScreeningExams;
import org.radtrial.core.simulate.SimulationResult;
import org.radtrial.core.simulate.SimulationSpec;
import org.radtrial.core.simulate.Simulator;
import org.radtrial.core.simulate.Strategy;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.io.AuditJson;
import org.radtrial.io.CaseTableReader;
import org.radtrial.io.CaseTableSpec;
import org.radtrial.io.Provenance;
import org.radtrial.io.ResultsJson;
import org.radtrial.io.SimulationJson;

/**
 * One run's computation, assembled from core and io as the CLI's evaluate, audit and simulate do,
 * with the same defaults: operating points at every reader's specificity (or specificity 0.9), the
 * audit at the first of them, the simulation with the double-reading programme's defaults.
 */
final class Analyses {
  private Analyses() {}

  static String resultsJson(Path cases, String filename, String sha256, DatasetSpec dataset, RunParameters p, long runId,
      ProgressListener progress) {
    CaseTableSpec input = dataset.caseTableSpec();
    Cohort cohort = CaseTableReader.read(cases, input);
    Provenance provenance = new Provenance(ServerVersion.get(), filename, sha256, p.seed(),
        "radtrial serve: run " + runId + " (" + p.kind() + ")", System.getProperty("java.version"), Instant.now().toString());
    if (p.kind().equals("simulation")) {
      return ResultsJson.text(simulation(cohort, dataset, p, provenance, progress));
    }
    EvaluationSpec spec = new EvaluationSpec(p.ciLevel(), p.bootstrap(), p.seed(), CiMethod.WILSON, operatingPoints(dataset),
        Double.NaN, 500);
    EvaluationResult result = Evaluator.evaluate(cohort, spec, progress);
    ObjectNode root = ResultsJson.tree(result, cohort, input, provenance);
    if (p.kind().equals("audit")) {
      List<String> groups = p.groups().isEmpty() ? dataset.metadata() : p.groups();
      for (String g : groups) {
        if (!dataset.metadata().contains(g)) {
          throw new IllegalArgumentException("group '" + g + "' is not a metadata column; use one of " + dataset.metadata());
        }
      }
      String rule = result.spec().operatingPoints().get(0).describe();
      AuditResult audit = Auditor.audit(cohort, AuditSpec.of(groups).withLevel(p.ciLevel(), 20), rule,
          deployedThresholds(result, cohort, rule), null);
      AuditJson.addTo(root, audit);
    }
    return ResultsJson.text(root);
  }

  private static List<OperatingPointRule> operatingPoints(DatasetSpec dataset) {
    List<OperatingPointRule> rules = new ArrayList<>();
    dataset.readers().forEach(r -> rules.add(new OperatingPointRule.ReaderSpecificity(r)));
    if (rules.isEmpty()) {
      rules.add(new OperatingPointRule.TargetSpecificity(0.9));
    }
    return rules;
  }

  private static double[] deployedThresholds(EvaluationResult result, Cohort cohort, String rule) {
    List<ModelScores> models = cohort.models();
    double[] thresholds = new double[models.size()];
    for (int k = 0; k < models.size(); k++) {
      ModelResult model = result.models().get(k);
      OperatingPoint point = model.operatingPoints().stream().filter(op -> op.rule().equals(rule)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("'" + rule + "' gives no threshold to " + model.name()));
      thresholds[k] = model.higherIsPositive() ? point.threshold() : -point.threshold();
    }
    return thresholds;
  }

  private static ObjectNode simulation(Cohort cohort, DatasetSpec dataset, RunParameters p, Provenance provenance,
      ProgressListener progress) {
    if (dataset.readers().isEmpty() || dataset.readers().size() > 2) {
      throw new IllegalArgumentException("a simulation needs reader 1's decision column, and reader 2's for double reading;"
          + " this dataset has readers " + dataset.readers());
    }
    Map<String, ReaderDecisions> byName = new LinkedHashMap<>();
    cohort.readers().forEach(r -> byName.put(r.name(), r));
    boolean[] r1 = decisions(byName.get(dataset.readers().get(0)));
    boolean[] r2 = dataset.readers().size() > 1 ? decisions(byName.get(dataset.readers().get(1))) : null;
    byte[] arbitrated = dataset.arbitration() == null ? null : byName.get(dataset.arbitration()).decisions();
    List<double[]> scores = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ModelScores model : cohort.models()) {
      double[] oriented = new double[cohort.size()];
      for (int i = 0; i < oriented.length; i++) {
        oriented[i] = model.oriented(i);
      }
      scores.add(oriented);
      names.add(model.name());
    }
    ScreeningExams exams = new ScreeningExams(cohort.truth().clone(), r1, r2, arbitrated, null, null, scores, names);
    List<GroupColumn> groups = new ArrayList<>();
    for (String g : p.groups()) {
      if (!dataset.metadata().contains(g)) {
        throw new IllegalArgumentException("group '" + g + "' is not a metadata column; use one of " + dataset.metadata());
      }
      groups.add(GroupColumn.of(g, cohort.metadata().get(g), null));
    }
    List<Strategy> strategies = List.of(Strategy.values());
    SimulationSpec spec = new SimulationSpec(strategies, 50, Map.of(), p.bootstrap(), p.seed(), p.ciLevel(), null, List.of(),
        groups);
    Programme programme = Programme.doubleReadingDefaults();
    SimulationResult result = Simulator.run(exams, programme, spec, progress);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("ci_level", p.ciLevel());
    settings.put("bootstrap_replicates", p.bootstrap());
    settings.put("seed", p.seed());
    settings.put("sweep", 50);
    settings.put("threshold_by", null);
    settings.put("constraints", null);
    return SimulationJson.tree(result, provenance, settings);
  }

  private static boolean[] decisions(ReaderDecisions reader) {
    boolean[] d = new boolean[reader.decisions().length];
    for (int i = 0; i < d.length; i++) {
      d[i] = reader.decisions()[i] == ReaderDecisions.POSITIVE;
    }
    return d;
  }
}

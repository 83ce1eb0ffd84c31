package org.radtrial.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.radtrial.core.audit.AuditSpec;
import org.radtrial.core.binary.CiMethod;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.evaluate.OperatingPointRule;
import org.radtrial.core.simulate.Programme;
import org.radtrial.core.simulate.ScreeningRoles;
import org.radtrial.core.simulate.SimulationSpec;
import org.radtrial.core.simulate.Strategy;
import org.radtrial.core.stat.InvalidSetting;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.run.CaseInput;
import org.radtrial.run.RadtrialVersion;
import org.radtrial.run.RunContext;
import org.radtrial.run.RunRequest;
import org.radtrial.run.Runner;

/**
 * A workspace run as a {@link RunRequest}: the web form's few settings plus the command line's
 * defaults for everything else (operating points at every reader's specificity, or specificity
 * 0.9; the audit at the first of them; the double-reading programme's defaults). The computation
 * itself is {@link Runner}'s, the same as the command line's.
 */
final class Analyses {
  /** Thresholds swept per model in a workspace simulation, as {@code radtrial simulate}'s default. */
  static final int SWEEP = 50;

  private Analyses() {}

  /** The request a run of these parameters on this dataset makes. */
  static RunRequest request(Path cases, String filename, DatasetSpec dataset, RunParameters p) {
    CaseInput input = new CaseInput(cases, filename, dataset.caseTableSpec());
    RunRequest.Kind kind = RunRequest.Kind.of(p.kind());
    if (kind == RunRequest.Kind.SIMULATION) {
      return simulation(input, dataset, p);
    }
    EvaluationSpec evaluation = new EvaluationSpec(p.ciLevel(), p.bootstrap(), p.seed(), CiMethod.WILSON,
        OperatingPointRule.defaultsFor(dataset.readers()), Double.NaN, 500);
    if (kind == RunRequest.Kind.EVALUATION) {
      return new RunRequest.Evaluate(input, evaluation);
    }
    List<String> groups = p.groups().isEmpty() ? dataset.metadata() : p.groups();
    requireMetadata(dataset, groups);
    return new RunRequest.Audit(input, evaluation, AuditSpec.of(groups).withLevel(p.ciLevel(), 20), null);
  }

  /** Runs it, with provenance naming the workspace's run. */
  static String resultsJson(RunRequest request, long runId, ProgressListener progress) {
    RunContext context = new RunContext(RadtrialVersion.get(), "radtrial serve: run " + runId + " (" + request.kind().key()
        + ")", progress);
    return Runner.run(request, context).resultsText();
  }

  private static RunRequest simulation(CaseInput input, DatasetSpec dataset, RunParameters p) {
    if (dataset.readers().isEmpty() || dataset.readers().size() > 2) {
      throw new IllegalArgumentException("a simulation needs reader 1's decision column, and reader 2's for double reading;"
          + " this dataset has readers " + dataset.readers());
    }
    requireMetadata(dataset, p.groups());
    ScreeningRoles roles = new ScreeningRoles(dataset.readers().get(0),
        dataset.readers().size() > 1 ? dataset.readers().get(1) : null, dataset.arbitration(), List.of(), null, null);
    SimulationSpec spec = new SimulationSpec(List.of(Strategy.values()), SWEEP, Map.of(), p.bootstrap(), p.seed(), p.ciLevel(),
        null, List.of(), List.of());
    return new RunRequest.Simulate(input, Programme.doubleReadingDefaults(), roles, spec, p.groups());
  }

  /**
   * A refused setting as the workspace's user sees it: the web form has only "groups"; every other
   * setting is the command line's default, so the message says it is not theirs to change here.
   */
  static String message(InvalidSetting e) {
    return e.setting() == InvalidSetting.Setting.AUDITED_COLUMNS ? "groups: " + e.getMessage()
        : e.getMessage() + " (this setting is fixed in the workspace; run radtrial on the command line to change it)";
  }

  private static void requireMetadata(DatasetSpec dataset, List<String> groups) {
    for (String g : groups) {
      if (!dataset.metadata().contains(g)) {
        throw new IllegalArgumentException("group '" + g + "' is not a metadata column; use one of " + dataset.metadata());
      }
    }
  }
}

package org.radtrial.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.audit.AuditResult;
import org.radtrial.core.audit.Calibration;
import org.radtrial.core.audit.ConfidentError;
import org.radtrial.core.audit.EqualizedOdds;
import org.radtrial.core.audit.FailureSlice;
import org.radtrial.core.audit.Heterogeneity;
import org.radtrial.core.audit.MetricGap;
import org.radtrial.core.audit.Shift;
import org.radtrial.core.audit.Subgroup;
import org.radtrial.core.audit.SubgroupRow;
import org.radtrial.core.audit.Transport;
import org.radtrial.core.binary.Proportion;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.roc.AucEstimate;

/** The "audit" section of results.json, key by key (documented in docs/results-schema.md). */
public final class AuditJson {
  private AuditJson() {}

  /** Adds the audit to a results tree, keeping provenance last. */
  public static ObjectNode addTo(ObjectNode root, AuditResult audit) {
    var provenance = root.remove("provenance");
    root.set("audit", section(audit));
    root.set("provenance", provenance);
    return root;
  }

  static ObjectNode section(AuditResult a) {
    ObjectNode node = ResultsJson.object();
    node.put("operating_point", a.operatingPoint());
    ObjectNode thresholds = node.putObject("thresholds");
    ObjectNode needed = node.putObject("positives_needed");
    for (int k = 0; k < a.models().size(); k++) {
      ResultsJson.number(thresholds, a.models().get(k), a.thresholds().get(k));
      needed.put(a.models().get(k), a.positivesNeeded().get(k));
    }
    ArrayNode columns = node.putArray("columns");
    for (GroupColumn c : a.columns()) {
      ObjectNode column = columns.addObject();
      column.put("name", c.name());
      ArrayNode levels = column.putArray("levels");
      c.levels().forEach(levels::add);
      if (c.bands() != null) {
        ArrayNode cuts = column.putArray("band_cuts");
        c.bands().cuts().forEach(cuts::add);
      }
    }
    ArrayNode subgroups = node.putArray("subgroups");
    for (SubgroupRow row : a.subgroups()) {
      subgroups.add(row(row));
    }
    ArrayNode heterogeneity = node.putArray("heterogeneity");
    for (Heterogeneity h : a.heterogeneity()) {
      ObjectNode t = heterogeneity.addObject();
      t.put("model", h.model()).put("columns", h.columns()).put("metric", h.metric()).put("test", h.test());
      ResultsJson.number(t, "statistic", h.statistic());
      t.put("df", h.df());
      ResultsJson.number(t, "p", h.p());
      ResultsJson.number(t, "q", h.q());
      t.put("groups", h.groups()).put("note", h.note());
    }
    ArrayNode odds = node.putArray("equalized_odds");
    for (EqualizedOdds e : a.equalizedOdds()) {
      ObjectNode o = odds.addObject().put("model", e.model()).put("columns", e.columns());
      ResultsJson.number(o, "tpr_range", e.truePositiveRateRange());
      ResultsJson.number(o, "fpr_range", e.falsePositiveRateRange());
      ResultsJson.number(o, "difference", e.difference());
      o.put("groups", e.groups());
    }
    ObjectNode search = node.putObject("failure_slices");
    search.put("minimum_cases", a.minimumSliceCases());
    search.put("considered", a.slicesConsidered());
    search.put("tested", a.slicesTested());
    ResultsJson.number(search, "screen", a.sliceScreen());
    ArrayNode slices = search.putArray("discoveries");
    a.failureSlices().forEach(s -> slices.add(slice(s)));
    ArrayNode tooFew = search.putArray("too_few_cases");
    a.tooFewToJudge().forEach(s -> tooFew.add(slice(s)));
    ArrayNode errors = node.putArray("confident_errors");
    for (ConfidentError e : a.confidentErrors()) {
      ObjectNode error = errors.addObject().put("model", e.model()).put("case_id", e.caseId()).put("error", e.error());
      ResultsJson.number(error, "score", e.score());
      ObjectNode metadata = error.putObject("metadata");
      e.metadata().forEach(metadata::put);
    }
    ArrayNode calibration = node.putArray("calibration");
    for (AuditResult.CalibrationRow row : a.calibration()) {
      calibration.add(calibration(row));
    }
    if (a.transport() != null) {
      node.set("transport", transport(a.transport()));
    }
    ArrayNode shifts = node.putArray("shift");
    for (Shift s : a.shifts()) {
      shifts.add(shift(s));
    }
    ArrayNode notes = node.putArray("notes");
    a.notes().forEach(notes::add);
    return node;
  }

  private static ObjectNode slice(FailureSlice s) {
    ObjectNode slice = ResultsJson.object();
    slice.put("model", s.model()).put("rule", s.subgroup().label()).put("depth", s.subgroup().depth()).put("error", s.error());
    slice.put("cases", s.cases()).put("positives", s.positives()).put("errors", s.errors()).put("trials", s.trials());
    slice.put("slice_rate", s.sliceRate()).put("rest_rate", s.restRate()).put("effect", s.effect());
    slice.set("effect_ci", ResultsJson.interval(s.effectCi()));
    ResultsJson.number(slice, "excess_errors", s.excess());
    slice.set("excess_errors_ci", ResultsJson.interval(s.excessCi()));
    ResultsJson.number(slice, "ratio", s.ratio());
    slice.set("ratio_ci", ResultsJson.interval(s.ratioCi()));
    ResultsJson.number(slice, "p", s.p());
    ResultsJson.number(slice, "smallest_p", s.smallestP());
    ResultsJson.number(slice, "q", s.q());
    ResultsJson.number(slice, "ranking_bound", s.rankingBound());
    slice.put("sentence", s.sentence());
    return slice;
  }

  private static ObjectNode row(SubgroupRow row) {
    ObjectNode node = ResultsJson.object();
    node.put("model", row.model());
    subgroup(node, row.subgroup());
    node.put("cases", row.cases()).put("positives", row.positives()).put("negatives", row.negatives());
    node.put("underpowered", row.underpowered());
    node.put("large_gap_few_cases", row.largeGapFewCases());
    ResultsJson.number(node, "minimum_detectable_difference", row.minimumDetectableDifference());
    AucEstimate auc = row.auc();
    if (auc == null) {
      node.putNull("auc");
    } else {
      ObjectNode a = node.putObject("auc");
      a.put("estimate", auc.estimate());
      a.set("ci", ResultsJson.interval(auc.ci()));
      a.put("method", "DeLong");
    }
    node.set("sensitivity", proportion(row.metrics().sensitivity()));
    node.set("specificity", proportion(row.metrics().specificity()));
    node.set("false_positive_rate", proportion(row.falsePositiveRate()));
    node.set("recall_rate", proportion(row.metrics().recallRate()));
    node.set("ppv", proportion(row.metrics().ppv()));
    ArrayNode gaps = node.putArray("gaps");
    for (MetricGap g : row.gaps()) {
      ObjectNode gap = gaps.addObject();
      gap.put("metric", g.metric()).put("versus", g.versus());
      ResultsJson.number(gap, "value", g.value());
      ResultsJson.number(gap, "reference", g.reference());
      ResultsJson.number(gap, "difference", g.difference());
      gap.set("difference_ci", ResultsJson.interval(g.differenceCi()));
      ResultsJson.number(gap, "ratio", g.ratio());
      gap.set("ratio_ci", ResultsJson.interval(g.ratioCi()));
      ResultsJson.number(gap, "p", g.p());
      ResultsJson.number(gap, "q", g.q());
    }
    return node;
  }

  private static void subgroup(ObjectNode node, @Nullable Subgroup subgroup) {
    node.put("subgroup", subgroup == null ? "overall" : subgroup.label());
    node.put("columns", subgroup == null ? "" : subgroup.columns());
  }

  private static ObjectNode proportion(Proportion p) {
    ObjectNode node = ResultsJson.object();
    ResultsJson.number(node, "estimate", p.estimate());
    node.set("ci", ResultsJson.interval(p.ci()));
    node.put("successes", p.successes()).put("trials", p.trials());
    return node;
  }

  private static ObjectNode calibration(AuditResult.CalibrationRow row) {
    ObjectNode node = ResultsJson.object();
    node.put("model", row.model());
    subgroup(node, row.subgroup());
    // the audit lists calibration rows only for groups with scored cases
    Calibration c = java.util.Objects.requireNonNull(row.calibration(), "a calibration row without a fit");
    node.put("cases", c.cases()).put("events", c.events());
    ResultsJson.number(node, "mean_predicted", c.meanPredicted());
    ResultsJson.number(node, "observed_rate", c.observedRate());
    ResultsJson.number(node, "calibration_in_the_large", c.calibrationInTheLarge());
    node.set("calibration_in_the_large_ci", ResultsJson.interval(c.calibrationInTheLargeCi()));
    ResultsJson.number(node, "intercept", c.intercept());
    ResultsJson.number(node, "slope", c.slope());
    node.set("slope_ci", ResultsJson.interval(c.slopeCi()));
    ResultsJson.number(node, "brier", c.brier());
    node.put("clipped", c.clipped()).put("note", c.note());
    return node;
  }

  private static ObjectNode transport(AuditResult.TransportResult t) {
    ObjectNode node = ResultsJson.object();
    ArrayNode columns = node.putArray("columns");
    t.weights().columns().forEach(c -> columns.add(c.name()));
    ArrayNode strata = node.putArray("strata");
    for (Transport.StratumWeight w : t.weights().strata()) {
      strata.addObject().put("stratum", w.stratum()).put("target_share", w.targetShare()).put("local_share", w.localShare())
          .put("weight", w.weight());
    }
    ArrayNode warnings = node.putArray("warnings");
    t.weights().warnings().forEach(warnings::add);
    ObjectNode models = node.putObject("models");
    for (AuditResult.ModelTransport m : t.models()) {
      ObjectNode model = models.putObject(m.model());
      for (Transport.Estimate e : m.estimates()) {
        ObjectNode estimate = model.putObject(e.metric());
        ResultsJson.number(estimate, "local", e.local());
        ResultsJson.number(estimate, "estimate", e.estimate());
        estimate.set("ci", ResultsJson.interval(e.ci()));
      }
    }
    return node;
  }

  private static ObjectNode shift(Shift s) {
    ObjectNode node = ResultsJson.object();
    node.put("variable", s.variable()).put("kind", s.kind()).put("type", s.type());
    node.put("local_cases", s.localCases()).put("reference_cases", s.referenceCases());
    ResultsJson.number(node, "standardized_difference", s.standardizedDifference());
    ResultsJson.number(node, "psi", s.psi());
    ResultsJson.number(node, "ks_statistic", s.ksStatistic());
    ResultsJson.number(node, "ks_p", s.ksP());
    node.put("verdict", s.verdict());
    if (!s.levels().isEmpty()) {
      ObjectNode levels = node.putObject("levels");
      for (Map.Entry<String, double[]> e : s.levels().entrySet()) {
        levels.putObject(e.getKey()).put("local", e.getValue()[0]).put("reference", e.getValue()[1]);
      }
    }
    return node;
  }
}

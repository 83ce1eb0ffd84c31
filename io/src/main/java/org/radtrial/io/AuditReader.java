package org.radtrial.io;

import static org.radtrial.io.ResultsKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.radtrial.core.audit.Calibration;
import org.radtrial.core.audit.ConfidentError;
import org.radtrial.core.audit.EqualizedOdds;
import org.radtrial.core.audit.Heterogeneity;
import org.radtrial.core.audit.MetricGap;
import org.radtrial.core.audit.Transport;
import org.radtrial.core.binary.CiMethod;
import org.radtrial.core.binary.Proportion;

/**
 * Reads the "audit" section of a results.json written by {@code audit} (what {@link AuditJson}
 * writes) back into {@link AuditResults}, from the tree of its text; the evaluation beside it is
 * {@link EvaluationReader}'s. A missing key or a value of the wrong type is an
 * {@link IllegalArgumentException} giving its JSON pointer. Keys it does not know are ignored.
 */
public final class AuditReader {
  private AuditReader() {}

  public static AuditResults read(JsonNode tree) {
    ResultsNode root = ResultsNode.root(tree);
    double level = root.object(SETTINGS).number(CI_LEVEL);
    ResultsNode a = root.object(AUDIT);
    ResultsNode search = a.object(FAILURE_SLICES);
    ResultsNode transport = a.objectOrNull(TRANSPORT);
    return new AuditResults(
        a.string(OPERATING_POINT),
        a.map(THRESHOLDS, ResultsNode::number),
        a.map(POSITIVES_NEEDED, ResultsNode::integer),
        a.list(COLUMNS, c -> new AuditResults.Column(c.string(NAME), c.strings(LEVELS),
            c.has(BAND_CUTS) ? c.list(BAND_CUTS, ResultsNode::number) : null)),
        a.list(SUBGROUPS, r -> subgroupRow(r, level)),
        a.list(HETEROGENEITY, h -> new Heterogeneity(h.string(MODEL), h.string(COLUMNS), h.string(METRIC), h.string(TEST),
            h.number(STATISTIC), h.integer(DF), h.number(P), h.number(Q), h.integer(GROUPS), h.string(NOTE))),
        a.list(EQUALIZED_ODDS, e -> new EqualizedOdds(e.string(MODEL), e.string(COLUMNS), e.number(TPR_RANGE), e.number(FPR_RANGE),
            e.number(DIFFERENCE), e.integer(GROUPS))),
        search.integer(TESTED),
        search.list(DISCOVERIES, s -> new AuditResults.Slice(s.string(MODEL), s.string(RULE), s.integer(DEPTH), s.string(ERROR),
            s.integer(CASES), s.integer(POSITIVES), s.integer(ERRORS), s.integer(TRIALS), s.number(SLICE_RATE), s.number(REST_RATE),
            s.number(EFFECT), s.interval(EFFECT_CI, level), s.number(P), s.number(Q), s.number(RANKING_BOUND), s.string(SENTENCE))),
        a.list(CONFIDENT_ERRORS, e -> new ConfidentError(e.string(MODEL), e.string(CASE_ID), e.string(ERROR), e.number(SCORE),
            e.map(METADATA, ResultsNode::text))),
        a.list(CALIBRATION, c -> new AuditResults.CalibrationRow(c.string(MODEL), c.string(SUBGROUP), c.string(COLUMNS),
            new Calibration(c.integer(CASES), c.integer(EVENTS), c.number(MEAN_PREDICTED), c.number(OBSERVED_RATE),
                c.number(CALIBRATION_IN_THE_LARGE), c.interval(CALIBRATION_IN_THE_LARGE_CI, level), c.number(INTERCEPT),
                c.number(SLOPE), c.interval(SLOPE_CI, level), c.number(BRIER), c.integer(CLIPPED), c.string(NOTE)))),
        transport == null ? null : transport(transport, level),
        a.list(SHIFT, AuditReader::shift),
        a.strings(NOTES));
  }

  private static AuditResults.SubgroupRow subgroupRow(ResultsNode r, double level) {
    ResultsNode auc = r.objectOrNull(AUC);
    return new AuditResults.SubgroupRow(r.string(MODEL), r.string(SUBGROUP), r.string(COLUMNS), r.integer(CASES), r.integer(POSITIVES),
        r.integer(NEGATIVES), r.bool(UNDERPOWERED), r.number(MINIMUM_DETECTABLE_DIFFERENCE),
        auc == null ? null : new AuditResults.SubgroupAuc(auc.number(ESTIMATE), auc.interval(CI, level)),
        wilson(r.object(SENSITIVITY), level), wilson(r.object(SPECIFICITY), level), wilson(r.object(FALSE_POSITIVE_RATE), level),
        wilson(r.object(RECALL_RATE), level), wilson(r.object(PPV), level),
        r.list(GAPS, g -> new MetricGap(g.string(METRIC), g.string(VERSUS), g.number(VALUE), g.number(REFERENCE), g.number(DIFFERENCE),
            g.interval(DIFFERENCE_CI, level), g.number(RATIO), g.interval(RATIO_CI, level), g.number(P), g.number(Q))));
  }

  private static Proportion wilson(ResultsNode p, double level) {
    return new Proportion(p.integer(SUCCESSES), p.integer(TRIALS), p.number(ESTIMATE), p.interval(CI, level), CiMethod.WILSON);
  }

  private static AuditResults.TransportResult transport(ResultsNode t, double level) {
    return new AuditResults.TransportResult(t.strings(COLUMNS),
        t.list(STRATA, s -> new Transport.StratumWeight(s.string(STRATUM), s.number(TARGET_SHARE), s.number(LOCAL_SHARE),
            s.number(WEIGHT))),
        t.strings(WARNINGS),
        t.map(MODELS, m -> m.fields().entrySet().stream().map(e -> new Transport.Estimate(e.getKey(), e.getValue().number(LOCAL),
            e.getValue().number(ESTIMATE), e.getValue().interval(CI, level))).toList()));
  }

  private static AuditResults.ShiftRow shift(ResultsNode s) {
    Map<String, AuditResults.LevelShares> levels = s.has(LEVELS)
        ? s.map(LEVELS, l -> new AuditResults.LevelShares(l.number(LOCAL), l.number(REFERENCE))) : Map.of();
    return new AuditResults.ShiftRow(s.string(VARIABLE), s.string(KIND), s.string(TYPE), s.integer(LOCAL_CASES),
        s.integer(REFERENCE_CASES), s.number(STANDARDIZED_DIFFERENCE), s.number(PSI), s.number(KS_STATISTIC), s.number(KS_P),
        s.string(VERDICT), levels);
  }
}

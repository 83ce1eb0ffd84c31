package org.radtrial.io;

import static org.radtrial.io.ResultsKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.binary.CiMethod;
import org.radtrial.core.binary.Proportion;
import org.radtrial.core.evaluate.AucComparison;
import org.radtrial.core.evaluate.ConfusionCounts;
import org.radtrial.core.evaluate.DecisionMetrics;
import org.radtrial.core.evaluate.ModelResult;
import org.radtrial.core.evaluate.PairedRateComparison;
import org.radtrial.core.evaluate.ReaderResult;
import org.radtrial.core.roc.AucEstimate;
import org.radtrial.core.roc.DeLong;

/**
 * Reads the evaluation sections of a results.json tree (what {@link ResultsJson} writes) back into
 * {@link EvaluationResults}. A missing key or a value of the wrong type is an
 * {@link IllegalArgumentException} giving its JSON pointer.
 */
public final class EvaluationReader {
  private EvaluationReader() {}

  public static EvaluationResults read(JsonNode tree) {
    ResultsNode root = ResultsNode.root(tree);
    EvaluationResults.Settings settings = settings(root.object(SETTINGS));
    double level = settings.ciLevel();
    return new EvaluationResults(
        root.integer(SCHEMA_VERSION),
        cohort(root.object(COHORT)),
        List.copyOf(root.map(MODELS, m -> model(m, level)).entrySet().stream()
            .map(e -> e.getValue().named(e.getKey())).toList()),
        root.list(COMPARISONS, c -> comparison(c, level)),
        root.map(READERS, r -> r).entrySet().stream()
            .map(e -> new ReaderResult(e.getKey(), e.getValue().integer(EXCLUDED_MISSING), metrics(e.getValue(), level)))
            .toList(),
        root.list(DECISION_COMPARISONS, c -> decisionComparison(c, level)),
        root.strings(NOTES),
        settings,
        provenance(root.object(PROVENANCE)));
  }

  /** "provenance", as every command writes it. */
  static Provenance provenance(ResultsNode p) {
    return new Provenance(p.string(RADTRIAL_VERSION), p.string(INPUT_FILE), p.string(INPUT_SHA256), p.longInteger(SEED),
        p.string(COMMAND), p.string(JAVA_VERSION), p.string(CREATED_AT));
  }

  private static EvaluationResults.CohortSummary cohort(ResultsNode c) {
    ResultsNode truth = c.object(TRUTH);
    return new EvaluationResults.CohortSummary(c.integer(CASES), c.integer(POSITIVES), c.integer(NEGATIVES), c.number(PREVALENCE),
        truth.string(COLUMN), truth.string(POSITIVE),
        c.map(METADATA, m -> new EvaluationResults.MetadataSummary(m.integer(DISTINCT_VALUES),
            m.has(COUNTS) ? m.map(COUNTS, ResultsNode::integer) : null)));
  }

  /** A model without its name, which is its key. */
  private record UnnamedModel(boolean higherIsPositive, int excludedMissing, AucEstimate auc, @Nullable AucEstimate bootstrapAuc,
      List<EvaluationResults.OperatingPointRow> operatingPoints, List<ModelResult.RocCurvePoint> roc) {
    EvaluationResults.Model named(String name) {
      return new EvaluationResults.Model(name, higherIsPositive, excludedMissing, auc, bootstrapAuc, operatingPoints, roc);
    }
  }

  private static UnnamedModel model(ResultsNode m, double level) {
    return new UnnamedModel(m.bool(HIGHER_IS_POSITIVE), m.integer(EXCLUDED_MISSING), auc(m.object(AUC), level),
        m.has(AUC_BOOTSTRAP) ? auc(m.object(AUC_BOOTSTRAP), level) : null,
        m.list(OPERATING_POINTS, p -> new EvaluationResults.OperatingPointRow(p.string(RULE), p.number(THRESHOLD), p.string(DECISION),
            metrics(p, level))),
        m.list(ROC, p -> new ModelResult.RocCurvePoint(p.number(THRESHOLD), p.number(SENSITIVITY), p.number(SPECIFICITY),
            p.interval(SENSITIVITY_CI, level))));
  }

  private static AucEstimate auc(ResultsNode a, double level) {
    return new AucEstimate(a.number(ESTIMATE), a.number(SE), a.interval(CI, level), a.string(METHOD), a.integer(POSITIVES),
        a.integer(NEGATIVES));
  }

  private static DecisionMetrics metrics(ResultsNode m, double level) {
    ConfusionCounts counts = new ConfusionCounts(m.integer(TP), m.integer(FN), m.integer(TN), m.integer(FP));
    return new DecisionMetrics(counts, proportion(m.object(SENSITIVITY), level), proportion(m.object(SPECIFICITY), level),
        proportion(m.object(PPV), level), proportion(m.object(NPV), level), proportion(m.object(RECALL_RATE), level));
  }

  static Proportion proportion(ResultsNode p, double level) {
    return new Proportion(p.integer(SUCCESSES), p.integer(TRIALS), p.number(ESTIMATE), p.interval(CI, level), ciMethod(p, METHOD));
  }

  private static CiMethod ciMethod(ResultsNode node, String key) {
    String label = node.string(key);
    for (CiMethod m : CiMethod.values()) {
      if (m.label().equals(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException("results.json: " + node.pointer() + "/" + key + " is '" + label + "', not one of "
        + java.util.Arrays.stream(CiMethod.values()).map(CiMethod::label).toList());
  }

  private static AucComparison comparison(ResultsNode c, double level) {
    List<String> models = c.strings(MODELS);
    DeLong.PairedAucTest test = new DeLong.PairedAucTest(c.number(AUC_A), c.number(AUC_B), c.number(AUC_DIFFERENCE), c.number(SE),
        c.interval(CI, level), c.number(Z), c.number(P), c.integer(POSITIVES), c.integer(NEGATIVES));
    return new AucComparison(models.get(0), models.get(1), test, c.number(P_HOLM));
  }

  private static EvaluationResults.DecisionComparisonRow decisionComparison(ResultsNode c, double level) {
    List<String> makers = c.strings(DECISION_MAKERS);
    return new EvaluationResults.DecisionComparisonRow(c.string(RULE), makers.get(0), makers.get(1),
        pairedRate(c.objectOrNull(SENSITIVITY), level), pairedRate(c.objectOrNull(SPECIFICITY), level));
  }

  private static @Nullable PairedRateComparison pairedRate(@Nullable ResultsNode r, double level) {
    if (r == null) {
      return null;
    }
    ResultsNode ni = r.objectOrNull(NON_INFERIORITY);
    return new PairedRateComparison(r.integer(CASES), r.number(FIRST), r.number(SECOND), r.number(DIFFERENCE), r.interval(CI, level),
        r.integer(ONLY_FIRST_CORRECT), r.integer(ONLY_SECOND_CORRECT), r.number(MCNEMAR_EXACT_P),
        ni == null ? null : new PairedRateComparison.NonInferiority(ni.number(MARGIN), ni.number(P), ni.bool(NON_INFERIOR)));
  }

  private static EvaluationResults.Settings settings(ResultsNode s) {
    return new EvaluationResults.Settings(s.number(CI_LEVEL), s.integer(BOOTSTRAP_REPLICATES), s.longInteger(SEED),
        ciMethod(s, PROPORTION_CI), s.strings(OPERATING_POINTS), s.number(NON_INFERIORITY_MARGIN),
        MissingPolicy.valueOf(s.string(MISSING).toUpperCase(Locale.ROOT)), s.strings(LOWER_IS_POSITIVE));
  }
}

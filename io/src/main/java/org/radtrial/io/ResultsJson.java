package org.radtrial.io;

import static org.radtrial.io.ResultsKeys.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.binary.Proportion;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.evaluate.AucComparison;
import org.radtrial.core.evaluate.DecisionComparison;
import org.radtrial.core.evaluate.DecisionMetrics;
import org.radtrial.core.evaluate.EvaluationResult;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.evaluate.ModelResult;
import org.radtrial.core.evaluate.OperatingPoint;
import org.radtrial.core.evaluate.OperatingPointRule;
import org.radtrial.core.evaluate.PairedRateComparison;
import org.radtrial.core.evaluate.ReaderResult;
import org.radtrial.core.roc.AucEstimate;
import org.radtrial.core.stat.Interval;

/**
 * Writes an evaluation as results.json, the stable contract documented in docs/results-schema.md.
 * The JSON is built explicitly, key by key, so renaming a Java field can never change the contract.
 * Non-finite numbers (an undefined PPV, the +∞ threshold of the ROC curve's first point) are null.
 */
public final class ResultsJson {
  /** Version of the results.json layout; raised when a key changes meaning or disappears. */
  public static final int SCHEMA_VERSION = 1;

  /** Metadata columns with more distinct values than this are summarised by their count only. */
  private static final int MAX_LEVELS = 50;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Checks registered on the classpath (none in production; the schema validation in tests). */
  private static final List<ResultsCheck> CHECKS = ServiceLoader.load(ResultsCheck.class, ResultsCheck.class.getClassLoader())
      .stream().map(ServiceLoader.Provider::get).toList();

  private ResultsJson() {}

  /** The JSON text of a result. */
  public static String toJson(EvaluationResult result, Cohort cohort, CaseTableSpec input, Provenance provenance) {
    return text(tree(result, cohort, input, provenance));
  }

  /** The JSON tree of a result, to which a command may add its own section (for example "audit"). */
  public static ObjectNode tree(EvaluationResult result, Cohort cohort, CaseTableSpec input, Provenance provenance) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put(ResultsKeys.SCHEMA_VERSION, SCHEMA_VERSION);
    root.set(COHORT, cohort(result, cohort, input));
    ObjectNode models = root.putObject(MODELS);
    for (ModelResult model : result.models()) {
      models.set(model.name(), model(model));
    }
    ArrayNode comparisons = root.putArray(COMPARISONS);
    for (AucComparison c : result.comparisons()) {
      comparisons.add(comparison(c));
    }
    ObjectNode readers = root.putObject(READERS);
    for (ReaderResult reader : result.readers()) {
      ObjectNode node = metrics(reader.metrics());
      node.put(EXCLUDED_MISSING, reader.excludedMissing());
      readers.set(reader.name(), node);
    }
    ArrayNode decisions = root.putArray(DECISION_COMPARISONS);
    for (DecisionComparison c : result.decisionComparisons()) {
      decisions.add(decisionComparison(c));
    }
    ArrayNode notes = root.putArray(NOTES);
    result.notes().forEach(notes::add);
    root.set(SETTINGS, settings(result.spec(), input));
    root.set(PROVENANCE, provenance(provenance));
    return root;
  }

  /**
   * Indented JSON text with a final newline: the one place results.json text is made, for every
   * command. Each registered {@link ResultsCheck} sees the text first.
   */
  public static String text(ObjectNode root) {
    String text;
    try {
      text = MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
    for (ResultsCheck check : CHECKS) {
      check.check(text);
    }
    return text;
  }

  /** A new empty object node, for sections built elsewhere. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  private static ObjectNode cohort(EvaluationResult result, Cohort cohort, CaseTableSpec input) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(CASES, result.cases());
    node.put(POSITIVES, result.positives());
    node.put(NEGATIVES, result.negatives());
    node.put(PREVALENCE, result.positives() / (double) result.cases());
    ObjectNode truth = node.putObject(TRUTH);
    truth.put(COLUMN, input.truthColumn());
    truth.put(POSITIVE, input.positiveValue());
    ObjectNode metadata = node.putObject(METADATA);
    for (Map.Entry<String, List<String>> column : cohort.metadata().entrySet()) {
      Map<String, Integer> levels = new TreeMap<>();
      for (String value : column.getValue()) {
        levels.merge(value, 1, Integer::sum);
      }
      ObjectNode summary = metadata.putObject(column.getKey());
      summary.put(DISTINCT_VALUES, levels.size());
      if (levels.size() <= MAX_LEVELS) {
        ObjectNode counts = summary.putObject(COUNTS);
        levels.forEach(counts::put);
      }
    }
    return node;
  }

  private static ObjectNode model(ModelResult model) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(HIGHER_IS_POSITIVE, model.higherIsPositive());
    node.put(EXCLUDED_MISSING, model.excludedMissing());
    node.set(AUC, auc(model.auc()));
    if (model.bootstrapAuc() != null) {
      node.set(AUC_BOOTSTRAP, auc(model.bootstrapAuc()));
    }
    ArrayNode points = node.putArray(OPERATING_POINTS);
    for (OperatingPoint point : model.operatingPoints()) {
      ObjectNode p = metrics(point.metrics());
      p.put(RULE, point.rule().describe());
      number(p, THRESHOLD, point.threshold());
      p.put(DECISION, point.decision());
      points.add(p);
    }
    ArrayNode roc = node.putArray(ROC);
    for (ModelResult.RocCurvePoint point : model.roc()) {
      ObjectNode p = roc.addObject();
      number(p, THRESHOLD, point.threshold());
      p.put(SENSITIVITY, point.sensitivity());
      p.put(SPECIFICITY, point.specificity());
      p.set(SENSITIVITY_CI, interval(point.sensitivityCi()));
    }
    return node;
  }

  private static ObjectNode auc(AucEstimate estimate) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(ESTIMATE, estimate.estimate());
    node.set(CI, interval(estimate.ci()));
    number(node, SE, estimate.standardError());
    node.put(METHOD, estimate.method());
    node.put(POSITIVES, estimate.positives());
    node.put(NEGATIVES, estimate.negatives());
    return node;
  }

  private static ObjectNode comparison(AucComparison c) {
    ObjectNode node = MAPPER.createObjectNode();
    node.putArray(MODELS).add(c.modelA()).add(c.modelB());
    number(node, AUC_A, c.test().aucA());
    number(node, AUC_B, c.test().aucB());
    number(node, AUC_DIFFERENCE, c.test().difference());
    node.set(CI, interval(c.test().ci()));
    number(node, SE, c.test().standardError());
    number(node, Z, c.test().z());
    number(node, P, c.test().p());
    number(node, P_HOLM, c.pHolm());
    node.put(METHOD, "DeLong paired");
    node.put(POSITIVES, c.test().positives());
    node.put(NEGATIVES, c.test().negatives());
    return node;
  }

  private static ObjectNode metrics(DecisionMetrics m) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(TP, m.counts().truePositives());
    node.put(FP, m.counts().falsePositives());
    node.put(TN, m.counts().trueNegatives());
    node.put(FN, m.counts().falseNegatives());
    node.set(SENSITIVITY, proportion(m.sensitivity()));
    node.set(SPECIFICITY, proportion(m.specificity()));
    node.set(PPV, proportion(m.ppv()));
    node.set(NPV, proportion(m.npv()));
    node.set(RECALL_RATE, proportion(m.recallRate()));
    return node;
  }

  private static ObjectNode proportion(Proportion p) {
    ObjectNode node = MAPPER.createObjectNode();
    number(node, ESTIMATE, p.estimate());
    node.set(CI, interval(p.ci()));
    node.put(SUCCESSES, p.successes());
    node.put(TRIALS, p.trials());
    node.put(METHOD, p.method().label());
    return node;
  }

  private static ObjectNode decisionComparison(DecisionComparison c) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(RULE, c.rule().describe());
    node.putArray(DECISION_MAKERS).add(c.first()).add(c.second());
    node.set(SENSITIVITY, pairedRate(c.sensitivity()));
    node.set(SPECIFICITY, pairedRate(c.specificity()));
    return node;
  }

  private static JsonNode pairedRate(@Nullable PairedRateComparison c) {
    if (c == null) {
      return NullNode.getInstance();
    }
    ObjectNode node = MAPPER.createObjectNode();
    node.put(CASES, c.cases());
    node.put(FIRST, c.first());
    node.put(SECOND, c.second());
    node.put(DIFFERENCE, c.difference());
    node.set(CI, interval(c.ci()));
    node.put(CI_METHOD, "Tango score");
    node.put(ONLY_FIRST_CORRECT, c.onlyFirstCorrect());
    node.put(ONLY_SECOND_CORRECT, c.onlySecondCorrect());
    node.put(MCNEMAR_EXACT_P, c.mcnemarP());
    if (c.nonInferiority() != null) {
      ObjectNode ni = node.putObject(NON_INFERIORITY);
      ni.put(MARGIN, c.nonInferiority().margin());
      ni.put(P, c.nonInferiority().p());
      ni.put(NON_INFERIOR, c.nonInferiority().nonInferior());
      ni.put(METHOD, "Tango score test, one-sided");
    }
    return node;
  }

  private static ObjectNode settings(EvaluationSpec spec, CaseTableSpec input) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(CI_LEVEL, spec.ciLevel());
    node.put(BOOTSTRAP_REPLICATES, spec.bootstrapReplicates());
    node.put(SEED, spec.seed());
    node.put(PROPORTION_CI, spec.proportionCi().label());
    ArrayNode rules = node.putArray(OPERATING_POINTS);
    for (OperatingPointRule rule : spec.operatingPoints()) {
      rules.add(rule.describe());
    }
    number(node, NON_INFERIORITY_MARGIN, spec.nonInferiorityMargin());
    node.put(MISSING, input.missing().name().toLowerCase(java.util.Locale.ROOT));
    ArrayNode lower = node.putArray(LOWER_IS_POSITIVE);
    input.models().stream().filter(input.lowerIsPositive()::contains).forEach(lower::add);
    return node;
  }

  static ObjectNode provenanceNode(Provenance p) {
    return provenance(p);
  }

  private static ObjectNode provenance(Provenance p) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(RADTRIAL_VERSION, p.radtrialVersion());
    node.put(INPUT_FILE, p.inputFile());
    node.put(INPUT_SHA256, p.inputSha256());
    node.put(SEED, p.seed());
    node.put(COMMAND, p.command());
    node.put(JAVA_VERSION, p.javaVersion());
    node.put(CREATED_AT, p.createdAt());
    return node;
  }

  /** [lower, upper], or null when there is no interval. */
  static JsonNode interval(@Nullable Interval ci) {
    if (ci == null) {
      return NullNode.getInstance();
    }
    return MAPPER.createArrayNode().add(ci.lower()).add(ci.upper());
  }

  static void number(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }
}

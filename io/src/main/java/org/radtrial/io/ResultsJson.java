package org.radtrial.io;

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
    root.put("schema_version", SCHEMA_VERSION);
    root.set("cohort", cohort(result, cohort, input));
    ObjectNode models = root.putObject("models");
    for (ModelResult model : result.models()) {
      models.set(model.name(), model(model));
    }
    ArrayNode comparisons = root.putArray("comparisons");
    for (AucComparison c : result.comparisons()) {
      comparisons.add(comparison(c));
    }
    ObjectNode readers = root.putObject("readers");
    for (ReaderResult reader : result.readers()) {
      ObjectNode node = metrics(reader.metrics());
      node.put("excluded_missing", reader.excludedMissing());
      readers.set(reader.name(), node);
    }
    ArrayNode decisions = root.putArray("decision_comparisons");
    for (DecisionComparison c : result.decisionComparisons()) {
      decisions.add(decisionComparison(c));
    }
    ArrayNode notes = root.putArray("notes");
    result.notes().forEach(notes::add);
    root.set("settings", settings(result.spec(), input));
    root.set("provenance", provenance(provenance));
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
    node.put("cases", result.cases());
    node.put("positives", result.positives());
    node.put("negatives", result.negatives());
    node.put("prevalence", result.positives() / (double) result.cases());
    ObjectNode truth = node.putObject("truth");
    truth.put("column", input.truthColumn());
    truth.put("positive", input.positiveValue());
    ObjectNode metadata = node.putObject("metadata");
    for (Map.Entry<String, List<String>> column : cohort.metadata().entrySet()) {
      Map<String, Integer> levels = new TreeMap<>();
      for (String value : column.getValue()) {
        levels.merge(value, 1, Integer::sum);
      }
      ObjectNode summary = metadata.putObject(column.getKey());
      summary.put("distinct_values", levels.size());
      if (levels.size() <= MAX_LEVELS) {
        ObjectNode counts = summary.putObject("counts");
        levels.forEach(counts::put);
      }
    }
    return node;
  }

  private static ObjectNode model(ModelResult model) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("higher_is_positive", model.higherIsPositive());
    node.put("excluded_missing", model.excludedMissing());
    node.set("auc", auc(model.auc()));
    if (model.bootstrapAuc() != null) {
      node.set("auc_bootstrap", auc(model.bootstrapAuc()));
    }
    ArrayNode points = node.putArray("operating_points");
    for (OperatingPoint point : model.operatingPoints()) {
      ObjectNode p = metrics(point.metrics());
      p.put("rule", point.rule().describe());
      number(p, "threshold", point.threshold());
      p.put("decision", point.decision());
      points.add(p);
    }
    ArrayNode roc = node.putArray("roc");
    for (ModelResult.RocCurvePoint point : model.roc()) {
      ObjectNode p = roc.addObject();
      number(p, "threshold", point.threshold());
      p.put("sensitivity", point.sensitivity());
      p.put("specificity", point.specificity());
      p.set("sensitivity_ci", interval(point.sensitivityCi()));
    }
    return node;
  }

  private static ObjectNode auc(AucEstimate estimate) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("estimate", estimate.estimate());
    node.set("ci", interval(estimate.ci()));
    number(node, "se", estimate.standardError());
    node.put("method", estimate.method());
    node.put("positives", estimate.positives());
    node.put("negatives", estimate.negatives());
    return node;
  }

  private static ObjectNode comparison(AucComparison c) {
    ObjectNode node = MAPPER.createObjectNode();
    node.putArray("models").add(c.modelA()).add(c.modelB());
    number(node, "auc_a", c.test().aucA());
    number(node, "auc_b", c.test().aucB());
    number(node, "auc_difference", c.test().difference());
    node.set("ci", interval(c.test().ci()));
    number(node, "se", c.test().standardError());
    number(node, "z", c.test().z());
    number(node, "p", c.test().p());
    number(node, "p_holm", c.pHolm());
    node.put("method", "DeLong paired");
    node.put("positives", c.test().positives());
    node.put("negatives", c.test().negatives());
    return node;
  }

  private static ObjectNode metrics(DecisionMetrics m) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("tp", m.counts().truePositives());
    node.put("fp", m.counts().falsePositives());
    node.put("tn", m.counts().trueNegatives());
    node.put("fn", m.counts().falseNegatives());
    node.set("sensitivity", proportion(m.sensitivity()));
    node.set("specificity", proportion(m.specificity()));
    node.set("ppv", proportion(m.ppv()));
    node.set("npv", proportion(m.npv()));
    node.set("recall_rate", proportion(m.recallRate()));
    return node;
  }

  private static ObjectNode proportion(Proportion p) {
    ObjectNode node = MAPPER.createObjectNode();
    number(node, "estimate", p.estimate());
    node.set("ci", interval(p.ci()));
    node.put("successes", p.successes());
    node.put("trials", p.trials());
    node.put("method", p.method().label());
    return node;
  }

  private static ObjectNode decisionComparison(DecisionComparison c) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rule", c.rule().describe());
    node.putArray("decision_makers").add(c.first()).add(c.second());
    node.set("sensitivity", pairedRate(c.sensitivity()));
    node.set("specificity", pairedRate(c.specificity()));
    return node;
  }

  private static JsonNode pairedRate(PairedRateComparison c) {
    if (c == null) {
      return NullNode.getInstance();
    }
    ObjectNode node = MAPPER.createObjectNode();
    node.put("cases", c.cases());
    node.put("first", c.first());
    node.put("second", c.second());
    node.put("difference", c.difference());
    node.set("ci", interval(c.ci()));
    node.put("ci_method", "Tango score");
    node.put("only_first_correct", c.onlyFirstCorrect());
    node.put("only_second_correct", c.onlySecondCorrect());
    node.put("mcnemar_exact_p", c.mcnemarP());
    if (c.nonInferiority() != null) {
      ObjectNode ni = node.putObject("non_inferiority");
      ni.put("margin", c.nonInferiority().margin());
      ni.put("p", c.nonInferiority().p());
      ni.put("non_inferior", c.nonInferiority().nonInferior());
      ni.put("method", "Tango score test, one-sided");
    }
    return node;
  }

  private static ObjectNode settings(EvaluationSpec spec, CaseTableSpec input) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("ci_level", spec.ciLevel());
    node.put("bootstrap_replicates", spec.bootstrapReplicates());
    node.put("seed", spec.seed());
    node.put("proportion_ci", spec.proportionCi().label());
    ArrayNode rules = node.putArray("operating_points");
    for (OperatingPointRule rule : spec.operatingPoints()) {
      rules.add(rule.describe());
    }
    number(node, "non_inferiority_margin", spec.nonInferiorityMargin());
    node.put("missing", input.missing().name().toLowerCase(java.util.Locale.ROOT));
    ArrayNode lower = node.putArray("lower_is_positive");
    input.models().stream().filter(input.lowerIsPositive()::contains).forEach(lower::add);
    return node;
  }

  static ObjectNode provenanceNode(Provenance p) {
    return provenance(p);
  }

  private static ObjectNode provenance(Provenance p) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("radtrial_version", p.radtrialVersion());
    node.put("input_file", p.inputFile());
    node.put("input_sha256", p.inputSha256());
    node.put("seed", p.seed());
    node.put("command", p.command());
    node.put("java_version", p.javaVersion());
    node.put("created_at", p.createdAt());
    return node;
  }

  /** [lower, upper], or null when there is no interval. */
  static JsonNode interval(Interval ci) {
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

package org.radtrial.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.mrmc.CurvePoint;
import org.radtrial.core.mrmc.Generalization;
import org.radtrial.core.mrmc.ModalityDifference;
import org.radtrial.core.mrmc.MrmcResult;
import org.radtrial.core.mrmc.MrmcSpec;
import org.radtrial.core.mrmc.PlanResult;
import org.radtrial.core.mrmc.PowerEstimate;
import org.radtrial.core.mrmc.ReaderCurve;
import org.radtrial.core.mrmc.StudyBlock;

/**
 * Writes an MRMC analysis as results.json: an "mrmc" section, "settings" and "provenance", key by key
 * as docs/mrmc.md documents them (the JSON is built explicitly so that renaming a Java field cannot
 * change it). Non-finite numbers, such as infinite degrees of freedom and the +∞ threshold of a ROC
 * curve's first point, are null.
 */
public final class MrmcResultsJson {
  /** Version of the layout of the "mrmc" section; raised when a key changes meaning or disappears. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MrmcResultsJson() {}

  /**
   * The JSON text (made by {@link ResultsJson#text}, like every results.json).
   *
   * @param input how the ratings were read
   * @param format the format they were read in
   * @param provenance where the result came from (its seed is not used: the analysis has no random
   *     numbers, and "seed" is written as null)
   */
  public static String toJson(MrmcResult result, RatingsSpec input, RatingsFormat format, Provenance provenance) {
    return ResultsJson.text(tree(result, input, format, provenance));
  }

  /** The results.json tree of a reader study. */
  public static ObjectNode tree(MrmcResult result, RatingsSpec input, RatingsFormat format, Provenance provenance) {
    MrmcAnalysisJson analyses = new MrmcAnalysisJson(MAPPER);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    ObjectNode mrmc = root.putObject("mrmc");
    mrmc.set("design", design(result));
    ArrayNode comparisons = mrmc.putArray("comparisons");
    String method = "Obuchowski-Rockette, " + result.auc().obuchowskiRockette().covarianceMethod().label()
        + " covariance, Hillis ddf, random readers and cases";
    for (ModalityDifference d : result.auc().obuchowskiRockette().randomReadersRandomCases().differences()) {
      ObjectNode c = analyses.difference(d);
      c.put("method", method);
      comparisons.add(c);
    }
    ArrayNode readers = mrmc.putArray("readers");
    for (ReaderCurve curve : result.curves()) {
      readers.add(curve(curve));
    }
    mrmc.set("auc", analyses.analysis(result.auc()));
    if (result.sensitivity() != null) {
      mrmc.set("sensitivity", analyses.analysis(result.sensitivity()));
      mrmc.set("specificity", analyses.analysis(java.util.Objects.requireNonNull(result.specificity())));
    }
    if (result.plan() != null) {
      mrmc.set("sample_size", plan(result.plan()));
    }
    root.set("settings", settings(result.spec(), input, format));
    root.set("provenance", provenance(provenance));
    return root;
  }

  /** Writes results.json atomically into {@code directory}, returning its path. */
  public static Path write(Path directory, MrmcResult result, RatingsSpec input, RatingsFormat format,
      Provenance provenance) {
    Path target = directory.resolve("results.json");
    AtomicFiles.writeString(target, toJson(result, input, format, provenance));
    return target;
  }

  private static ObjectNode design(MrmcResult r) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode modalities = node.putArray("modalities");
    r.modalities().forEach(modalities::add);
    ArrayNode readers = node.putArray("readers");
    r.readers().forEach(readers::add);
    node.put("standalone_reader", r.standaloneReader());
    node.put("cases", r.cases());
    node.put("positives", r.positives());
    node.put("negatives", r.negatives());
    node.put("layout", r.isSplitPlot() ? "split-plot" : "fully crossed");
    ArrayNode blocks = node.putArray("blocks");
    for (StudyBlock b : r.blocks()) {
      ObjectNode block = blocks.addObject();
      ArrayNode names = block.putArray("readers");
      b.readers().forEach(names::add);
      block.put("cases", b.cases());
      block.put("positives", b.positives());
      block.put("negatives", b.negatives());
    }
    return node;
  }

  private static ObjectNode curve(ReaderCurve curve) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("modality", curve.modality());
    node.put("reader", curve.reader());
    node.put("auc", curve.auc());
    ArrayNode roc = node.putArray("roc");
    for (CurvePoint p : curve.points()) {
      ObjectNode point = roc.addObject();
      MrmcAnalysisJson.number(point, "threshold", p.threshold());
      point.put("sensitivity", p.sensitivity());
      point.put("specificity", p.specificity());
    }
    return node;
  }

  private static ObjectNode plan(PlanResult p) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("method", "Hillis, Obuchowski and Berbaum (2011)");
    node.put("effect", p.effect());
    node.put("effect_is_observed", p.observedEffect());
    node.put("alpha", p.alpha());
    node.put("target_power", p.targetPower());
    node.put("pilot_cases", p.pilotCases());
    ObjectNode pilot = node.putObject("pilot_components");
    MrmcAnalysisJson.number(pilot, "var_tr", p.pilot().varTR());
    MrmcAnalysisJson.number(pilot, "cov1", p.pilot().cov1());
    MrmcAnalysisJson.number(pilot, "cov2", p.pilot().cov2());
    MrmcAnalysisJson.number(pilot, "cov3", p.pilot().cov3());
    MrmcAnalysisJson.number(pilot, "var_error", p.pilot().varError());
    ArrayNode rows = node.putArray("plans");
    for (PlanResult.PlannedReaders row : p.rows()) {
      ObjectNode r = rows.addObject();
      r.put("readers", row.readers());
      power(r, Generalization.RANDOM_READERS_RANDOM_CASES, row.randomReadersRandomCases());
      power(r, Generalization.FIXED_READERS_RANDOM_CASES, row.fixedReadersRandomCases());
      power(r, Generalization.RANDOM_READERS_FIXED_CASES, row.randomReadersFixedCases());
    }
    return node;
  }

  private static void power(ObjectNode row, Generalization g, @Nullable PowerEstimate e) {
    String key = MrmcAnalysisJson.key(g);
    if (e == null) {
      row.putNull(key);
      return;
    }
    ObjectNode node = row.putObject(key);
    node.put("cases", e.cases());
    node.put("power", e.power());
    MrmcAnalysisJson.number(node, "ddf", e.ddf());
    node.put("noncentrality", e.noncentrality());
    node.put("critical_f", e.criticalValue());
  }

  private static ObjectNode settings(MrmcSpec spec, RatingsSpec input, RatingsFormat format) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("ci_level", spec.ciLevel());
    node.put("covariance", spec.covariance().label());
    MrmcAnalysisJson.number(node, "cut", spec.cut());
    node.put("input_format", format.name().toLowerCase(Locale.ROOT));
    if (format == RatingsFormat.TABLE) {
      ObjectNode columns = node.putObject("columns");
      columns.put("reader", input.readerColumn());
      columns.put("modality", input.modalityColumn());
      columns.put("case", input.caseColumn());
      columns.put("truth", input.truthColumn());
      columns.put("rating", input.ratingColumn());
      node.put("positive", input.positiveValue());
    }
    if (format != RatingsFormat.LRC) {
      node.put("lower_is_positive", input.lowerIsPositive());
    }
    node.put("standalone_reader", input.standaloneReader());
    if (spec.plan() != null) {
      ObjectNode plan = node.putObject("sample_size");
      ArrayNode readers = plan.putArray("readers");
      spec.plan().readers().forEach(readers::add);
      MrmcAnalysisJson.number(plan, "effect", spec.plan().effect());
      plan.put("alpha", spec.plan().alpha());
      plan.put("power", spec.plan().power());
      plan.put("max_cases", spec.plan().maxCases());
    }
    return node;
  }

  private static ObjectNode provenance(Provenance p) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("radtrial_version", p.radtrialVersion());
    node.put("input_file", p.inputFile());
    node.put("input_sha256", p.inputSha256());
    node.putNull("seed");
    node.put("command", p.command());
    node.put("java_version", p.javaVersion());
    node.put("created_at", p.createdAt());
    return node;
  }
}

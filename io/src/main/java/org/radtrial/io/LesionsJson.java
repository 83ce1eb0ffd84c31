package org.radtrial.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.radtrial.core.lesions.AfrocCurve;
import org.radtrial.core.lesions.CellResult;
import org.radtrial.core.lesions.FrocCurve;
import org.radtrial.core.lesions.FrocPoint;
import org.radtrial.core.lesions.GroupSensitivity;
import org.radtrial.core.lesions.HeadToHead;
import org.radtrial.core.lesions.LesionResult;
import org.radtrial.core.lesions.LocalizationFigure;
import org.radtrial.core.lesions.MatchCriterion;
import org.radtrial.core.lesions.ModelDifference;
import org.radtrial.core.lesions.RateDifference;
import org.radtrial.core.lesions.ModelEstimate;
import org.radtrial.core.mrmc.ModalityDifference;

/**
 * Writes a lesion-level analysis as results.json: a "lesions" section, "settings" and "provenance",
 * key by key as docs/lesions.md documents them. Non-finite numbers are null.
 */
public final class LesionsJson {
  /** Version of the layout of the "lesions" section. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LesionsJson() {}

  /**
   * The results.json tree.
   *
   * @param layout how the marks were given ("rjafroc": already classified NL and LL tables)
   * @param inputs each input file as named by the user and its SHA-256, in the order truth, NL, LL
   */
  public static ObjectNode tree(LesionResult result, String layout, String[][] inputs, Provenance provenance) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    ObjectNode lesions = root.putObject("lesions");
    ObjectNode design = lesions.putObject("design");
    design.put("cases", result.cases());
    design.put("normal_cases", result.normals());
    design.put("abnormal_cases", result.abnormals());
    design.put("lesions", result.lesions());
    ArrayNode modalities = design.putArray("modalities");
    result.modalities().forEach(modalities::add);
    ArrayNode readers = design.putArray("readers");
    result.readers().forEach(readers::add);
    design.put("layout", layout);
    design.putNull("matching");
    lesions.put("primary_figure", result.primary().label());
    ArrayNode readings = lesions.putArray("readings");
    for (CellResult c : result.cells()) {
      readings.add(reading(c));
    }
    MrmcAnalysisJson analyses = new MrmcAnalysisJson(MAPPER);
    if (result.readerStudy() == null) {
      lesions.putNull("reader_study");
      lesions.putArray("comparisons");
    } else {
      lesions.set("reader_study", analyses.analysis(result.readerStudy()));
      ArrayNode comparisons = lesions.putArray("comparisons");
      String method = "Obuchowski-Rockette, jackknife covariance, Hillis ddf, random readers and cases";
      for (ModalityDifference d : result.readerStudy().obuchowskiRockette().randomReadersRandomCases().differences()) {
        ObjectNode c = analyses.difference(d);
        c.put("figure_of_merit", result.primary().label());
        c.put("method", method);
        comparisons.add(c);
      }
    }
    ObjectNode settings = root.putObject("settings");
    settings.put("ci_level", result.ciLevel());
    ArrayNode files = settings.putArray("inputs");
    for (String[] f : inputs) {
      ObjectNode file = files.addObject();
      file.put("file", f[0]);
      file.put("sha256", f[1]);
    }
    ObjectNode origin = ResultsJson.provenanceNode(provenance);
    origin.putNull("seed");
    root.set("provenance", origin);
    return root;
  }

  /**
   * Records how marks were matched: "design"."matching" = {criterion, iou_threshold (box matching, else
   * null), second_marks: per model the marks set aside as second marks on an already-found lesion}.
   */
  public static void matching(ObjectNode tree, MatchCriterion criterion, Map<String, Integer> secondMarks) {
    ObjectNode design = (ObjectNode) tree.get("lesions").get("design");
    ObjectNode matching = design.putObject("matching");
    matching.put("criterion", criterion instanceof MatchCriterion.BoxIou ? "box_iou"
        : criterion instanceof MatchCriterion.InsideMask ? "inside_mask" : "centre_within_radius");
    matching.put("description", criterion.describe());
    if (criterion instanceof MatchCriterion.BoxIou b) {
      matching.put("iou_threshold", b.threshold());
    } else {
      matching.putNull("iou_threshold");
    }
    matching.put("several_marks_on_one_lesion", "highest confidence kept; the others neither hit nor false (LUNA16)");
    ObjectNode second = matching.putObject("second_marks");
    secondMarks.forEach(second::put);
  }

  /**
   * Adds the models' head-to-head (a one-modality study, its readers being models): "lesions"."models"
   * and "lesions"."model_comparisons", and the bootstrap's settings.
   */
  public static void models(ObjectNode tree, HeadToHead.Result h) {
    ObjectNode lesions = (ObjectNode) tree.get("lesions");
    ArrayNode models = lesions.putArray("models");
    for (ModelEstimate m : h.models()) {
      ObjectNode node = models.addObject();
      node.put("model", m.model());
      node.put("figure_of_merit", h.primary().label());
      MrmcAnalysisJson.number(node, "value", m.primary());
      node.set("ci", ResultsJson.interval(m.primaryCi()));
      MrmcAnalysisJson.number(node, "cpm", m.cpm());
      node.set("cpm_ci", ResultsJson.interval(m.cpmCi()));
      ArrayNode sens = node.putArray("sensitivity_at_false_marks");
      double[] s = m.sensitivity();
      for (int i = 0; i < s.length; i++) {
        ObjectNode point = sens.addObject();
        point.put("false_marks_per_case", FrocCurve.LUNA16_RATES[i]);
        MrmcAnalysisJson.number(point, "sensitivity", s[i]);
        point.set("ci", ResultsJson.interval(m.sensitivityCi().get(i)));
      }
    }
    ArrayNode pairs = lesions.putArray("model_comparisons");
    for (ModelDifference d : h.differences()) {
      ObjectNode node = pairs.addObject();
      node.putArray("models").add(d.first()).add(d.second());
      node.put("figure_of_merit", h.primary().label());
      MrmcAnalysisJson.number(node, "difference", d.primaryDifference());
      MrmcAnalysisJson.number(node, "se", d.standardError());
      MrmcAnalysisJson.number(node, "z", d.z());
      MrmcAnalysisJson.number(node, "p", d.p());
      MrmcAnalysisJson.number(node, "p_holm", d.pHolm());
      node.set("ci", ResultsJson.interval(d.primaryCi()));
      node.put("method", "jackknife standard error over cases, normal reference; Holm over every pair");
      MrmcAnalysisJson.number(node, "cpm_difference", d.cpmDifference());
      node.set("cpm_ci", ResultsJson.interval(d.cpmCi()));
      ArrayNode rates = node.putArray("sensitivity_differences");
      for (RateDifference r : d.sensitivity()) {
        ObjectNode at = rates.addObject();
        at.put("false_marks_per_case", r.rate());
        MrmcAnalysisJson.number(at, "difference", r.difference());
        at.set("ci", ResultsJson.interval(r.ci()));
        MrmcAnalysisJson.number(at, "se", r.standardError());
        MrmcAnalysisJson.number(at, "p", r.p());
        MrmcAnalysisJson.number(at, "p_holm", r.pHolm());
      }
    }
    ObjectNode settings = (ObjectNode) tree.get("settings");
    settings.put("bootstrap_replicates", h.replicates());
    settings.put("bootstrap", "percentile, cases resampled within normal and abnormal cases");
    ((ObjectNode) tree.get("provenance")).put("seed", h.seed());
  }

  /**
   * Adds lesion-level sensitivity per group: "lesions"."lesion_groups" = [{model, by ("size" | "type"),
   * group, lesions, found, sensitivity, ci}].
   */
  public static void groups(ObjectNode tree, String model, String by, List<GroupSensitivity.Value> values) {
    ObjectNode lesions = (ObjectNode) tree.get("lesions");
    ArrayNode groups = lesions.has("lesion_groups") ? (ArrayNode) lesions.get("lesion_groups")
        : lesions.putArray("lesion_groups");
    for (GroupSensitivity.Value v : values) {
      ObjectNode node = groups.addObject();
      node.put("model", model);
      node.put("by", by);
      node.put("group", v.group());
      node.put("lesions", v.lesions());
      node.put("found", v.found());
      MrmcAnalysisJson.number(node, "sensitivity", v.sensitivity());
      node.set("ci", ResultsJson.interval(v.ci()));
    }
  }

  /** Writes results.json atomically into {@code directory}, returning its path. */
  public static Path write(Path directory, ObjectNode tree) {
    Path target = directory.resolve("results.json");
    AtomicFiles.writeString(target, ResultsJson.text(tree));
    return target;
  }

  private static ObjectNode reading(CellResult c) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("modality", c.modality());
    node.put("reader", c.reader());
    ObjectNode figures = node.putObject("figures_of_merit");
    for (LocalizationFigure f : LocalizationFigure.values()) {
      MrmcAnalysisJson.number(figures, key(f), c.value(f));
    }
    FrocCurve froc = c.froc();
    ObjectNode curve = node.putObject("froc");
    MrmcAnalysisJson.number(curve, "max_llf", froc.endPoint().llf());
    MrmcAnalysisJson.number(curve, "max_nlf", froc.endPoint().nlf());
    ArrayNode points = curve.putArray("points");
    for (FrocPoint p : froc.points()) {
      ObjectNode point = points.addObject();
      MrmcAnalysisJson.number(point, "threshold", p.threshold());
      MrmcAnalysisJson.number(point, "nlf", p.nlf());
      MrmcAnalysisJson.number(point, "llf", p.llf());
    }
    AfrocCurve w = c.wafroc();
    if (w == null) {
      node.putNull("wafroc_curve");
    } else {
      ObjectNode wafroc = node.putObject("wafroc_curve");
      ArrayNode fpf = wafroc.putArray("fpf");
      ArrayNode llf = wafroc.putArray("llf");
      for (double v : w.fpf()) {
        fpf.add(v);
      }
      for (double v : w.llf()) {
        llf.add(v);
      }
    }
    ObjectNode luna = node.putObject("luna16");
    ArrayNode rates = luna.putArray("false_marks_per_case");
    ArrayNode sens = luna.putArray("sensitivity");
    double[] s = froc.luna16Sensitivities();
    for (int i = 0; i < s.length; i++) {
      rates.add(FrocCurve.LUNA16_RATES[i]);
      if (Double.isFinite(s[i])) {
        sens.add(s[i]);
      } else {
        sens.addNull();
      }
    }
    MrmcAnalysisJson.number(luna, "cpm", froc.cpm());
    return node;
  }

  /** The results.json key of a figure of merit. */
  public static String key(LocalizationFigure f) {
    return switch (f) {
      case WAFROC -> "wafroc";
      case AFROC -> "afroc";
      case WAFROC1 -> "wafroc1";
      case AFROC1 -> "afroc1";
      case INFERRED_ROC -> "inferred_roc_auc";
    };
  }
}

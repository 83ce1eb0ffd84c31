package org.radtrial.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.agreement.BlandAltmanResult;
import org.radtrial.core.agreement.ConcordanceResult;
import org.radtrial.core.agreement.IccResult;
import org.radtrial.core.paired.MethodSummary;
import org.radtrial.core.paired.PairComparison;
import org.radtrial.core.segment.EmptyMasks;
import org.radtrial.core.segment.MaskCase;
import org.radtrial.core.segment.PetQuantities;
import org.radtrial.core.segment.SegmentationMetric;
import org.radtrial.core.segment.SegmentationMetrics;
import org.radtrial.core.segment.SegmentationResult;

/**
 * Writes a segmentation study as results.json: a "segmentation" section, "settings" and
 * "provenance", key by key as docs/results-schema.md documents them. Non-finite numbers are null.
 */
public final class SegmentationJson {
  /** How the metrics are defined, written with every result. */
  public static final String DEFINITIONS = "surfaces, distances, HD95 and surface Dice as DeepMind's surface-distance"
      + " library (surface elements with areas, area-weighted percentile); empty masks as Metrics Reloaded (both empty:"
      + " best values; one empty: overlap 0, distances undefined and aggregated at the image diagonal)";

  private SegmentationJson() {}

  /**
   * The results.json tree.
   *
   * @param inputs each input as named by the user and its SHA-256: the case table, then every image file or
   *     series folder the cases read
   */
  public static ObjectNode tree(SegmentationResult result, String[][] inputs, Provenance provenance) {
    ObjectNode root = ResultsJson.object();
    root.put("schema_version", ResultsJson.SCHEMA_VERSION);
    ObjectNode section = root.putObject("segmentation");
    ObjectNode design = section.putObject("design");
    design.put("cases", result.cases().stream().map(MaskCase::caseId).distinct().count());
    strings(design.putArray("models"), result.models());
    ArrayNode labels = design.putArray("labels");
    result.labels().forEach(labels::add);
    design.put("tolerance_mm", result.toleranceMm());
    design.put("pet", result.hasPet());
    strings(design.putArray("groups"), result.groups());
    design.put("definitions", DEFINITIONS);
    ArrayNode byLabel = section.putArray("labels");
    for (SegmentationResult.LabelResult l : result.byLabel()) {
      byLabel.add(label(l));
    }
    ArrayNode cases = section.putArray("cases");
    for (MaskCase c : result.cases()) {
      cases.add(oneCase(c, result.models()));
    }
    ObjectNode settings = root.putObject("settings");
    settings.put("ci_level", result.level());
    settings.put("bootstrap_replicates", result.replicates());
    settings.put("bootstrap", "percentile intervals over resampled cases, models paired");
    com.fasterxml.jackson.databind.node.ArrayNode files = settings.putArray("inputs");
    for (String[] input : inputs) {
      ObjectNode file = files.addObject();
      file.put("file", input[0]);
      file.put("sha256", input[1]);
    }
    root.set("provenance", ResultsJson.provenanceNode(provenance));
    return root;
  }

  private static ObjectNode label(SegmentationResult.LabelResult l) {
    ObjectNode node = ResultsJson.object();
    node.put("label", l.label());
    node.put("cases", l.cases());
    ArrayNode models = node.putArray("models");
    for (SegmentationResult.ModelSummary m : l.models()) {
      ObjectNode model = models.addObject();
      model.put("model", m.model());
      ObjectNode empty = model.putObject("empty_masks");
      for (EmptyMasks e : EmptyMasks.values()) {
        empty.put(e.key(), m.empty().get(e));
      }
      model.put("undefined_relative_volume", m.undefinedRelativeVolume());
      ObjectNode metrics = model.putObject("metrics");
      for (SegmentationMetric metric : SegmentationMetric.values()) {
        MethodSummary s = m.metrics().get(metric);
        if (s != null) {
          metrics.set(metric.key(), summary(s));
        }
      }
    }
    ArrayNode comparisons = node.putArray("comparisons");
    for (SegmentationResult.MetricComparison c : l.comparisons()) {
      PairComparison p = c.pair();
      ObjectNode pair = comparisons.addObject();
      pair.put("metric", c.metric().key());
      pair.putArray("models").add(p.first()).add(p.second());
      pair.put("n", p.n());
      pair.put("left_out", p.leftOut());
      ResultsJson.number(pair, "mean_difference", p.meanDifference());
      pair.set("mean_difference_ci", ResultsJson.interval(p.meanDifferenceCi()));
      ResultsJson.number(pair, "median_difference", p.medianDifference());
      pair.set("median_difference_ci", ResultsJson.interval(p.medianDifferenceCi()));
      ResultsJson.number(pair, "wilcoxon_p", p.wilcoxon().p());
      ResultsJson.number(pair, "holm_p", p.holmP());
      if (p.favoured() < 0) {
        pair.putNull("favoured");
      } else {
        pair.put("favoured", p.favoured() == p.firstIndex() ? p.first() : p.second());
      }
    }
    ArrayNode worst = node.putArray("worst_cases");
    for (SegmentationResult.WorstCase w : l.worst()) {
      ObjectNode row = worst.addObject();
      row.put("model", w.model());
      row.put("case_id", w.caseId());
      ResultsJson.number(row, "dice", w.dice());
      ResultsJson.number(row, "hd95", w.hausdorff95());
      row.put("empty_masks", w.empty().key());
    }
    ArrayNode agreement = node.putArray("agreement");
    for (SegmentationResult.QuantityAgreement a : l.agreement()) {
      agreement.add(agreement(a));
    }
    ArrayNode subgroups = node.putArray("subgroups");
    for (SegmentationResult.SubgroupRow s : l.subgroups()) {
      ObjectNode row = subgroups.addObject();
      row.put("column", s.column());
      row.put("level", s.level());
      row.put("n", s.n());
      row.put("small", s.small());
      if (s.dice() == null) {
        row.putNull("dice");
      } else {
        ArrayNode dice = row.putArray("dice");
        for (MethodSummary m : s.dice()) {
          ObjectNode d = summary(m);
          d.put("model", m.name());
          dice.add(d);
        }
      }
    }
    return node;
  }

  private static ObjectNode agreement(SegmentationResult.QuantityAgreement a) {
    ObjectNode node = ResultsJson.object();
    node.put("quantity", a.quantity());
    node.put("model", a.model());
    BlandAltmanResult ba = a.blandAltman();
    if (ba == null) {
      node.putNull("bland_altman");
    } else {
      ObjectNode b = node.putObject("bland_altman");
      b.put("n", ba.n());
      b.put("left_out", ba.leftOut());
      ResultsJson.number(b, "bias", ba.bias());
      b.set("bias_ci", ResultsJson.interval(ba.biasCi()));
      ResultsJson.number(b, "sd", ba.sd());
      ResultsJson.number(b, "lower_limit", ba.lowerLimit());
      b.set("lower_limit_ci", ResultsJson.interval(ba.lowerLimitCi()));
      ResultsJson.number(b, "upper_limit", ba.upperLimit());
      b.set("upper_limit_ci", ResultsJson.interval(ba.upperLimitCi()));
      ResultsJson.number(b, "slope", ba.slope());
      b.set("slope_ci", ResultsJson.interval(ba.slopeCi()));
      ResultsJson.number(b, "slope_p", ba.slopeP());
    }
    IccResult icc = a.icc();
    if (icc == null) {
      node.putNull("icc");
    } else {
      ObjectNode i = node.putObject("icc");
      i.put("n", icc.n());
      ResultsJson.number(i, "value", icc.icc());
      i.set("ci", ResultsJson.interval(icc.ci()));
      ResultsJson.number(i, "p", icc.p());
    }
    ConcordanceResult ccc = a.concordance();
    if (ccc == null) {
      node.putNull("ccc");
    } else {
      ObjectNode c = node.putObject("ccc");
      c.put("n", ccc.n());
      ResultsJson.number(c, "value", ccc.ccc());
      c.set("ci", ResultsJson.interval(ccc.ci()));
      ResultsJson.number(c, "pearson", ccc.pearson());
      ResultsJson.number(c, "bias_correction", ccc.biasCorrection());
    }
    strings(node.putArray("notes"), a.notes());
    return node;
  }

  private static ObjectNode summary(MethodSummary s) {
    ObjectNode node = ResultsJson.object();
    node.put("n", s.n());
    node.put("missing", s.missing());
    ResultsJson.number(node, "mean", s.mean());
    node.set("mean_ci", ResultsJson.interval(s.meanCi()));
    ResultsJson.number(node, "median", s.median());
    node.set("median_ci", ResultsJson.interval(s.medianCi()));
    ResultsJson.number(node, "sd", s.sd());
    return node;
  }

  private static ObjectNode oneCase(MaskCase c, List<String> models) {
    ObjectNode node = ResultsJson.object();
    node.put("case_id", c.caseId());
    node.put("label", c.label());
    ObjectNode groups = node.putObject("groups");
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(c.groups()).entrySet()) {
      groups.put(e.getKey(), e.getValue());
    }
    SegmentationMetrics first = c.models().get(0);
    ResultsJson.number(node, "reference_ml", first.referenceMl());
    ResultsJson.number(node, "worst_distance_mm", first.worstDistanceMm());
    pet(node, "reference_pet", c.referencePet());
    ArrayNode out = node.putArray("models");
    for (int m = 0; m < models.size(); m++) {
      SegmentationMetrics s = c.models().get(m);
      ObjectNode model = out.addObject();
      model.put("model", models.get(m));
      model.put("empty_masks", s.empty().key());
      ResultsJson.number(model, "prediction_ml", s.predictionMl());
      for (SegmentationMetric metric : SegmentationMetric.values()) {
        ResultsJson.number(model, metric.key(), s.value(metric));
      }
      pet(model, "pet", c.modelPet().isEmpty() ? null : c.modelPet().get(m));
    }
    return node;
  }

  private static void pet(ObjectNode node, String key, @Nullable PetQuantities q) {
    if (q == null) {
      node.putNull(key);
      return;
    }
    ObjectNode p = node.putObject(key);
    p.put("voxels", q.voxels());
    ResultsJson.number(p, "suv_max", q.suvMax());
    ResultsJson.number(p, "suv_peak", q.suvPeak());
    ResultsJson.number(p, "suv_mean", q.suvMean());
    ResultsJson.number(p, "mtv_ml", q.mtvMl());
    ResultsJson.number(p, "tlg", q.tlg());
  }

  private static void strings(ArrayNode into, List<String> values) {
    values.forEach(into::add);
  }
}

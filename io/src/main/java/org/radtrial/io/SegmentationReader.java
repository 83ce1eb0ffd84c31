package org.radtrial.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.segment.EmptyMasks;
import org.radtrial.core.segment.PetQuantities;
import org.radtrial.core.segment.SegmentationMetric;

/** Reads the "segmentation" section of a results.json; errors name the JSON pointer. */
public final class SegmentationReader {
  private SegmentationReader() {}

  public static SegmentationResults read(JsonNode root) {
    ResultsNode r = ResultsNode.root(root);
    double level = r.object("settings").number("ci_level");
    ResultsNode s = r.object("segmentation");
    ResultsNode d = s.object("design");
    return new SegmentationResults(d.longInteger("cases"), d.strings("models"), d.list("labels", ResultsNode::integer),
        d.number("tolerance_mm"), d.bool("pet"), d.strings("groups"), s.list("labels", l -> label(l, level)),
        s.list("cases", SegmentationReader::oneCase));
  }

  private static SegmentationResults.Label label(ResultsNode l, double level) {
    return new SegmentationResults.Label(l.integer("label"), l.integer("cases"),
        l.list("models", m -> {
          Map<EmptyMasks, Integer> empty = new EnumMap<>(EmptyMasks.class);
          m.map("empty_masks", ResultsNode::integer).forEach((k, v) -> empty.put(EmptyMasks.ofKey(k), v));
          Map<SegmentationMetric, SegmentationResults.Summary> metrics = new EnumMap<>(SegmentationMetric.class);
          m.map("metrics", x -> summary(x, level)).forEach((k, v) -> metrics.put(SegmentationMetric.ofKey(k), v));
          return new SegmentationResults.Model(m.string("model"), empty, m.integer("undefined_relative_volume"), metrics);
        }),
        l.list("comparisons", c -> {
          List<String> models = c.strings("models");
          return new SegmentationResults.Comparison(SegmentationMetric.ofKey(c.string("metric")), models.get(0),
              models.get(1), c.integer("n"), c.integer("left_out"), c.number("mean_difference"),
              c.interval("mean_difference_ci", level), c.number("median_difference"),
              c.interval("median_difference_ci", level), c.number("wilcoxon_p"), c.number("holm_p"),
              c.stringOrNull("favoured"));
        }),
        l.list("worst_cases", w -> new SegmentationResults.Worst(w.string("model"), w.string("case_id"), w.number("dice"),
            w.number("hd95"), EmptyMasks.ofKey(w.string("empty_masks")))),
        l.list("agreement", a -> agreement(a, level)),
        l.list("subgroups", g -> {
          Map<String, SegmentationResults.Summary> dice = null;
          if (!g.isNull("dice")) {
            Map<String, SegmentationResults.Summary> m = new LinkedHashMap<>();
            for (ResultsNode x : g.list("dice", x -> x)) {
              m.put(x.string("model"), summary(x, level));
            }
            dice = m;
          }
          return new SegmentationResults.Subgroup(g.string("column"), g.string("level"), g.integer("n"), g.bool("small"),
              dice);
        }));
  }

  private static SegmentationResults.Agreement agreement(ResultsNode a, double level) {
    ResultsNode ba = a.objectOrNull("bland_altman");
    ResultsNode icc = a.objectOrNull("icc");
    ResultsNode ccc = a.objectOrNull("ccc");
    double nan = Double.NaN;
    return new SegmentationResults.Agreement(a.string("quantity"), a.string("model"), ba == null ? 0 : ba.integer("n"),
        ba == null ? nan : ba.number("bias"), ba == null ? null : ba.interval("bias_ci", level),
        ba == null ? nan : ba.number("lower_limit"), ba == null ? null : ba.interval("lower_limit_ci", level),
        ba == null ? nan : ba.number("upper_limit"), ba == null ? null : ba.interval("upper_limit_ci", level),
        icc == null ? nan : icc.number("value"), icc == null ? null : icc.interval("ci", level),
        ccc == null ? nan : ccc.number("value"), ccc == null ? null : ccc.interval("ci", level), a.strings("notes"));
  }

  private static SegmentationResults.Summary summary(ResultsNode s, double level) {
    return new SegmentationResults.Summary(s.integer("n"), s.integer("missing"), s.number("mean"),
        s.interval("mean_ci", level), s.number("median"), s.interval("median_ci", level), s.number("sd"));
  }

  private static SegmentationResults.Case oneCase(ResultsNode c) {
    Map<String, String> groups = c.map("groups", ResultsNode::text);
    return new SegmentationResults.Case(c.string("case_id"), c.integer("label"), groups, c.number("reference_ml"),
        c.number("worst_distance_mm"), pet(c, "reference_pet"), c.list("models", m -> {
          Map<SegmentationMetric, Double> values = new EnumMap<>(SegmentationMetric.class);
          for (SegmentationMetric metric : SegmentationMetric.values()) {
            values.put(metric, m.number(metric.key()));
          }
          return new SegmentationResults.ModelCase(m.string("model"), EmptyMasks.ofKey(m.string("empty_masks")),
              m.number("prediction_ml"), values, pet(m, "pet"));
        }));
  }

  private static @Nullable PetQuantities pet(ResultsNode node, String key) {
    ResultsNode p = node.objectOrNull(key);
    if (p == null) {
      return null;
    }
    return new PetQuantities(p.longInteger("voxels"), p.number("suv_max"), p.number("suv_peak"), p.number("suv_mean"),
        p.number("mtv_ml"), p.number("tlg"));
  }
}

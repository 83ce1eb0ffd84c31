package org.radtrial.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radtrial.core.recon.FidelityMetric;

/**
 * Reads the results.json of {@code radtrial recon} (what {@link ReconstructionJson} writes) back into
 * {@link ReconstructionResults}. A missing key or a value of the wrong type is an
 * {@link IllegalArgumentException} giving its JSON pointer.
 */
public final class ReconstructionReader {
  private ReconstructionReader() {}

  public static ReconstructionResults read(JsonNode tree) {
    ResultsNode root = ResultsNode.root(tree);
    ResultsNode r = root.object("reconstruction");
    ResultsNode design = r.object("design");
    List<String> methods = design.strings("methods");
    List<ReconstructionResults.CaseMetrics> perCase = r.list("per_case", c -> {
      Map<String, Map<String, Double>> byMethod = new LinkedHashMap<>();
      for (ResultsNode m : c.list("methods", x -> x)) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (FidelityMetric f : FidelityMetric.values()) {
          values.put(f.key(), m.number(f.key()));
        }
        byMethod.put(m.string("method"), values);
      }
      return new ReconstructionResults.CaseMetrics(c.string("case"), c.number("reference_noise"), byMethod);
    });
    List<ReconstructionResults.MetricComparison> h2h = r.list("head_to_head", m -> new ReconstructionResults.MetricComparison(
        m.string("metric"), m.bool("higher_is_better"),
        m.list("methods", s -> new ReconstructionResults.MethodLine(s.string("method"), s.integer("n"), s.integer("missing"),
            s.number("mean"), pair(s, "mean_ci"), s.number("median"), pair(s, "median_ci"))),
        m.list("pairs", p -> new ReconstructionResults.PairLine(p.string("first"), p.string("second"), p.integer("n"),
            p.number("mean_difference"), pair(p, "mean_difference_ci"), p.number("p"), p.number("p_holm")))));
    ResultsNode savings = r.objectOrNull("savings");
    List<ReconstructionResults.SavingLine> saved = savings == null ? List.of() : savings.list("savings",
        v -> new ReconstructionResults.SavingLine(v.string("method"), v.string("quantity"), v.integer("exams"),
            v.number("saved"), v.number("fraction")));
    return new ReconstructionResults(root.integer("schema_version"), design.string("reference"), methods,
        design.integer("cases"), perCase, h2h, saved, root.object("settings").number("ci_level"),
        EvaluationReader.provenance(root.object("provenance")));
  }

  private static double[] pair(ResultsNode node, String key) {
    org.radtrial.core.stat.Interval ci = node.interval(key, 0.5);
    return ci == null ? new double[] {Double.NaN, Double.NaN} : new double[] {ci.lower(), ci.upper()};
  }
}

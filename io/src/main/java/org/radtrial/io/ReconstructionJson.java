package org.radtrial.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.recon.Comparison;
import org.radtrial.core.recon.Contrast;
import org.radtrial.core.recon.Fidelity;
import org.radtrial.core.recon.FidelityMetric;
import org.radtrial.core.recon.RegionFidelity;
import org.radtrial.core.paired.MethodSummary;
import org.radtrial.core.paired.PairComparison;
import org.radtrial.core.paired.PairedComparisonResult;
import org.radtrial.core.recon.Savings;
import org.radtrial.core.stat.Interval;

/**
 * Writes the "reconstruction" section of results.json ({@code radtrial recon}); keys in
 * docs/results-schema.md, definitions in docs/reconstruction.md. A number that does not exist
 * (a lesion metric without lesion regions, the PSNR of identical images) is null.
 */
public final class ReconstructionJson {
  /** Version of the layout of the "reconstruction" section. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReconstructionJson() {}

  /** One case: its id, the reference's noise and CNR (null without a uniform region), each method's comparison. */
  public record CaseResult(String id, @Nullable Contrast reference, List<Comparison> methods) {
    public CaseResult {
      methods = List.copyOf(methods);
    }
  }

  /** A case shown for review: a method's worst cases by {@code metric}, with its thumbnails of one slice. */
  public record WorstCase(String method, String caseId, String metric, double value, int slice, String reference,
      String candidate, String difference) {}

  /**
   * The results.json tree.
   *
   * @param design the reference's and methods' column names, the regions column (or null)
   * @param inputs each input file as named by the user and its SHA-256 (the case table, the savings table)
   */
  public static ObjectNode tree(String referenceName, List<String> methods, @Nullable String regionsColumn,
      List<CaseResult> cases, List<WorstCase> worst, Savings.@Nullable Result savings, @Nullable String savingsSource,
      double ciLevel, String[][] inputs, Provenance provenance) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    ObjectNode recon = root.putObject("reconstruction");
    ObjectNode design = recon.putObject("design");
    design.put("reference", referenceName);
    ArrayNode m = design.putArray("methods");
    methods.forEach(m::add);
    design.put("cases", cases.size());
    design.put("regions", regionsColumn);
    design.put("cases_with_lesion_regions", cases.stream().filter(c -> c.methods().get(0).lesions() != null).count());
    design.put("cases_with_uniform_region", cases.stream().filter(c -> c.reference() != null).count());
    ObjectNode conventions = recon.putObject("conventions");
    conventions.put("reference", "fastMRI fastmri/evaluate.py; scikit-image structural_similarity");
    conventions.put("data_range", "the reference volume's maximum");
    conventions.put("slice_axis", "the third array axis (k)");
    conventions.put("ssim_window", Fidelity.WINDOW);
    conventions.put("ssim_k1", Fidelity.K1);
    conventions.put("ssim_k2", Fidelity.K2);
    conventions.put("ssim_covariance", "sample (n - 1)");
    conventions.put("ssim_crop", Fidelity.PAD);
    conventions.put("region_ssim", "mean of the SSIM map over the region's voxels inside the crop");
    ArrayNode metrics = recon.putArray("metrics");
    for (FidelityMetric f : FidelityMetric.values()) {
      ObjectNode node = metrics.addObject();
      node.put("key", f.key());
      node.put("label", f.label());
      node.put("higher_is_better", f.higherIsBetter());
    }
    ArrayNode perCase = recon.putArray("per_case");
    for (CaseResult c : cases) {
      ObjectNode node = perCase.addObject();
      node.put("case", c.id());
      contrast(node, "reference_", c.reference());
      ArrayNode byMethod = node.putArray("methods");
      for (int j = 0; j < methods.size(); j++) {
        byMethod.add(comparison(methods.get(j), c.methods().get(j)));
      }
    }
    ArrayNode worstCases = recon.putArray("worst_cases");
    for (WorstCase w : worst) {
      ObjectNode node = worstCases.addObject();
      node.put("method", w.method());
      node.put("case", w.caseId());
      node.put("metric", w.metric());
      number(node, "value", w.value());
      node.put("slice", w.slice());
      node.put("reference_png", w.reference());
      node.put("candidate_png", w.candidate());
      node.put("difference_png", w.difference());
    }
    recon.putArray("head_to_head");
    recon.put("bootstrap_replicates", 0);
    if (savings == null) {
      recon.putNull("savings");
    } else {
      recon.set("savings", savings(savings, savingsSource));
    }
    ObjectNode settings = root.putObject("settings");
    settings.put("ci_level", ciLevel);
    ArrayNode files = settings.putArray("inputs");
    for (String[] f : inputs) {
      ObjectNode file = files.addObject();
      file.put("file", f[0]);
      file.put("sha256", f[1]);
    }
    root.set("provenance", ResultsJson.provenanceNode(provenance));
    return root;
  }

  /**
   * Adds one metric's head-to-head: each method's mean, median and SD with bootstrap intervals, and
   * every pair's paired mean and median differences, Wilcoxon signed-rank and Holm-adjusted p.
   */
  public static void headToHead(ObjectNode tree, FidelityMetric metric, PairedComparisonResult r) {
    ObjectNode recon = (ObjectNode) tree.get("reconstruction");
    recon.put("bootstrap_replicates", r.replicates());
    ObjectNode node = ((ArrayNode) recon.get("head_to_head")).addObject();
    node.put("metric", metric.key());
    node.put("label", metric.label());
    node.put("higher_is_better", metric.higherIsBetter());
    ArrayNode methods = node.putArray("methods");
    for (MethodSummary m : r.methods()) {
      ObjectNode mn = methods.addObject();
      mn.put("method", m.name());
      mn.put("n", m.n());
      mn.put("missing", m.missing());
      number(mn, "mean", m.mean());
      interval(mn, "mean_ci", m.meanCi());
      number(mn, "median", m.median());
      interval(mn, "median_ci", m.medianCi());
      number(mn, "sd", m.sd());
    }
    ArrayNode pairs = node.putArray("pairs");
    for (PairComparison p : r.pairs()) {
      ObjectNode pn = pairs.addObject();
      pn.put("first", p.first());
      pn.put("second", p.second());
      pn.put("n", p.n());
      pn.put("left_out", p.leftOut());
      number(pn, "mean_difference", p.meanDifference());
      interval(pn, "mean_difference_ci", p.meanDifferenceCi());
      number(pn, "median_difference", p.medianDifference());
      interval(pn, "median_difference_ci", p.medianDifferenceCi());
      number(pn, "wilcoxon_statistic", p.wilcoxon().statistic());
      number(pn, "p", p.wilcoxon().p());
      number(pn, "p_holm", p.holmP());
      if (p.favoured() < 0) {
        pn.putNull("favoured");
      } else {
        pn.put("favoured", p.favoured() == p.firstIndex() ? p.first() : p.second());
      }
    }
  }

  private static void interval(ObjectNode node, String key, Interval ci) {
    if (Double.isFinite(ci.lower()) && Double.isFinite(ci.upper())) {
      node.putArray(key).add(ci.lower()).add(ci.upper());
    } else {
      node.putNull(key);
    }
  }

  private static ObjectNode comparison(String method, Comparison c) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("method", method);
    number(node, "data_range", c.dataRange());
    for (FidelityMetric f : FidelityMetric.values()) {
      number(node, f.key(), f.of(c));
    }
    node.put("worst_slice", c.worstSlice());
    numbers(node.putArray("slice_ssim"), c.sliceSsim());
    numbers(node.putArray("slice_psnr"), c.slicePsnr());
    numbers(node.putArray("slice_nmse"), c.sliceNmse());
    ArrayNode regions = node.putArray("regions");
    double[] cnr = c.contrast() == null ? null : c.contrast().regionCnr();
    for (int r = 0; r < c.regions().size(); r++) {
      RegionFidelity f = c.regions().get(r);
      ObjectNode region = regions.addObject();
      region.put("label", f.label());
      region.put("voxels", f.voxels());
      region.put("ssim_voxels", f.ssimVoxels());
      number(region, "ssim", f.ssim());
      number(region, "psnr", f.psnr());
      number(region, "nmse", f.nmse());
      number(region, "cnr", cnr == null ? Double.NaN : cnr[r]);
    }
    return node;
  }

  private static void contrast(ObjectNode node, String prefix, @Nullable Contrast c) {
    number(node, prefix + "noise", c == null ? Double.NaN : c.noise());
    number(node, prefix + "cnr", c == null ? Double.NaN : c.lesionCnr());
  }

  private static ObjectNode savings(Savings.Result s, @Nullable String source) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("source", source);
    number(node, "scanner_kw", s.scannerKw());
    ArrayNode protocols = node.putArray("protocols");
    for (Savings.ProtocolTotals p : s.protocols()) {
      ObjectNode pn = protocols.addObject();
      pn.put("protocol", p.protocol());
      ArrayNode q = pn.putArray("quantities");
      for (Savings.Total t : p.quantities()) {
        ObjectNode tn = q.addObject();
        tn.put("quantity", t.quantity().key());
        tn.put("unit", t.quantity().unit());
        tn.put("exams", t.exams());
        number(tn, "total", t.quantity().additive() ? t.total() : Double.NaN);
        number(tn, "mean", t.mean());
      }
    }
    ArrayNode saved = node.putArray("savings");
    for (Savings.Saving v : s.savings()) {
      ObjectNode vn = saved.addObject();
      vn.put("method", v.method());
      vn.put("quantity", v.quantity().key());
      vn.put("unit", v.quantity().unit());
      vn.put("exams", v.exams());
      vn.put("unpaired", v.unpaired());
      boolean additive = v.quantity().additive();
      number(vn, "reference", additive ? v.reference() : v.reference() / v.exams());
      number(vn, "candidate", additive ? v.candidate() : v.candidate() / v.exams());
      number(vn, "saved", additive ? v.saved() : v.savedPerExam());
      number(vn, "saved_per_exam", v.savedPerExam());
      number(vn, "fraction", v.fraction());
    }
    return node;
  }

  private static void numbers(ArrayNode array, double[] values) {
    for (double v : values) {
      if (Double.isFinite(v)) {
        array.add(v);
      } else {
        array.addNull();
      }
    }
  }

  static void number(ObjectNode node, String key, double v) {
    if (Double.isFinite(v)) {
      node.put(key, v);
    } else {
      node.putNull(key);
    }
  }
}

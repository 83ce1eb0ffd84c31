package org.radtrial.core.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radtrial.core.agreement.BlandAltman;
import org.radtrial.core.agreement.BlandAltmanResult;
import org.radtrial.core.agreement.Concordance;
import org.radtrial.core.agreement.ConcordanceResult;
import org.radtrial.core.agreement.Icc;
import org.radtrial.core.agreement.IccResult;
import org.radtrial.core.paired.Direction;
import org.radtrial.core.paired.MethodSummary;
import org.radtrial.core.paired.PairComparison;
import org.radtrial.core.paired.PairedComparison;
import org.radtrial.core.paired.PairedComparisonResult;

/**
 * A segmentation study's figures from its cases: each model's per-case metrics summarised with
 * bootstrap intervals and the models compared pairwise ({@link PairedComparison}: paired bootstrap
 * of the mean and median difference, Wilcoxon signed-rank, Holm over the pairs of one metric), the
 * worst cases per model, and Dice per subgroup. Every case counts: a missed structure enters the
 * distances at the image's diagonal ({@link SegmentationMetrics#aggregateValue}); only the relative
 * volume difference of an empty reference is left out of that metric, and counted.
 */
public final class SegmentationAnalysis {
  /** Subgroups with fewer cases are flagged small: their figures are shown, never judged. */
  public static final int SMALL_GROUP = 10;

  /** Worst cases listed per model. */
  public static final int WORST = 5;

  private SegmentationAnalysis() {}

  public static SegmentationResult analyse(List<String> models, List<Integer> labels, double toleranceMm,
      List<String> groups, List<MaskCase> cases, int replicates, long seed, double level) {
    List<SegmentationResult.LabelResult> byLabel = new ArrayList<>();
    for (int label : labels) {
      List<MaskCase> these = cases.stream().filter(c -> c.label() == label).toList();
      byLabel.add(label(models, groups, label, these, replicates, seed, level));
    }
    return new SegmentationResult(models, labels, toleranceMm, groups, replicates, seed, level, cases, byLabel);
  }

  private static SegmentationResult.LabelResult label(List<String> models, List<String> groups, int label,
      List<MaskCase> cases, int replicates, long seed, double level) {
    int k = models.size();
    List<Map<SegmentationMetric, MethodSummary>> summaries = new ArrayList<>();
    for (int m = 0; m < k; m++) {
      summaries.add(new EnumMap<>(SegmentationMetric.class));
    }
    List<SegmentationResult.MetricComparison> comparisons = new ArrayList<>();
    if (cases.size() >= 2) {
      for (SegmentationMetric metric : SegmentationMetric.values()) {
        double[][] values = values(cases, k, metric);
        if (!comparable(values)) {
          continue;
        }
        PairedComparisonResult r = PairedComparison.compare(models, values,
            metric.higherIsBetter() ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER, replicates, seed, level);
        for (int m = 0; m < k; m++) {
          summaries.get(m).put(metric, r.methods().get(m));
        }
        for (PairComparison p : r.pairs()) {
          comparisons.add(new SegmentationResult.MetricComparison(metric, p));
        }
      }
    }
    List<SegmentationResult.ModelSummary> modelSummaries = new ArrayList<>();
    List<SegmentationResult.WorstCase> worst = new ArrayList<>();
    for (int m = 0; m < k; m++) {
      Map<EmptyMasks, Integer> empty = new EnumMap<>(EmptyMasks.class);
      for (EmptyMasks e : EmptyMasks.values()) {
        empty.put(e, 0);
      }
      int undefined = 0;
      for (MaskCase c : cases) {
        SegmentationMetrics s = c.models().get(m);
        empty.merge(s.empty(), 1, Integer::sum);
        if (Double.isNaN(s.relativeVolumeDifference())) {
          undefined++;
        }
      }
      modelSummaries.add(new SegmentationResult.ModelSummary(models.get(m), empty, summaries.get(m), undefined));
      int at = m;
      cases.stream()
          .sorted(Comparator.<MaskCase>comparingDouble(c -> c.models().get(at).dice())
              .thenComparing(Comparator.<MaskCase>comparingDouble(
                  c -> c.models().get(at).aggregateValue(SegmentationMetric.HAUSDORFF_95)).reversed()))
          .limit(WORST)
          .forEach(c -> {
            SegmentationMetrics s = c.models().get(at);
            worst.add(new SegmentationResult.WorstCase(models.get(at), c.caseId(), s.dice(),
                s.aggregateValue(SegmentationMetric.HAUSDORFF_95), s.empty()));
          });
    }
    return new SegmentationResult.LabelResult(label, cases.size(), modelSummaries, comparisons, worst,
        subgroups(models, groups, cases, replicates, seed, level), agreement(models, cases, level));
  }

  /** The quantities whose agreement with the reference is measured, and how to read each from a case. */
  private static final List<String> PET_QUANTITIES = List.of("suv_max", "suv_peak", "suv_mean", "tlg");

  private static List<SegmentationResult.QuantityAgreement> agreement(List<String> models, List<MaskCase> cases,
      double level) {
    List<String> quantities = new ArrayList<>(List.of("volume_ml"));
    if (!cases.isEmpty() && cases.get(0).referencePet() != null) {
      quantities.addAll(PET_QUANTITIES);
    }
    List<SegmentationResult.QuantityAgreement> out = new ArrayList<>();
    for (String q : quantities) {
      for (int m = 0; m < models.size(); m++) {
        double[] model = new double[cases.size()];
        double[] reference = new double[cases.size()];
        for (int c = 0; c < cases.size(); c++) {
          MaskCase mc = cases.get(c);
          if (q.equals("volume_ml")) {
            model[c] = mc.models().get(m).predictionMl();
            reference[c] = mc.models().get(m).referenceMl();
          } else {
            model[c] = pet(mc.modelPet().get(m), q);
            reference[c] = pet(java.util.Objects.requireNonNull(mc.referencePet()), q);
          }
        }
        out.add(agree(q, models.get(m), model, reference, level));
      }
    }
    return out;
  }

  /** NaN where the mask is empty (no uptake exists), so the case is left out of that agreement and counted. */
  private static double pet(PetQuantities p, String quantity) {
    return switch (quantity) {
      case "suv_max" -> p.suvMax();
      case "suv_peak" -> p.suvPeak();
      case "suv_mean" -> p.suvMean();
      default -> p.voxels() == 0 ? Double.NaN : p.tlg();
    };
  }

  private static SegmentationResult.QuantityAgreement agree(String quantity, String model, double[] x, double[] y,
      double level) {
    List<String> notes = new ArrayList<>();
    BlandAltmanResult ba = null;
    IccResult icc = null;
    ConcordanceResult ccc = null;
    try {
      ba = BlandAltman.of(x, y, level);
    } catch (IllegalArgumentException e) {
      notes.add("Bland-Altman: " + e.getMessage());
    }
    try {
      icc = Icc.absoluteAgreement(x, y, level);
    } catch (IllegalArgumentException e) {
      notes.add("ICC: " + e.getMessage());
    }
    try {
      ccc = Concordance.of(x, y, level);
    } catch (IllegalArgumentException e) {
      notes.add("concordance: " + e.getMessage());
    }
    return new SegmentationResult.QuantityAgreement(quantity, model, ba, icc, ccc, notes);
  }

  private static List<SegmentationResult.SubgroupRow> subgroups(List<String> models, List<String> groups,
      List<MaskCase> cases, int replicates, long seed, double level) {
    List<SegmentationResult.SubgroupRow> rows = new ArrayList<>();
    for (String column : groups) {
      Map<String, List<MaskCase>> levels = new LinkedHashMap<>();
      for (MaskCase c : cases) {
        levels.computeIfAbsent(c.groups().getOrDefault(column, "(missing)"), v -> new ArrayList<>()).add(c);
      }
      for (Map.Entry<String, List<MaskCase>> e : levels.entrySet()) {
        List<MaskCase> in = e.getValue();
        List<MethodSummary> dice = null;
        if (in.size() >= 2) {
          dice = PairedComparison.compare(models, values(in, models.size(), SegmentationMetric.DICE),
              Direction.HIGHER_IS_BETTER, replicates, seed, level).methods();
        }
        rows.add(new SegmentationResult.SubgroupRow(column, e.getKey(), in.size(), in.size() < SMALL_GROUP, dice));
      }
    }
    return rows;
  }

  /** values[model][case]: the aggregate value (NaN only for an undefined relative volume difference). */
  private static double[][] values(List<MaskCase> cases, int k, SegmentationMetric metric) {
    double[][] v = new double[k][cases.size()];
    for (int c = 0; c < cases.size(); c++) {
      for (int m = 0; m < k; m++) {
        v[m][c] = metric.comparable(cases.get(c).models().get(m).aggregateValue(metric));
      }
    }
    return v;
  }

  /** Whether every model has at least two values and every pair a complete case (else PairedComparison refuses). */
  private static boolean comparable(double[][] values) {
    int n = values[0].length;
    for (double[] row : values) {
      int present = 0;
      for (double x : row) {
        if (!Double.isNaN(x)) {
          present++;
        }
      }
      if (present < 2) {
        return false;
      }
    }
    for (int c = 0; c < n; c++) {
      boolean all = true;
      for (double[] row : values) {
        all &= !Double.isNaN(row[c]);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}

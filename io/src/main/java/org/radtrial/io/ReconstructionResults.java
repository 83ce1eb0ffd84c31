package org.radtrial.io;

import java.util.List;
import java.util.Map;

/**
 * A "reconstruction" results.json read back ({@link ReconstructionReader}): the design, each case's
 * metrics per method, the head-to-head per metric and the savings. Numbers that do not exist are NaN.
 */
public record ReconstructionResults(int schemaVersion, String reference, List<String> methods, int cases,
    List<CaseMetrics> perCase, List<MetricComparison> headToHead, List<SavingLine> savings, double ciLevel,
    Provenance provenance) {

  public ReconstructionResults {
    methods = List.copyOf(methods);
    perCase = List.copyOf(perCase);
    headToHead = List.copyOf(headToHead);
    savings = List.copyOf(savings);
  }

  /** One case: per method, its metrics by key (ssim, psnr, nmse, lesion_ssim, ...). */
  public record CaseMetrics(String caseId, double referenceNoise, Map<String, Map<String, Double>> byMethod) {}

  /** One metric's head-to-head. */
  public record MetricComparison(String metric, boolean higherIsBetter, List<MethodLine> methods, List<PairLine> pairs) {}

  /** One method's mean and median with their intervals ([lower, upper], NaN when absent). */
  public record MethodLine(String method, int n, int missing, double mean, double[] meanCi, double median, double[] medianCi) {}

  /** One pair: the mean difference (first − second), its interval, Wilcoxon p and Holm's p. */
  public record PairLine(String first, String second, int n, double meanDifference, double[] meanDifferenceCi, double p,
      double pHolm) {}

  /** One saving against the reference. */
  public record SavingLine(String method, String quantity, int exams, double saved, double fraction) {}
}

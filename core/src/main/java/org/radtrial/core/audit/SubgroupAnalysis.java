package org.radtrial.core.audit;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.binary.CiMethod;
import org.radtrial.core.binary.Proportion;
import org.radtrial.core.binary.TwoProportions;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.evaluate.ConfusionCounts;
import org.radtrial.core.evaluate.DecisionMetrics;
import org.radtrial.core.roc.AucEstimate;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.StandardNormal;

/**
 * Per-subgroup performance of one model over one partition of the cohort (a column, or an
 * intersection of columns): the rows with their gaps, the heterogeneity tests and the
 * equalized-odds difference. q-values are filled in later, across the whole audit.
 */
final class SubgroupAnalysis {
  static final String[] TESTED_PROPORTIONS = {"sensitivity", "specificity", "recall_rate", "ppv"};
  private static final double POWER_Z = new NormalDistribution(0, 1).inverseCumulativeProbability(0.8);
  /** An underpowered group needs at least this many positives to be flagged "large gap, few cases". */
  static final int FEW_CASES = 5;
  /** Sensitivity should be estimable within ±10 points. */
  static final double PRECISION = 0.10;

  final List<SubgroupRow> rows = new ArrayList<>();
  final List<Heterogeneity> heterogeneity = new ArrayList<>();
  EqualizedOdds equalizedOdds;

  private final ModelView view;
  private final double level;
  private final String columns;

  /** Counts of one cell. */
  private record Counts(int positives, int negatives, int tp, int fp) {
    int x(String metric) {
      return switch (metric) {
        case "sensitivity" -> tp;
        case "specificity" -> negatives - fp;
        case "recall_rate" -> tp + fp;
        case "ppv" -> tp;
        default -> throw new IllegalArgumentException(metric);
      };
    }

    int n(String metric) {
      return switch (metric) {
        case "sensitivity" -> positives;
        case "specificity" -> negatives;
        case "recall_rate" -> positives + negatives;
        case "ppv" -> tp + fp;
        default -> throw new IllegalArgumentException(metric);
      };
    }
  }

  /**
   * @param keysInOrder each scored case's combined level code, in the model's order
   * @param cellCount the number of combinations of levels
   */
  SubgroupAnalysis(ModelView view, List<GroupColumn> partitionColumns, int[] keysInOrder, int cellCount, double level) {
    this.view = view;
    this.level = level;
    this.columns = String.join(" x ", partitionColumns.stream().map(GroupColumn::name).toList());
    Counts total = new Counts(view.positives, view.negatives, view.truePositives, view.falsePositives);
    List<Counts> counts = new ArrayList<>();
    List<AucEstimate> aucs = new ArrayList<>();
    List<Subgroup> scored = new ArrayList<>();
    CellStatistics.Cell[] cells = CellStatistics.of(view, keysInOrder, cellCount, level);
    for (int key = 0; key < cellCount; key++) {
      CellStatistics.Cell cell = cells[key];
      if (cell == null) {
        continue;
      }
      Counts c = new Counts(cell.positives(), cell.negatives(), cell.truePositives(), cell.falsePositives());
      Subgroup subgroup = Partition.subgroup(partitionColumns, key);
      scored.add(subgroup);
      counts.add(c);
      aucs.add(cell.auc());
      rows.add(row(subgroup, c, total, cell));
    }
    addBestGroupGaps(scored, counts, aucs);
    testHeterogeneity(counts, aucs);
    equalizedOdds = equalizedOdds(counts);
  }

  /** The sensitivity used for power: the model's overall sensitivity, kept within [0.1, 0.9]. */
  private double plannedSensitivity() {
    double s = view.truePositives / (double) view.positives;
    return Math.min(0.9, Math.max(0.1, s));
  }

  /** Positives needed for a sensitivity interval of half-width {@link #PRECISION}. */
  int positivesNeeded() {
    double z = StandardNormal.criticalValue(level);
    double s = plannedSensitivity();
    return (int) Math.ceil(z * z * s * (1 - s) / (PRECISION * PRECISION));
  }

  private SubgroupRow row(Subgroup subgroup, Counts c, Counts total, CellStatistics.Cell cell) {
    AucEstimate auc = cell.auc();
    ConfusionCounts confusion = new ConfusionCounts(c.tp, c.positives - c.tp, c.negatives - c.fp, c.fp);
    DecisionMetrics metrics = confusion.metrics(CiMethod.WILSON, level);
    Proportion fpr = Proportion.of(c.fp, c.negatives, CiMethod.WILSON, level);
    boolean underpowered = c.positives < positivesNeeded();
    int restPositives = total.positives - c.positives;
    double s = plannedSensitivity();
    double mdd = restPositives > 0 && c.positives > 0
        ? (StandardNormal.criticalValue(level) + POWER_Z) * Math.sqrt(s * (1 - s) * (1.0 / c.positives + 1.0 / restPositives))
        : Double.NaN;
    List<MetricGap> gaps = new ArrayList<>();
    if (!underpowered) {
      for (String metric : TESTED_PROPORTIONS) {
        MetricGap gap = proportionGapToOverall(metric, c, total);
        if (gap != null) {
          gaps.add(gap);
        }
      }
      if (auc != null) {
        MetricGap gap = aucGapToOverall(auc, cell);
        if (gap != null) {
          gaps.add(gap);
        }
      }
    }
    return new SubgroupRow(view.name(), subgroup, c.positives + c.negatives, c.positives, c.negatives, auc, metrics,
        fpr, underpowered, underpowered && largeGap(c, total), mdd, gaps);
  }

  /** Gap of a proportion to the whole cohort, tested as subgroup vs the rest. */
  private @Nullable MetricGap proportionGapToOverall(String metric, Counts c, Counts total) {
    int x = c.x(metric);
    int n = c.n(metric);
    int restX = total.x(metric) - x;
    int restN = total.n(metric) - n;
    if (n == 0 || restN == 0) {
      return null;
    }
    double pg = x / (double) n;
    double pRest = restX / (double) restN;
    double w = n / (double) (n + restN);
    double pAll = (x + restX) / (double) (n + restN);
    Interval versusRest = TwoProportions.newcombeDifference(x, n, restX, restN, level);
    Interval difference = new Interval((1 - w) * versusRest.lower(), (1 - w) * versusRest.upper(), level);
    double ratio = pAll == 0 ? Double.NaN : pg / pAll;
    Interval ratioCi = null;
    if (pg > 0 && pAll > 0) {
      double dg = 1 / pg - w / pAll;
      double dRest = -(1 - w) / pAll;
      double variance = dg * dg * pg * (1 - pg) / n + dRest * dRest * pRest * (1 - pRest) / restN;
      ratioCi = logInterval(ratio, Math.sqrt(variance));
    }
    double p = 2 * TwoProportions.upperTailP(Math.abs(TwoProportions.pooledZ(x, n, restX, restN)));
    return new MetricGap(metric, "overall", pg, pAll, pg - pAll, difference, ratio, ratioCi, p, Double.NaN);
  }

  private @Nullable MetricGap aucGapToOverall(AucEstimate auc, CellStatistics.Cell cell) {
    if (Double.isNaN(cell.gapVariance())) {
      return null;
    }
    double aS = auc.estimate();
    double a = view.overallAuc;
    double d = aS - a;
    double se = Math.sqrt(cell.gapVariance());
    double z = StandardNormal.criticalValue(level);
    double p = se == 0 ? 1 : StandardNormal.twoSidedP(d / se);
    return new MetricGap("auc", "overall", aS, a, d, new Interval(d - z * se, d + z * se, level), aS / a,
        logInterval(aS / a, Math.sqrt(cell.logGapVariance())), p, Double.NaN);
  }

  /**
   * An underpowered group whose gap is large all the same: at least {@link #FEW_CASES} positives,
   * and the group's own Wilson interval of sensitivity excludes the sensitivity of the rest of the
   * cohort. Shown as "large gap, few cases", still not tested.
   */
  private boolean largeGap(Counts c, Counts total) {
    int restPositives = total.positives - c.positives;
    if (c.positives < FEW_CASES || restPositives == 0) {
      return false;
    }
    double rest = (total.tp - c.tp) / (double) restPositives;
    Interval own = Proportion.of(c.tp, c.positives, CiMethod.WILSON, level).ci();
    return own != null && (rest < own.lower() || rest > own.upper());
  }

  private @Nullable Interval logInterval(double ratio, double seLog) {
    if (!(ratio > 0) || Double.isNaN(seLog)) {
      return null;
    }
    double z = StandardNormal.criticalValue(level);
    return new Interval(ratio * Math.exp(-z * seLog), ratio * Math.exp(z * seLog), level);
  }

  /** Gaps to the best adequately powered group of this partition, shown but not tested. */
  private void addBestGroupGaps(List<Subgroup> cells, List<Counts> counts, List<AucEstimate> aucs) {
    String[] metrics = {"sensitivity", "specificity", "ppv", "auc"};
    List<List<MetricGap>> added = new ArrayList<>();
    for (int k = 0; k < rows.size(); k++) {
      added.add(new ArrayList<>(rows.get(k).gaps()));
    }
    for (String metric : metrics) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < rows.size(); k++) {
        double value = value(metric, counts.get(k), aucs.get(k));
        if (!rows.get(k).underpowered() && !Double.isNaN(value) && value > bestValue) {
          best = k;
          bestValue = value;
        }
      }
      if (best < 0) {
        continue;
      }
      for (int k = 0; k < rows.size(); k++) {
        if (k == best || rows.get(k).underpowered()) {
          continue;
        }
        MetricGap gap = gapToBest(metric, counts.get(k), aucs.get(k), counts.get(best), aucs.get(best), cells.get(best));
        if (gap != null) {
          added.get(k).add(gap);
        }
      }
    }
    for (int k = 0; k < rows.size(); k++) {
      rows.set(k, rows.get(k).withGaps(added.get(k)));
    }
  }

  private static double value(String metric, Counts c, AucEstimate auc) {
    if (metric.equals("auc")) {
      return auc == null ? Double.NaN : auc.estimate();
    }
    return c.n(metric) == 0 ? Double.NaN : c.x(metric) / (double) c.n(metric);
  }

  private @Nullable MetricGap gapToBest(String metric, Counts c, AucEstimate auc, Counts best, AucEstimate bestAuc, Subgroup bestCell) {
    String versus = "best: " + bestCell.label();
    if (metric.equals("auc")) {
      if (auc == null || bestAuc == null || auc.ci() == null || bestAuc.ci() == null) {
        return null;
      }
      double d = auc.estimate() - bestAuc.estimate();
      double z = StandardNormal.criticalValue(level);
      double se = Math.hypot(auc.standardError(), bestAuc.standardError());
      double ratio = auc.estimate() / bestAuc.estimate();
      double seLog = Math.hypot(auc.standardError() / auc.estimate(), bestAuc.standardError() / bestAuc.estimate());
      return new MetricGap(metric, versus, auc.estimate(), bestAuc.estimate(), d, new Interval(d - z * se, d + z * se, level),
          ratio, logInterval(ratio, seLog), Double.NaN, Double.NaN);
    }
    int x = c.x(metric);
    int n = c.n(metric);
    int bx = best.x(metric);
    int bn = best.n(metric);
    if (n == 0 || bn == 0) {
      return null;
    }
    double pg = x / (double) n;
    double pb = bx / (double) bn;
    return new MetricGap(metric, versus, pg, pb, pg - pb, TwoProportions.newcombeDifference(x, n, bx, bn, level),
        pb == 0 ? Double.NaN : pg / pb, TwoProportions.katzRatio(x, n, bx, bn, level), Double.NaN, Double.NaN);
  }

  private void testHeterogeneity(List<Counts> counts, List<AucEstimate> aucs) {
    if (counts.size() < 2) {
      return;
    }
    for (String metric : TESTED_PROPORTIONS) {
      int[] x = new int[counts.size()];
      int[] n = new int[counts.size()];
      boolean sparse = false;
      int groups = 0;
      long totalX = 0;
      long totalN = 0;
      for (int k = 0; k < counts.size(); k++) {
        x[k] = counts.get(k).x(metric);
        n[k] = counts.get(k).n(metric);
        totalX += x[k];
        totalN += n[k];
        groups += n[k] > 0 ? 1 : 0;
      }
      double pooled = totalN == 0 ? 0 : totalX / (double) totalN;
      for (int k = 0; k < counts.size(); k++) {
        if (n[k] > 0 && (n[k] * pooled < 5 || n[k] * (1 - pooled) < 5)) {
          sparse = true;
        }
      }
      double[] test = TwoProportions.homogeneity(x, n);
      if (groups >= 2) {
        heterogeneity.add(new Heterogeneity(view.name(), columns, metric, "Pearson chi-square", test[0], (int) test[1], test[2],
            Double.NaN, groups, sparse ? "some expected counts are below 5: the chi-square approximation may be poor" : ""));
      }
    }
    testAucHomogeneity(aucs);
  }

  /**
   * Homogeneity of the AUCs of the adequately powered groups: Σ (AUC_k − Ā)² / V_k, chi-square with
   * k − 1 df, where V_k is the Hanley-McNeil variance at the pooled AUC Ā for group k's numbers of
   * positives and negatives (the variance under the null hypothesis, not each group's own DeLong
   * variance, which is near 0 for a small group with an AUC near 1 and would give it an
   * overwhelming weight), and Ā is the inverse-variance mean, iterated to a fixed point.
   */
  private void testAucHomogeneity(List<AucEstimate> aucs) {
    List<AucEstimate> entries = new ArrayList<>();
    for (int k = 0; k < aucs.size(); k++) {
      AucEstimate auc = aucs.get(k);
      if (auc != null && !rows.get(k).underpowered() && auc.positives() >= 2 && auc.negatives() >= 2) {
        entries.add(auc);
      }
    }
    if (entries.size() < 2) {
      return;
    }
    double pooled = 0;
    double weight = 0;
    for (AucEstimate e : entries) {
      pooled += e.estimate() * e.positives() * (double) e.negatives();
      weight += e.positives() * (double) e.negatives();
    }
    pooled /= weight;
    double q = 0;
    for (int iteration = 0; iteration < 20; iteration++) {
      double sum = 0;
      double sumW = 0;
      for (AucEstimate e : entries) {
        double w = 1 / hanleyMcNeil(pooled, e.positives(), e.negatives());
        sum += w * e.estimate();
        sumW += w;
      }
      double next = sum / sumW;
      boolean converged = Math.abs(next - pooled) < 1e-12;
      pooled = next;
      if (converged) {
        break;
      }
    }
    for (AucEstimate e : entries) {
      q += (e.estimate() - pooled) * (e.estimate() - pooled) / hanleyMcNeil(pooled, e.positives(), e.negatives());
    }
    int df = entries.size() - 1;
    double p = 1 - new ChiSquaredDistribution(df).cumulativeProbability(q);
    heterogeneity.add(new Heterogeneity(view.name(), columns, "auc", "chi-square of AUCs, Hanley-McNeil variance at the pooled AUC",
        q, df, p, Double.NaN, entries.size(),
        aucs.size() > entries.size() ? "underpowered groups and groups without two cases of each class are left out" : ""));
  }

  /** Hanley and McNeil (1982) variance of an AUC A from m positives and n negatives. */
  static double hanleyMcNeil(double a, int m, int n) {
    double q1 = a / (2 - a);
    double q2 = 2 * a * a / (1 + a);
    double v = (a * (1 - a) + (m - 1) * (q1 - a * a) + (n - 1) * (q2 - a * a)) / (m * (double) n);
    return Math.max(v, 1e-12);
  }

  private EqualizedOdds equalizedOdds(List<Counts> counts) {
    double minTpr = Double.POSITIVE_INFINITY;
    double maxTpr = Double.NEGATIVE_INFINITY;
    double minFpr = Double.POSITIVE_INFINITY;
    double maxFpr = Double.NEGATIVE_INFINITY;
    int groups = 0;
    for (int k = 0; k < counts.size(); k++) {
      Counts c = counts.get(k);
      if (rows.get(k).underpowered() || c.positives == 0 || c.negatives == 0) {
        continue;
      }
      double tpr = c.tp / (double) c.positives;
      double fpr = c.fp / (double) c.negatives;
      minTpr = Math.min(minTpr, tpr);
      maxTpr = Math.max(maxTpr, tpr);
      minFpr = Math.min(minFpr, fpr);
      maxFpr = Math.max(maxFpr, fpr);
      groups++;
    }
    if (groups < 2) {
      return new EqualizedOdds(view.name(), columns, Double.NaN, Double.NaN, Double.NaN, groups);
    }
    double tprRange = maxTpr - minTpr;
    double fprRange = maxFpr - minFpr;
    return new EqualizedOdds(view.name(), columns, tprRange, fprRange, Math.max(tprRange, fprRange), groups);
  }
}

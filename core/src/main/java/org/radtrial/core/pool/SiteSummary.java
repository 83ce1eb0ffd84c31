package org.radtrial.core.pool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.evaluate.AucComparison;
import org.radtrial.core.evaluate.ConfusionCounts;
import org.radtrial.core.evaluate.EvaluationResult;
import org.radtrial.core.evaluate.ModelResult;
import org.radtrial.core.evaluate.OperatingPoint;
import org.radtrial.core.evaluate.OperatingPointRule;

/**
 * What one site shares with a consortium: aggregates of its evaluation and nothing from any case
 * row. No case id, score, date or metadata value leaves the site; thresholds are shared only where
 * the consortium agreed them (a fixed threshold), never where the site's own data chose them.
 *
 * @param site the site's name
 * @param cases cases evaluated
 * @param positives cases with the disease
 * @param models per model, the AUC with its DeLong variance and the counts at each operating point
 * @param pairs every pair of models: the paired AUC difference, its DeLong variance, and the
 *     covariance of the two AUCs
 * @param groups per metadata column, per level: positives and negatives (case mix and subgroups)
 */
public record SiteSummary(String site, int cases, int positives, List<Model> models, List<Pair> pairs, List<Group> groups) {
  /** A metadata column with more levels than this (and not banded as a number) is refused: its levels could be case values. */
  public static final int MAX_LEVELS = 20;

  public SiteSummary {
    models = List.copyOf(models);
    pairs = List.copyOf(pairs);
    groups = List.copyOf(groups);
  }

  /**
   * One model at the site.
   *
   * @param auc Mann-Whitney AUC
   * @param aucVariance its DeLong variance
   * @param positives positive cases scored
   * @param negatives negative cases scored
   */
  public record Model(String name, boolean higherIsPositive, double auc, double aucVariance, int positives, int negatives,
      List<Point> points) {
    public Model {
      points = List.copyOf(points);
    }
  }

  /**
   * A model's confusion counts under one operating-point rule.
   *
   * @param rule the rule as results.json names it
   * @param agreedThreshold the threshold when the consortium fixed it, in the model's units; null
   *     when the site's data chose it (a target or a reader's specificity)
   */
  public record Point(String rule, @Nullable Double agreedThreshold, ConfusionCounts counts) {}

  /** Paired AUC difference a − b on the cases both scored, its DeLong variance and the AUCs' covariance. */
  public record Pair(String a, String b, double difference, double differenceVariance, double covariance) {}

  /** Positives and negatives per level of a metadata column. */
  public record Group(String column, Map<String, int[]> levels) {
    public Group {
      levels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }
  }

  /** The summary of an evaluation at a site; {@code groupColumns} are the metadata columns to count by. */
  public static SiteSummary of(String site, Cohort cohort, EvaluationResult result, List<GroupColumn> groupColumns) {
    if (site.isBlank()) {
      throw new IllegalArgumentException("the site needs a name (--site NAME)");
    }
    List<Model> models = new ArrayList<>();
    for (ModelResult m : result.models()) {
      List<Point> points = new ArrayList<>();
      for (OperatingPoint p : m.operatingPoints()) {
        points.add(new Point(p.rule().describe(), agreed(p.rule(), m.name()), p.metrics().counts()));
      }
      double se = m.auc().standardError();
      models.add(new Model(m.name(), m.higherIsPositive(), m.auc().estimate(), se * se, m.auc().positives(),
          m.auc().negatives(), points));
    }
    List<Pair> pairs = new ArrayList<>();
    for (AucComparison c : result.comparisons()) {
      double va = variance(models, c.modelA());
      double vb = variance(models, c.modelB());
      double vd = c.test().standardError() * c.test().standardError();
      pairs.add(new Pair(c.modelA(), c.modelB(), c.test().difference(), vd, (va + vb - vd) / 2));
    }
    List<Group> groups = new ArrayList<>();
    for (GroupColumn g : groupColumns) {
      if (g.bands() == null && g.levelCount() > MAX_LEVELS) {
        throw new IllegalArgumentException("metadata column '" + g.name() + "' has " + g.levelCount()
            + " levels; a site summary counts only columns with at most " + MAX_LEVELS
            + " levels or numeric ones (banded), so that no case's value is shared; leave it out of --metadata");
      }
      int[][] byCode = new int[g.levelCount()][2];
      for (int i = 0; i < g.codes().length; i++) {
        byCode[g.codes()[i]][cohort.truth()[i] ? 0 : 1]++;
      }
      Map<String, int[]> counts = new LinkedHashMap<>();
      for (int level = 0; level < byCode.length; level++) {
        counts.put(g.levels().get(level), byCode[level]);
      }
      groups.add(new Group(g.name(), counts));
    }
    return new SiteSummary(site, cohort.size(), cohort.positives(), models, pairs, groups);
  }

  private static @Nullable Double agreed(OperatingPointRule rule, String model) {
    if (rule instanceof OperatingPointRule.FixedThreshold f) {
      return f.threshold();
    }
    if (rule instanceof OperatingPointRule.ModelThresholds t) {
      return t.thresholds().get(model);
    }
    return null;
  }

  private static double variance(List<Model> models, String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().aucVariance();
  }
}

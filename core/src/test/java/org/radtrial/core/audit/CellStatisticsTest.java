package org.radtrial.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.roc.Placements;

/**
 * Every cell's numbers from the one sorted order agree with the naive computation: each cell's
 * scores sorted on their own ({@link Placements}), and the gap variance summed case by case.
 */
class CellStatisticsTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void cellsFromTheOneSortedOrderMatchEachCellSortedOnItsOwn(long seed) {
    Random random = new Random(seed);
    int n = 500 + random.nextInt(3000);
    boolean[] truth = new boolean[n];
    double[] scores = new double[n];
    List<String> ids = new ArrayList<>();
    Map<String, List<String>> metadata = new LinkedHashMap<>();
    metadata.put("a", new ArrayList<>());
    metadata.put("b", new ArrayList<>());
    for (int i = 0; i < n; i++) {
      ids.add("c" + i);
      truth[i] = random.nextDouble() < 0.2;
      // rounded to 2 decimals: many ties; a few missing scores
      scores[i] = random.nextDouble() < 0.03 ? Double.NaN
          : Math.round(100 * (random.nextGaussian() + (truth[i] ? 1 : 0))) / 100.0;
      metadata.get("a").add("a" + random.nextInt(3));
      metadata.get("b").add("b" + random.nextInt(4));
    }
    Cohort cohort = new Cohort(ids, truth, List.of(new ModelScores("m", scores, true)), List.of(), metadata);
    ModelView view = new ModelView(cohort, cohort.models().get(0), 0.5);
    List<GroupColumn> columns = List.of(GroupColumn.of("a", metadata.get("a"), null), GroupColumn.of("b", metadata.get("b"),
        null));
    long[] size = new long[1];
    int[] keys = Partition.keys(columns, size);
    int[] inOrder = new int[view.order.length];
    for (int t = 0; t < inOrder.length; t++) {
      inOrder[t] = keys[view.order[t]];
    }
    CellStatistics.Cell[] cells = CellStatistics.of(view, inOrder, (int) size[0], 0.95);
    Placements all = naive(view, allCases(n));
    assertThat(view.overallAuc).isCloseTo(all.auc(), within(1e-14));
    for (Partition.Cell cell : Partition.of(columns)) {
      int key = keys[cell.cases()[0]];
      Placements p = naive(view, cell.cases());
      CellStatistics.Cell fast = cells[key];
      assertThat(fast.auc().estimate()).isCloseTo(p.auc(), within(1e-14));
      assertThat(fast.auc().standardError()).isCloseTo(Math.sqrt(p.delongVariance()), within(1e-12));
      double[] gap = naiveGapVariances(view, all, cell.cases(), p);
      assertThat(fast.gapVariance()).isCloseTo(gap[0], within(1e-12));
      assertThat(fast.logGapVariance()).isCloseTo(gap[1], within(1e-12));
      int tp = 0;
      for (int i : cell.cases()) {
        tp += view.present[i] && truth[i] && view.calledPositive[i] ? 1 : 0;
      }
      assertThat(fast.truePositives()).isEqualTo(tp);
    }
  }

  private static int[] allCases(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }

  private static Placements naive(ModelView view, int[] cases) {
    List<Double> pos = new ArrayList<>();
    List<Double> neg = new ArrayList<>();
    for (int i : cases) {
      if (view.present[i]) {
        (view.truth[i] ? pos : neg).add(view.oriented[i]);
      }
    }
    return Placements.of(pos.stream().mapToDouble(Double::doubleValue).toArray(),
        neg.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The per-case form of {@link AucGap}: M/(M−1) Σ over positives (x − y)², x = 0 outside the cell, likewise negatives. */
  private static double[] naiveGapVariances(ModelView view, Placements all, int[] cases, Placements subset) {
    int n = view.truth.length;
    double[] x = new double[n];
    int[] classIndex = new int[n];
    int m = 0;
    int q = 0;
    for (int i = 0; i < n; i++) {
      if (view.present[i]) {
        classIndex[i] = view.truth[i] ? m++ : q++;
      }
    }
    int p = 0;
    int r = 0;
    for (int i : cases) {
      if (view.present[i]) {
        x[i] = view.truth[i] ? (subset.positivePlacement(p++) - subset.auc()) / subset.positives()
            : (subset.negativePlacement(r++) - subset.auc()) / subset.negatives();
      }
    }
    double a = all.auc();
    double aS = subset.auc();
    double pos = 0;
    double neg = 0;
    double logPos = 0;
    double logNeg = 0;
    for (int i = 0; i < n; i++) {
      if (!view.present[i]) {
        continue;
      }
      if (view.truth[i]) {
        double y = (all.positivePlacement(classIndex[i]) - a) / m;
        pos += (x[i] - y) * (x[i] - y);
        logPos += Math.pow(x[i] / aS - y / a, 2);
      } else {
        double y = (all.negativePlacement(classIndex[i]) - a) / q;
        neg += (x[i] - y) * (x[i] - y);
        logNeg += Math.pow(x[i] / aS - y / a, 2);
      }
    }
    return new double[] {m / (m - 1.0) * pos + q / (q - 1.0) * neg, m / (m - 1.0) * logPos + q / (q - 1.0) * logNeg};
  }
}

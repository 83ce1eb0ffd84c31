package org.radtrial.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;

/**
 * The audit's gap variance ({@link AucGap} through {@link CellStatistics}) against two oracles: the same structural-components formula computed naively, case
 * by case in O(mn) (catches any slip in the O(n log n) placements and the incremental sums), and the
 * variance of the gap over explicit bootstrap resamples of the whole cohort (checks that the formula
 * estimates the right quantity when the subgroup shares its cases with the cohort).
 */
class AucGapOracleTest {

  @Test
  void varianceEqualsTheNaiveStructuralComponentsSumOnRandomCohortsWithTies() {
    for (int seed = 1; seed <= 25; seed++) {
      Random random = new Random(seed);
      int n = 40 + random.nextInt(160);
      Cohort cohort = cohort(random, n, 0.3, 0.8, 5);
      ModelView view = new ModelView(cohort, cohort.models().get(0), 0.0);
      int[] subset = subset(random, n, 0.3 + 0.4 * random.nextDouble());
      double[] fast = gapVariances(view, n, subset);
      double[] naive = naive(cohort.truth(), cohort.models().get(0).scores(), subset);
      assertThat(fast[0]).as("variance of the gap, seed %d", seed).isCloseTo(naive[0], within(1e-12));
      assertThat(fast[1]).as("variance of the log ratio, seed %d", seed).isCloseTo(naive[1], within(1e-11));
    }
  }

  @Test
  void theWholeCohortHasNoGapAndNoVariance() {
    Random random = new Random(7);
    Cohort cohort = cohort(random, 300, 0.2, 1.0, 0);
    ModelView view = new ModelView(cohort, cohort.models().get(0), 0.0);
    int[] all = new int[300];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    double[] v = gapVariances(view, 300, all);
    assertThat(v[0]).isCloseTo(0, within(1e-15));
    assertThat(v[1]).isCloseTo(0, within(1e-15));
  }

  @Test
  void varianceMatchesTheBootstrapVarianceOfTheGap() {
    Random random = new Random(2026);
    int n = 3000;
    Cohort cohort = cohort(random, n, 0.15, 1.2, 0);
    int[] subset = subset(random, n, 0.25);
    boolean[] inSubset = new boolean[n];
    for (int i : subset) {
      inSubset[i] = true;
    }
    ModelView view = new ModelView(cohort, cohort.models().get(0), 0.0);
    double analytic = gapVariances(view, n, subset)[0];

    boolean[] truth = cohort.truth();
    double[] scores = cohort.models().get(0).scores();
    int replicates = 2000;
    double sum = 0;
    double sumSq = 0;
    Random draw = new Random(99);
    for (int r = 0; r < replicates; r++) {
      List<Integer> pos = new ArrayList<>();
      List<Integer> neg = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        int i = draw.nextInt(n);
        (truth[i] ? pos : neg).add(i);
      }
      double gap = auc(scores, pos, neg, inSubset) - auc(scores, pos, neg, null);
      sum += gap;
      sumSq += gap * gap;
    }
    double bootstrap = (sumSq - sum * sum / replicates) / (replicates - 1);
    // 2,000 replicates estimate a variance to about ±3% (sd of a sample variance ≈ sqrt(2/R)); allow 12%
    assertThat(analytic / bootstrap).isBetween(0.88, 1.12);
  }

  /**
   * What the audit computes for the subgroup S: the cell of S in a two-level partition, whose gap
   * variances come from the one sorted order of the model ({@link CellStatistics}, {@link AucGap}).
   */
  static double[] gapVariances(ModelView view, int n, int[] subset) {
    int[] level = new int[n];
    for (int i : subset) {
      level[i] = 1;
    }
    int[] inOrder = new int[view.order.length];
    for (int t = 0; t < inOrder.length; t++) {
      inOrder[t] = level[view.order[t]];
    }
    CellStatistics.Cell cell = CellStatistics.of(view, inOrder, 2, 0.95)[1];
    return new double[] {cell.gapVariance(), cell.logGapVariance()};
  }

  /** {var(AUC_S − AUC), var(ln AUC_S − ln AUC)} from per-case influence terms, each found by brute force. */
  static double[] naive(boolean[] truth, double[] scores, int[] subset) {
    int n = truth.length;
    boolean[] in = new boolean[n];
    for (int i : subset) {
      in[i] = true;
    }
    int bigM = 0;
    int bigN = 0;
    int mS = 0;
    int nS = 0;
    for (int i = 0; i < n; i++) {
      if (truth[i]) {
        bigM++;
        mS += in[i] ? 1 : 0;
      } else {
        bigN++;
        nS += in[i] ? 1 : 0;
      }
    }
    double[] v = new double[n];
    double[] vS = new double[n];
    double a = 0;
    double aS = 0;
    for (int i = 0; i < n; i++) {
      double all = 0;
      double sub = 0;
      for (int j = 0; j < n; j++) {
        if (truth[i] == truth[j]) {
          continue;
        }
        double h = truth[i] ? kernel(scores[i], scores[j]) : kernel(scores[j], scores[i]);
        all += h;
        if (in[j]) {
          sub += h;
        }
      }
      v[i] = all / (truth[i] ? bigN : bigM);
      vS[i] = in[i] ? sub / (truth[i] ? nS : mS) : 0;
      if (truth[i]) {
        a += v[i] / bigM;
        aS += in[i] ? vS[i] / mS : 0;
      }
    }
    double diffPos = 0;
    double diffNeg = 0;
    double logPos = 0;
    double logNeg = 0;
    for (int i = 0; i < n; i++) {
      int size = truth[i] ? mS : nS;
      int total = truth[i] ? bigM : bigN;
      double x = in[i] ? (vS[i] - aS) / size : 0;
      double y = (v[i] - a) / total;
      if (truth[i]) {
        diffPos += (x - y) * (x - y);
        logPos += (x / aS - y / a) * (x / aS - y / a);
      } else {
        diffNeg += (x - y) * (x - y);
        logNeg += (x / aS - y / a) * (x / aS - y / a);
      }
    }
    double pos = bigM / (bigM - 1.0);
    double neg = bigN / (bigN - 1.0);
    return new double[] {pos * diffPos + neg * diffNeg, pos * logPos + neg * logNeg};
  }

  private static double kernel(double positive, double negative) {
    return positive > negative ? 1 : positive == negative ? 0.5 : 0;
  }

  private static double auc(double[] scores, List<Integer> pos, List<Integer> neg, boolean[] only) {
    double[] p = pos.stream().filter(i -> only == null || only[i]).mapToDouble(i -> scores[i]).sorted().toArray();
    double[] q = neg.stream().filter(i -> only == null || only[i]).mapToDouble(i -> scores[i]).sorted().toArray();
    double sum = 0;
    int lo = 0;
    int hi = 0;
    for (double x : p) {
      while (lo < q.length && q[lo] < x) {
        lo++;
      }
      hi = Math.max(hi, lo);
      while (hi < q.length && q[hi] == x) {
        hi++;
      }
      sum += lo + 0.5 * (hi - lo);
    }
    return sum / ((double) p.length * q.length);
  }

  /** A binormal cohort; with {@code levels} > 0 the scores are rounded to that many decimals' worth of ties. */
  static Cohort cohort(Random random, int n, double prevalence, double separation, int levels) {
    boolean[] truth = new boolean[n];
    double[] scores = new double[n];
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      truth[i] = i < 3 || (i >= 6 && random.nextDouble() < prevalence);
      double s = random.nextGaussian() + (truth[i] ? separation : 0);
      scores[i] = levels > 0 ? Math.round(s * levels) / (double) levels : s;
      ids.add("c" + i);
    }
    return new Cohort(ids, truth, List.of(new ModelScores("m", scores, true)), List.of(), java.util.Map.of());
  }

  static int[] subset(Random random, int n, double share) {
    return java.util.stream.IntStream.range(0, n).filter(i -> i < 6 || random.nextDouble() < share).toArray();
  }
}

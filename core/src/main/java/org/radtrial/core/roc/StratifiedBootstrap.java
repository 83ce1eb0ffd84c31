package org.radtrial.core.roc;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.ProgressListener;

/**
 * Stratified percentile bootstrap of the AUC, as pROC's {@code ci.auc(method = "bootstrap")}: each
 * replicate resamples the positives and the negatives separately, with replacement, keeping m and
 * n fixed; the interval is the (α/2, 1 − α/2) quantiles of the replicate AUCs (R's type 7).
 *
 * <p>Replicates never re-sort. Resampling the negatives is a multinomial count over their sorted
 * positions; a prefix sum of the counts then gives, for every positive, the resampled number of
 * negatives below and tied with it through the positions found once by {@link Placements}. Each
 * replicate costs O(m + n).
 *
 * <p>Reproducible: replicate draws come from {@link SplittableRandom} seeded with the given seed, so
 * the same seed and data give the same interval on every machine and JVM.
 */
public final class StratifiedBootstrap {
  private StratifiedBootstrap() {}

  /**
   * The replicate AUCs.
   *
   * @param replicates number of bootstrap replicates, at least 1
   * @param seed seed of the random stream
   * @param progress told after every replicate
   */
  public static double[] replicateAucs(
      Placements p, int replicates, long seed, ProgressListener progress) {
    if (replicates < 1) {
      throw new IllegalArgumentException("bootstrap replicates must be at least 1, was " + replicates);
    }
    int m = p.positives();
    int n = p.negatives();
    int[] below = p.negativesBelow();
    int[] atOrBelow = p.negativesAtOrBelow();
    long[] prefix = new long[n + 1];
    int[] counts = new int[n];
    double[] aucs = new double[replicates];
    SplittableRandom random = new SplittableRandom(seed);
    double denominator = 2.0 * m * (double) n;
    for (int r = 0; r < replicates; r++) {
      Arrays.fill(counts, 0);
      for (int k = 0; k < n; k++) {
        counts[random.nextInt(n)]++;
      }
      long running = 0;
      for (int k = 0; k < n; k++) {
        prefix[k] = running;
        running += counts[k];
      }
      prefix[n] = running;
      long twiceWins = 0;
      for (int k = 0; k < m; k++) {
        int i = random.nextInt(m);
        twiceWins += prefix[below[i]] + prefix[atOrBelow[i]];
      }
      aucs[r] = twiceWins / denominator;
      progress.progress(r + 1L, replicates);
    }
    return aucs;
  }

  /** Percentile interval of the replicate AUCs with the sample standard deviation as SE. */
  public static AucEstimate percentileInterval(Placements p, double[] replicateAucs, double level) {
    double alpha = 1 - level;
    double[] sorted = replicateAucs.clone();
    Arrays.sort(sorted);
    double lower = SortedArrays.quantileType7(sorted, alpha / 2);
    double upper = SortedArrays.quantileType7(sorted, 1 - alpha / 2);
    double se = Math.sqrt(Placements.covariance(replicateAucs, replicateAucs));
    return new AucEstimate(
        p.auc(),
        se,
        new Interval(lower, upper, level),
        "stratified percentile bootstrap, " + replicateAucs.length + " replicates",
        p.positives(),
        p.negatives());
  }
}

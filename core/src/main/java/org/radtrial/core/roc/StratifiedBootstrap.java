package org.radtrial.core.roc;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.ProgressListener;

/**
 * Stratified percentile bootstrap of the AUC, as pROC's {@code ci.auc(method = "bootstrap")}: each
 * replicate resamples the positives and the negatives separately, with replacement, keeping m and
 * n fixed; the interval is the (α/2, 1 − α/2) quantiles of the replicate AUCs (R's type 7).
 *
 * <p>Replicates never re-sort, and cost O(m) whatever the number of negatives n: the AUC depends on
 * the negatives only through how many fall between and tie with the positives' scores, so each
 * replicate draws those counts as one multinomial over at most 2m + 1 pieces ({@link
 * NegativeCells}: exact conditional binomials), then resamples the m positives explicitly. The
 * replicates have exactly the distribution of explicit resampling of the n negatives and the m
 * positives; {@code BootstrapPropertiesTest} checks it against the enumerated exact distribution
 * and against an explicit-resampling oracle.
 *
 * <p>Draw order of a replicate: m positive indices ({@code nextInt(m)}), then one uniform per piece
 * but the last while negatives remain (ascending scores), the pieces being those cut by the drawn
 * positives only ({@link NegativeCells#replicateTwiceWins}).
 *
 * <p>Reproducible and parallel: the replicates are cut into blocks of {@value #BLOCK}, block b
 * drawing from the b-th {@link SplittableRandom#split()} of a generator seeded with the given
 * seed (splits made in block order before any work starts). The blocks run on all cores, and the
 * same seed and data give the same replicates, in the same order, on every machine, JVM and number
 * of threads.
 */
public final class StratifiedBootstrap {
  static final int BLOCK = 50;

  private StratifiedBootstrap() {}

  /**
   * The replicate AUCs.
   *
   * @param replicates number of bootstrap replicates, at least 1
   * @param seed seed of the random stream
   * @param progress told after every replicate, with the number done so far (from several threads)
   */
  public static double[] replicateAucs(
      Placements p, int replicates, long seed, ProgressListener progress) {
    if (replicates < 1) {
      throw new IllegalArgumentException("bootstrap replicates must be at least 1, was " + replicates);
    }
    NegativeCells cells = NegativeCells.of(p);
    double[] aucs = new double[replicates];
    int blocks = (replicates + BLOCK - 1) / BLOCK;
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] streams = new SplittableRandom[blocks];
    for (int b = 0; b < blocks; b++) {
      streams[b] = root.split();
    }
    AtomicLong done = new AtomicLong();
    IntStream.range(0, blocks).parallel().forEach(b -> {
      int from = b * BLOCK;
      replicateBlock(p, cells, streams[b], aucs, from, Math.min(replicates, from + BLOCK), done, progress);
    });
    return aucs;
  }

  private static void replicateBlock(Placements p, NegativeCells cells, SplittableRandom random, double[] aucs,
      int from, int to, AtomicLong done, ProgressListener progress) {
    int m = p.positives();
    NegativeCells.Scratch scratch = cells.scratch();
    int[] positiveDraws = new int[m];
    double denominator = 2.0 * m * (double) p.negatives();
    for (int r = from; r < to; r++) {
      for (int k = 0; k < m; k++) {
        positiveDraws[k] = random.nextInt(m);
      }
      aucs[r] = cells.replicateTwiceWins(random, positiveDraws, scratch) / denominator;
      progress.progress(done.incrementAndGet(), aucs.length);
    }
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

package org.radtrial.core.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.radtrial.core.stat.ProgressListener;

/**
 * The O(m + n) stratified bootstrap against explicit resampling, its reproducibility, and its
 * agreement with DeLong's asymptotics on a large sample.
 */
class BootstrapPropertiesTest {
  private static final long BASE_SEED = 0xB007_5EEDL;

  @RepeatedTest(30)
  void fastReplicateEqualsAucOfTheExplicitlyResampledCases(RepetitionInfo info) {
    long dataSeed = BASE_SEED + info.getCurrentRepetition();
    SplittableRandom data = new SplittableRandom(dataSeed);
    boolean tied = data.nextBoolean();
    double[] positives = NaiveDeLong.scores(data, 1 + data.nextInt(80), data.nextDouble(), tied);
    double[] negatives = NaiveDeLong.scores(data, 1 + data.nextInt(80), 0, tied);
    long bootstrapSeed = data.nextLong();
    int replicates = 12;

    double[] fast = StratifiedBootstrap.replicateAucs(
        Placements.of(positives, negatives), replicates, bootstrapSeed, ProgressListener.NONE);
    double[] explicit = explicitReplicates(positives, negatives, replicates, bootstrapSeed);

    for (int r = 0; r < replicates; r++) {
      assertThat(fast[r])
          .as("data seed %d, bootstrap seed %d, replicate %d, m = %d, n = %d, tied = %s",
              dataSeed, bootstrapSeed, r, positives.length, negatives.length, tied)
          .isCloseTo(explicit[r], within(1e-12));
    }
  }

  /**
   * Replays the documented draw order of {@link StratifiedBootstrap#replicateAucs}: per replicate, n
   * draws of positions in the sorted negatives, then m draws of positives in case order; builds the
   * resampled arrays and takes their naive Mann-Whitney AUC.
   */
  private static double[] explicitReplicates(double[] positives, double[] negatives, int replicates, long seed) {
    int m = positives.length;
    int n = negatives.length;
    double[] sortedNegatives = negatives.clone();
    Arrays.sort(sortedNegatives);
    SplittableRandom random = new SplittableRandom(seed);
    double[] aucs = new double[replicates];
    for (int r = 0; r < replicates; r++) {
      double[] resampledNegatives = new double[n];
      for (int k = 0; k < n; k++) {
        resampledNegatives[k] = sortedNegatives[random.nextInt(n)];
      }
      double[] resampledPositives = new double[m];
      for (int k = 0; k < m; k++) {
        resampledPositives[k] = positives[random.nextInt(m)];
      }
      aucs[r] = NaiveDeLong.auc(resampledPositives, resampledNegatives);
    }
    return aucs;
  }

  @RepeatedTest(10)
  void sameSeedGivesIdenticalReplicatesAndAnotherSeedDifferentOnes(RepetitionInfo info) {
    SplittableRandom data = new SplittableRandom(BASE_SEED + info.getCurrentRepetition());
    Placements p = Placements.of(NaiveDeLong.normal(data, 20 + data.nextInt(100), 1),
        NaiveDeLong.normal(data, 20 + data.nextInt(100), 0));
    long seed = data.nextLong();

    double[] first = StratifiedBootstrap.replicateAucs(p, 200, seed, ProgressListener.NONE);
    double[] again = StratifiedBootstrap.replicateAucs(p, 200, seed, ProgressListener.NONE);
    double[] other = StratifiedBootstrap.replicateAucs(p, 200, seed + 1, ProgressListener.NONE);

    assertThat(again).containsExactly(first);
    assertThat(other).isNotEqualTo(first);
    AucEstimate a = StratifiedBootstrap.percentileInterval(p, first, 0.95);
    AucEstimate b = StratifiedBootstrap.percentileInterval(p, again, 0.95);
    assertThat(b).isEqualTo(a);
  }

  @Test
  void progressIsToldOncePerReplicateInOrder() {
    SplittableRandom data = new SplittableRandom(BASE_SEED);
    Placements p = Placements.of(NaiveDeLong.normal(data, 30, 1), NaiveDeLong.normal(data, 40, 0));
    List<long[]> calls = new ArrayList<>();
    StratifiedBootstrap.replicateAucs(p, 25, 7, (done, total) -> calls.add(new long[] {done, total}));
    assertThat(calls).hasSize(25);
    for (int r = 0; r < 25; r++) {
      assertThat(calls.get(r)).containsExactly(r + 1L, 25L);
    }
  }

  @RepeatedTest(10)
  void percentileIntervalIsTheType7QuantilesOfTheReplicates(RepetitionInfo info) {
    SplittableRandom data = new SplittableRandom(BASE_SEED + info.getCurrentRepetition());
    Placements p = Placements.of(NaiveDeLong.tiedNormal(data, 10 + data.nextInt(50), 0.8),
        NaiveDeLong.tiedNormal(data, 10 + data.nextInt(50), 0));
    int replicates = 1 + data.nextInt(300);
    double[] aucs = StratifiedBootstrap.replicateAucs(p, replicates, data.nextLong(), ProgressListener.NONE);
    double level = 0.5 + 0.49 * data.nextDouble();

    AucEstimate estimate = StratifiedBootstrap.percentileInterval(p, aucs, level);

    double[] sorted = aucs.clone();
    Arrays.sort(sorted);
    assertThat(estimate.estimate()).isEqualTo(p.auc());
    assertThat(estimate.ci().lower()).isCloseTo(naiveType7(sorted, (1 - level) / 2), within(1e-15));
    assertThat(estimate.ci().upper()).isCloseTo(naiveType7(sorted, 1 - (1 - level) / 2), within(1e-15));
    assertThat(estimate.ci().lower()).isBetween(sorted[0], sorted[replicates - 1]);
    assertThat(estimate.ci().upper()).isBetween(estimate.ci().lower(), sorted[replicates - 1]);
  }

  /** R's quantile type 7 as its help page defines it: x[j] + (h − j)(x[j+1] − x[j]), h = (k−1)p + 1. */
  private static double naiveType7(double[] sorted, double prob) {
    double h = (sorted.length - 1) * prob + 1;
    int j = (int) Math.floor(h);
    double lower = sorted[j - 1];
    double upper = sorted[Math.min(j, sorted.length - 1)];
    return lower + (h - j) * (upper - lower);
  }

  @Test
  void bootstrapVarianceAndIntervalAgreeWithDelongOnALargeSample() {
    SplittableRandom data = new SplittableRandom(BASE_SEED);
    Placements p = Placements.of(NaiveDeLong.normal(data, 2000, 1), NaiveDeLong.normal(data, 3000, 0));
    double[] aucs = StratifiedBootstrap.replicateAucs(p, 1000, 20240601L, ProgressListener.NONE);

    AucEstimate bootstrap = StratifiedBootstrap.percentileInterval(p, aucs, 0.95);
    AucEstimate delong = DeLong.auc(p, 0.95);
    double bootstrapVariance = bootstrap.standardError() * bootstrap.standardError();

    assertThat(bootstrapVariance / p.delongVariance()).isBetween(0.85, 1.15);
    double mean = Arrays.stream(aucs).average().orElseThrow();
    assertThat(mean).isCloseTo(p.auc(), within(0.2 * delong.standardError()));
    assertThat(bootstrap.ci().lower()).isCloseTo(delong.ci().lower(), within(0.3 * delong.standardError()));
    assertThat(bootstrap.ci().upper()).isCloseTo(delong.ci().upper(), within(0.3 * delong.standardError()));
  }
}

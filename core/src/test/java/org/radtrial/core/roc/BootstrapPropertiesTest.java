package org.radtrial.core.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.radtrial.core.stat.ProgressListener;

/**
 * The O(m)-per-replicate stratified bootstrap against explicit resampling, its reproducibility, and its
 * agreement with DeLong's asymptotics on a large sample.
 */
class BootstrapPropertiesTest {
  private static final long BASE_SEED = 0xB007_5EEDL;

  @RepeatedTest(30)
  void aReplicateFromPieceCountsEqualsTheAucOfTheExplicitlyResampledCases(RepetitionInfo info) {
    long dataSeed = BASE_SEED + info.getCurrentRepetition();
    SplittableRandom data = new SplittableRandom(dataSeed);
    boolean tied = data.nextBoolean();
    double[] positives = NaiveDeLong.scores(data, 1 + data.nextInt(80), data.nextDouble(), tied);
    double[] negatives = NaiveDeLong.scores(data, 1 + data.nextInt(80), 0, tied);
    double[] sortedNegatives = negatives.clone();
    Arrays.sort(sortedNegatives);
    NegativeCells cells = NegativeCells.of(Placements.of(positives, negatives));
    int m = positives.length;
    int n = negatives.length;
    assertThat(cells.cells()).isBetween(1, 2 * m + 1);

    for (int r = 0; r < 12; r++) {
      double[] resampledNegatives = new double[n];
      int[] counts = new int[cells.cells()];
      for (int k = 0; k < n; k++) {
        int position = data.nextInt(n);
        resampledNegatives[k] = sortedNegatives[position];
        counts[cells.cellOf(position)]++;
      }
      int[] positiveDraws = new int[m];
      double[] resampledPositives = new double[m];
      for (int k = 0; k < m; k++) {
        positiveDraws[k] = data.nextInt(m);
        resampledPositives[k] = positives[positiveDraws[k]];
      }
      double fromPieces = cells.twiceWins(counts, positiveDraws, new long[cells.cells() + 1]) / (2.0 * m * n);
      assertThat(fromPieces)
          .as("data seed %d, replicate %d, m = %d, n = %d, tied = %s", dataSeed, r, m, n, tied)
          .isCloseTo(NaiveDeLong.auc(resampledPositives, resampledNegatives), within(1e-12));
    }
  }

  /**
   * The whole distribution, not one draw: on small tied samples every explicit resample (n^n · m^m
   * equally likely sequences) is enumerated, which gives the exact law of a replicate's AUC; then
   * 200,000 replicates of {@link StratifiedBootstrap#replicateAucs} are compared with it by a
   * chi-square goodness-of-fit test of size 0.001 over the AUC values with at least 5 expected
   * replicates (the rest pooled). Power: {@link #theExactDistributionTestRejectsAnAlmostRightBootstrap}.
   */
  @ParameterizedTest
  @CsvSource({
      "'0.3 0.5 0.5', '0.1 0.3 0.5 0.5 0.7', 11",
      "'1 2 3', '0 1 1.5 2 4 4', 12",
      "'0.2 0.6', '0.2 0.2 0.4 0.6 0.9 0.1', 13",
      "'5 5 5 7', '5 6 7 7 1', 14"})
  void replicatesFollowTheExactBootstrapDistribution(String positiveScores, String negativeScores, long seed) {
    double[] positives = parse(positiveScores);
    double[] negatives = parse(negativeScores);
    Map<Long, Double> exact = exactTwiceWinsDistribution(positives, negatives, positives.length);
    int replicates = 200_000;
    double[] aucs = StratifiedBootstrap.replicateAucs(
        Placements.of(positives, negatives), replicates, seed, ProgressListener.NONE);
    Map<Long, Integer> seen = twiceWins(aucs, positives.length, negatives.length);
    assertThat(exact.keySet()).as("values the exact law can give").containsAll(seen.keySet());
    double[] observed = chiSquare(exact, seen, replicates);
    assertThat(observed[0]).as("chi-square over %d classes", (int) observed[1]).isLessThan(criticalValue(observed[1]));
  }

  /**
   * The power of the test above against a concrete, plausible bug: a bootstrap that resamples the
   * negatives but forgets to resample the positives (same support, same mean, a narrower spread)
   * is rejected at the same size on the same enumerated law.
   */
  @Test
  void theExactDistributionTestRejectsAnAlmostRightBootstrap() {
    double[] positives = parse("1 2 3 3");
    double[] negatives = parse("0 1 1.5 2 4 4");
    Map<Long, Double> exact = exactTwiceWinsDistribution(positives, negatives, positives.length);
    int replicates = 200_000;
    SplittableRandom random = new SplittableRandom(15);
    double[] aucs = new double[replicates];
    for (int r = 0; r < replicates; r++) {
      double[] q = new double[negatives.length];
      for (int k = 0; k < q.length; k++) {
        q[k] = negatives[random.nextInt(q.length)];
      }
      aucs[r] = NaiveDeLong.auc(positives, q);
    }
    double[] observed = chiSquare(exact, twiceWins(aucs, positives.length, negatives.length), replicates);
    assertThat(observed[0]).isGreaterThan(criticalValue(observed[1]));
  }

  /**
   * A second check at a size where enumeration is out of reach (m = 40, n = 300, tied scores):
   * 20,000 replicates against 20,000 of the explicit-resampling oracle, two-sample
   * Kolmogorov-Smirnov at size 0.001 (critical distance 1.949 · sqrt(2 / 20,000) = 0.0195, so a
   * shift of the CDF by 0.03 anywhere is detected with power above 0.99).
   */
  @Test
  void replicatesHaveTheDistributionOfExplicitResamplingOnALargerTiedSample() {
    SplittableRandom data = new SplittableRandom(BASE_SEED);
    double[] positives = NaiveDeLong.tiedNormal(data, 40, 0.7);
    double[] negatives = NaiveDeLong.tiedNormal(data, 300, 0);
    int replicates = 20_000;
    double[] fast = StratifiedBootstrap.replicateAucs(
        Placements.of(positives, negatives), replicates, 21, ProgressListener.NONE);
    double[] explicit = explicitReplicates(positives, negatives, replicates, 22);
    assertThat(ksDistance(fast, explicit)).isLessThan(1.949 * Math.sqrt(2.0 / replicates));
  }

  /** Explicit stratified resampling: n negatives and m positives drawn with replacement, naive AUC. */
  private static double[] explicitReplicates(double[] positives, double[] negatives, int replicates, long seed) {
    int m = positives.length;
    int n = negatives.length;
    SplittableRandom random = new SplittableRandom(seed);
    double[] aucs = new double[replicates];
    for (int r = 0; r < replicates; r++) {
      double[] resampledNegatives = new double[n];
      for (int k = 0; k < n; k++) {
        resampledNegatives[k] = negatives[random.nextInt(n)];
      }
      double[] resampledPositives = new double[m];
      for (int k = 0; k < m; k++) {
        resampledPositives[k] = positives[random.nextInt(m)];
      }
      aucs[r] = NaiveDeLong.auc(resampledPositives, resampledNegatives);
    }
    return aucs;
  }

  /**
   * Law of twice the wins (an integer: ties count one) of explicit resampling, by enumerating every
   * sequence of positive and negative draws: each positive's twice-wins against the resampled
   * negatives is summed, so the negatives' sequences (n^n) are enumerated once and the positives'
   * (m^m) convolved.
   */
  private static Map<Long, Double> exactTwiceWinsDistribution(double[] positives, double[] negatives, int draws) {
    int m = positives.length;
    int n = negatives.length;
    Map<Long, Double> law = new HashMap<>();
    int[] index = new int[n];
    double negativeWeight = Math.pow(n, -n);
    while (true) {
      long[] perPositive = new long[m];
      for (int i = 0; i < m; i++) {
        for (int j : index) {
          perPositive[i] += positives[i] > negatives[j] ? 2 : positives[i] == negatives[j] ? 1 : 0;
        }
      }
      Map<Long, Double> sums = Map.of(0L, negativeWeight);
      for (int d = 0; d < draws; d++) {
        Map<Long, Double> next = new HashMap<>();
        for (Map.Entry<Long, Double> e : sums.entrySet()) {
          for (int i = 0; i < m; i++) {
            next.merge(e.getKey() + perPositive[i], e.getValue() / m, Double::sum);
          }
        }
        sums = next;
      }
      sums.forEach((k, v) -> law.merge(k, v, Double::sum));
      int k = 0;
      while (k < n && ++index[k] == n) {
        index[k++] = 0;
      }
      if (k == n) {
        return law;
      }
    }
  }

  private static Map<Long, Integer> twiceWins(double[] aucs, int m, int n) {
    Map<Long, Integer> counts = new HashMap<>();
    for (double auc : aucs) {
      counts.merge(Math.round(auc * 2.0 * m * n), 1, Integer::sum);
    }
    return counts;
  }

  /** {statistic, degrees of freedom}: classes with at least 5 expected, the rest pooled into one. */
  private static double[] chiSquare(Map<Long, Double> exact, Map<Long, Integer> observed, int total) {
    double statistic = 0;
    int classes = 0;
    double pooledExpected = 0;
    double pooledObserved = 0;
    for (Map.Entry<Long, Double> e : exact.entrySet()) {
      double expected = e.getValue() * total;
      int seen = observed.getOrDefault(e.getKey(), 0);
      if (expected >= 5) {
        statistic += (seen - expected) * (seen - expected) / expected;
        classes++;
      } else {
        pooledExpected += expected;
        pooledObserved += seen;
      }
    }
    if (pooledExpected > 0) {
      statistic += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / Math.max(pooledExpected, 1e-300);
      classes++;
    }
    return new double[] {statistic, classes - 1};
  }

  private static double criticalValue(double degreesOfFreedom) {
    return new ChiSquaredDistribution(Math.max(1, degreesOfFreedom)).inverseCumulativeProbability(0.999);
  }

  private static double ksDistance(double[] a, double[] b) {
    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    int i = 0;
    int j = 0;
    double distance = 0;
    while (i < x.length && j < y.length) {
      double v = Math.min(x[i], y[j]);
      while (i < x.length && x[i] == v) {
        i++;
      }
      while (j < y.length && y[j] == v) {
        j++;
      }
      distance = Math.max(distance, Math.abs(i / (double) x.length - j / (double) y.length));
    }
    return distance;
  }

  private static double[] parse(String scores) {
    return Arrays.stream(scores.trim().split(" +")).mapToDouble(Double::parseDouble).toArray();
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
  void progressIsToldOncePerReplicateWithTheCountDoneSoFar() {
    SplittableRandom data = new SplittableRandom(BASE_SEED);
    Placements p = Placements.of(NaiveDeLong.normal(data, 30, 1), NaiveDeLong.normal(data, 40, 0));
    List<long[]> calls = Collections.synchronizedList(new ArrayList<>());
    StratifiedBootstrap.replicateAucs(p, 250, 7, (done, total) -> calls.add(new long[] {done, total}));
    assertThat(calls).hasSize(250);
    assertThat(calls.stream().mapToLong(c -> c[0]).sorted().toArray())
        .containsExactly(LongStream.rangeClosed(1, 250).toArray());
    assertThat(calls).allSatisfy(c -> assertThat(c[1]).isEqualTo(250L));
  }

  @Test
  void replicatesDoNotDependOnTheNumberOfThreads() throws Exception {
    SplittableRandom data = new SplittableRandom(BASE_SEED + 99);
    Placements p = Placements.of(NaiveDeLong.tiedNormal(data, 60, 1), NaiveDeLong.tiedNormal(data, 500, 0));
    double[] allCores = StratifiedBootstrap.replicateAucs(p, 777, 5, ProgressListener.NONE);
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      double[] oneThread = one.submit(() -> StratifiedBootstrap.replicateAucs(p, 777, 5, ProgressListener.NONE)).get();
      assertThat(oneThread).containsExactly(allCores);
    } finally {
      one.shutdown();
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

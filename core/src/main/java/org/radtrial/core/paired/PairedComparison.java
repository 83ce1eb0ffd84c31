package org.radtrial.core.paired;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.radtrial.core.multiplicity.Holm;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.roc.SortedArrays;

/**
 * Several methods (models, reconstructions) measured by one per-case metric on the same n cases: each
 * method's mean, median and SD, and every pair's mean and median difference with paired bootstrap
 * intervals, the Wilcoxon signed-rank test and Holm-adjusted p-values.
 *
 * <p><b>Input.</b> {@code values[j][c]} is method j's metric on case c; every row has the n cases in the
 * same order. NaN marks a missing value (a method that failed on a case); an infinite value is refused
 * (map it to NaN or to a cap first). A method's summary uses its present values; a pair uses its
 * complete cases and reports how many it left out; nothing is dropped silently.
 *
 * <p><b>Bootstrap.</b> Each replicate draws n cases with replacement (a {@link SplittableRandom} seeded
 * with {@code seed}, n calls of {@code nextInt(n)} per replicate) and computes every statistic of every
 * method and pair on that one draw, so pairs are resampled together and each pair's differences stay
 * paired. A method's statistics in a replicate use its present values among the drawn cases (at least
 * two, else the replicate is left out for that method and counted); a pair's use its complete cases
 * among them (at least one). Intervals are percentile intervals: the (1 − level)/2 and (1 + level)/2
 * quantiles of the replicate values, R's quantile type 7, as {@code lesions.HeadToHead}.
 *
 * <p><b>Why percentile and not BCa.</b> BCa's acceleration is estimated by the jackknife, which is
 * inconsistent for the median (a non-smooth statistic; Efron 1982, ch. 3), the very statistic this
 * class reports beside the mean; one method for every interval keeps them comparable, and the rest of
 * radtrial uses percentile intervals too. Percentile intervals under-cover when n is small (below
 * about 20 cases), which the user page says.
 *
 * <p><b>Tests.</b> Each pair's Wilcoxon signed-rank test ({@link WilcoxonSignedRank}, scipy 1.10.1's
 * {@code wilcoxon} without ties, the exact conditional test for ties at n ≤ 50); the p-values of the pairs whose test was computed form one
 * family for Holm's adjustment ({@link Holm#adjustIgnoringNaN}, R's {@code p.adjust(method = "holm")}).
 *
 * <p><b>Cost.</b> O(B·n·(k + k(k−1)/2)) expected time for B replicates, k methods and n cases: the
 * medians are found by quickselect ({@link Select}), nothing is sorted per replicate; then one sort of
 * the B replicate values per interval, O(B log B). Memory O(B·(k + k(k−1)/2)) for the replicate values.
 */
public final class PairedComparison {
  /** The fewest bootstrap replicates accepted. */
  public static final int MIN_REPLICATES = 100;

  private PairedComparison() {}

  /**
   * Compares k methods on the same n cases.
   *
   * @param methods the methods' names, one per row of values, distinct
   * @param values {@code values[j][c]}: method j's metric on case c (k rows of n); NaN where missing
   * @param direction which way the metric improves (only for {@link PairComparison#favoured()})
   * @param replicates bootstrap replicates B, at least {@link #MIN_REPLICATES}
   * @param seed seed of the case draws; the same inputs and seed give the same result
   * @param level confidence level of every interval, in (0, 1)
   * @throws IllegalArgumentException when there is no method, the names and rows do not match, rows
   *     differ in length, a value is infinite, a method has fewer than two values, a pair has no
   *     complete case, or the settings are out of range
   */
  public static PairedComparisonResult compare(List<String> methods, double[][] values, Direction direction,
      int replicates, long seed, double level) {
    int k = values.length;
    check(methods, values, replicates, level);
    int n = values[0].length;
    int pairCount = k * (k - 1) / 2;
    int[] firstOf = new int[pairCount];
    int[] secondOf = new int[pairCount];
    double[][] differences = new double[pairCount][];
    for (int a = 0, p = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++, p++) {
        firstOf[p] = a;
        secondOf[p] = b;
        differences[p] = new double[n];
        int complete = 0;
        for (int c = 0; c < n; c++) {
          differences[p][c] = values[a][c] - values[b][c]; // NaN when either is missing
          if (!Double.isNaN(differences[p][c])) {
            complete++;
          }
        }
        if (complete == 0) {
          throw new IllegalArgumentException(methods.get(a) + " and " + methods.get(b)
              + " have no case in common where both have a value; they cannot be compared");
        }
      }
    }

    // bootstrap: one draw of n cases per replicate, every statistic of every method and pair on it
    double[][] bootMean = new double[k][replicates];
    double[][] bootMedian = new double[k][replicates];
    double[][] bootSd = new double[k][replicates];
    double[][] bootMeanDiff = new double[pairCount][replicates];
    double[][] bootMedianDiff = new double[pairCount][replicates];
    SplittableRandom random = new SplittableRandom(seed);
    int[] drawn = new int[n];
    double[] work = new double[n];
    for (int r = 0; r < replicates; r++) {
      for (int i = 0; i < n; i++) {
        drawn[i] = random.nextInt(n);
      }
      for (int j = 0; j < k; j++) {
        int m = gather(values[j], drawn, work);
        if (m < 2) {
          bootMean[j][r] = bootMedian[j][r] = bootSd[j][r] = Double.NaN;
        } else {
          double mean = mean(work, m);
          bootMean[j][r] = mean;
          bootSd[j][r] = sd(work, m, mean);
          bootMedian[j][r] = Select.median(work, m);
        }
      }
      for (int p = 0; p < pairCount; p++) {
        int m = gather(differences[p], drawn, work);
        if (m < 1) {
          bootMeanDiff[p][r] = bootMedianDiff[p][r] = Double.NaN;
        } else {
          bootMeanDiff[p][r] = mean(work, m);
          bootMedianDiff[p][r] = Select.median(work, m);
        }
      }
    }

    List<MethodSummary> summaries = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      double[] present = present(values[j]);
      int m = present.length;
      double mean = mean(present, m);
      double sd = sd(present, m, mean);
      double median = Select.median(present, m);
      int leftOut = countNaN(bootMean[j]);
      String what = methods.get(j);
      summaries.add(new MethodSummary(what, m, n - m, mean, percentile(bootMean[j], level, what), median,
          percentile(bootMedian[j], level, what), sd, percentile(bootSd[j], level, what), leftOut));
    }

    WilcoxonResult[] tests = new WilcoxonResult[pairCount];
    double[] p = new double[pairCount];
    for (int q = 0; q < pairCount; q++) {
      double[] d = present(differences[q]);
      tests[q] = WilcoxonSignedRank.ofDifferences(d, n - d.length);
      p[q] = tests[q].p();
    }
    double[] holm = Holm.adjustIgnoringNaN(p);
    List<PairComparison> pairs = new ArrayList<>();
    for (int q = 0; q < pairCount; q++) {
      double[] d = present(differences[q]);
      int m = d.length;
      double meanDifference = mean(d, m);
      double medianDifference = Select.median(d, m);
      String what = methods.get(firstOf[q]) + " − " + methods.get(secondOf[q]);
      pairs.add(new PairComparison(methods.get(firstOf[q]), methods.get(secondOf[q]), firstOf[q], secondOf[q], m,
          n - m, meanDifference, percentile(bootMeanDiff[q], level, what), medianDifference,
          percentile(bootMedianDiff[q], level, what), countNaN(bootMeanDiff[q]), tests[q], holm[q],
          favoured(meanDifference, firstOf[q], secondOf[q], direction)));
    }
    return new PairedComparisonResult(n, direction, replicates, seed, level, summaries, pairs);
  }

  private static void check(List<String> methods, double[][] values, int replicates, double level) {
    int k = values.length;
    if (k == 0) {
      throw new IllegalArgumentException("no method to compare");
    }
    if (methods.size() != k) {
      throw new IllegalArgumentException(methods.size() + " method names for " + k + " rows of values");
    }
    if (new HashSet<>(methods).size() != k) {
      throw new IllegalArgumentException("method names must be distinct: " + methods);
    }
    if (replicates < MIN_REPLICATES) {
      throw new IllegalArgumentException("use at least " + MIN_REPLICATES + " bootstrap replicates, was " + replicates);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must lie in (0, 1), was " + level);
    }
    int n = values[0].length;
    for (int j = 0; j < k; j++) {
      if (values[j].length != n) {
        throw new IllegalArgumentException(methods.get(j) + " has " + values[j].length + " cases and "
            + methods.get(0) + " " + n + "; every method needs a value (or NaN) for each case");
      }
      int present = 0;
      for (int c = 0; c < n; c++) {
        double v = values[j][c];
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException(methods.get(j) + " is infinite on case " + c
              + "; give NaN for a missing value, or cap the metric");
        }
        if (!Double.isNaN(v)) {
          present++;
        }
      }
      if (present < 2) {
        throw new IllegalArgumentException(methods.get(j) + " has " + present
            + " case(s) with a value; a summary needs at least two");
      }
    }
  }

  private static int favoured(double meanDifference, int first, int second, Direction direction) {
    if (meanDifference == 0) {
      return -1;
    }
    boolean firstHigher = meanDifference > 0;
    return firstHigher == (direction == Direction.HIGHER_IS_BETTER) ? first : second;
  }

  /** Copies the non-NaN values of row at the drawn cases into work; returns how many. */
  private static int gather(double[] row, int[] drawn, double[] work) {
    int m = 0;
    for (int c : drawn) {
      double v = row[c];
      if (!Double.isNaN(v)) {
        work[m++] = v;
      }
    }
    return m;
  }

  private static double[] present(double[] row) {
    return Arrays.stream(row).filter(v -> !Double.isNaN(v)).toArray();
  }

  private static double mean(double[] a, int m) {
    double sum = 0;
    for (int i = 0; i < m; i++) {
      sum += a[i];
    }
    return sum / m;
  }

  /** Sample SD, denominator m − 1, two passes. */
  private static double sd(double[] a, int m, double mean) {
    double ss = 0;
    for (int i = 0; i < m; i++) {
      double e = a[i] - mean;
      ss += e * e;
    }
    return Math.sqrt(ss / (m - 1));
  }

  private static int countNaN(double[] a) {
    int c = 0;
    for (double v : a) {
      if (Double.isNaN(v)) {
        c++;
      }
    }
    return c;
  }

  /** The percentile interval of the defined replicate values: R's quantile type 7 at (1 ∓ level)/2. */
  static Interval percentile(double[] draws, double level, String what) {
    double[] x = Arrays.stream(draws).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (x.length == 0) {
      throw new IllegalArgumentException("no bootstrap replicate drew enough cases for " + what
          + "; it has too few cases with a value for an interval");
    }
    return new Interval(SortedArrays.quantileType7(x, (1 - level) / 2), SortedArrays.quantileType7(x, (1 + level) / 2), level);
  }
}

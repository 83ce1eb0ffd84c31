package org.radtrial.core.simulate;

import org.jspecify.annotations.Nullable;

/**
 * Exams compressed to counts per (human-reading code, AI score bucket): bucket b holds the exams
 * whose score reaches exactly the b lowest thresholds, so "flagged at threshold j" means b > j.
 * Every strategy's counters at every threshold are sums over this table, which makes the
 * bootstrap a multinomial draw over a few thousand cells instead of a resampling of millions of
 * exams: both give the same distribution, since every quantity depends on an exam only through
 * its cell.
 */
final class ExamTypes {
  final int buckets;
  final int[] counts;

  private ExamTypes(int buckets, int[] counts) {
    this.buckets = buckets;
    this.counts = counts;
  }

  /** The table of the exams in {@code subset} (all exams when null). */
  static ExamTypes of(int[] codes, int[] bucket, int buckets, int @Nullable [] subset) {
    int[] counts = new int[HumanReading.CODES * buckets];
    if (subset == null) {
      for (int i = 0; i < codes.length; i++) {
        counts[codes[i] * buckets + bucket[i]]++;
      }
    } else {
      for (int i : subset) {
        counts[codes[i] * buckets + bucket[i]]++;
      }
    }
    return new ExamTypes(buckets, counts);
  }

  int exams() {
    int n = 0;
    for (int c : counts) {
      n += c;
    }
    return n;
  }

  /**
   * Counters of each strategy at each threshold from cell counts {@code c} (the observed ones or a
   * bootstrap replicate): [strategy][threshold].
   */
  Counters[][] counters(int[] c, OutcomeTable table) {
    int strategies = table.strategies();
    int thresholds = buckets - 1;
    double[][][] sums = new double[strategies][thresholds][5];
    double exams = 0;
    double cancers = 0;
    long[] suffix = new long[buckets + 1];
    for (int code = 0; code < HumanReading.CODES; code++) {
      int base = code * buckets;
      suffix[buckets] = 0;
      for (int b = buckets - 1; b >= 0; b--) {
        suffix[b] = suffix[b + 1] + c[base + b];
      }
      long total = suffix[0];
      if (total == 0) {
        continue;
      }
      exams += total;
      cancers += HumanReading.cancer(code) ? total : 0;
      for (int s = 0; s < strategies; s++) {
        double[] on = table.outcome(s, code, true);
        double[] off = table.outcome(s, code, false);
        for (int j = 0; j < thresholds; j++) {
          long flagged = suffix[j + 1];
          long unflagged = total - flagged;
          double[] sum = sums[s][j];
          for (int f = 0; f < 5; f++) {
            sum[f] += flagged * on[f] + unflagged * off[f];
          }
        }
      }
    }
    Counters[][] result = new Counters[strategies][thresholds];
    for (int s = 0; s < strategies; s++) {
      for (int j = 0; j < thresholds; j++) {
        double[] sum = sums[s][j];
        result[s][j] = new Counters(exams, cancers, sum[0], sum[1], sum[2], sum[3], sum[4]);
      }
    }
    return result;
  }
}

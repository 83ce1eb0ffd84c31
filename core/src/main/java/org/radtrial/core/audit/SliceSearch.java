package org.radtrial.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.radtrial.core.binary.FisherExact;
import org.radtrial.core.binary.TwoProportions;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.stat.Interval;

/**
 * Counts every slice (conjunction of up to {@code depth} metadata values) of every model, for
 * missed cancers (judged on positives) and false alarms (judged on negatives), and tests each slice
 * with enough judged cases: one-sided Fisher exact test of slice vs rest (the normal approximation is
 * too optimistic for small slices, and with thousands of slices its errors become false
 * discoveries). Smaller slices whose point estimate is alarming are kept, untested, so that they can
 * be listed as "too few cases to judge".
 *
 * <p>Counting is one pass over the cases per combination of columns for all models at once,
 * O(n · Σ C(k, d)), combinations in parallel, with no per-slice scan.
 */
final class SliceSearch {
  /** Untested slices are listed when they have at least this many errors ... */
  static final int ALARMING_ERRORS = 3;
  /** ... and at least this ratio of their error rate to the rest's. */
  static final double ALARMING_RATIO = 2;

  private static final int TP = 0;
  private static final int FN = 1;
  private static final int FP = 2;
  private static final int TN = 3;
  private static final int ABSENT = 4;

  private SliceSearch() {}

  /**
   * Every slice of every model with at least {@code minimumTrials} cases of the judged class (with
   * p and smallest attainable p; q not yet filled), and every smaller slice that looks alarming
   * (p = NaN).
   */
  static List<FailureSlice> candidates(List<ModelView> views, List<GroupColumn> columns, int depth, int minimumTrials,
      double level) {
    byte[][] outcomes = views.stream().map(SliceSearch::outcomes).toArray(byte[][]::new);
    List<List<GroupColumn>> combinations = new ArrayList<>();
    for (int d = 1; d <= Math.min(depth, columns.size()); d++) {
      combinations.addAll(Partition.combinations(columns, d));
    }
    return IntStream.range(0, combinations.size()).parallel()
        .mapToObj(c -> slices(views, outcomes, combinations.get(c), minimumTrials, level))
        .flatMap(List::stream)
        .toList();
  }

  /** Each case's outcome at the model's threshold: TP, FN, FP, TN, or ABSENT without a score. */
  static byte[] outcomes(ModelView view) {
    byte[] code = new byte[view.truth.length];
    for (int i = 0; i < code.length; i++) {
      if (!view.present[i]) {
        code[i] = ABSENT;
      } else if (view.truth[i]) {
        code[i] = (byte) (view.calledPositive[i] ? TP : FN);
      } else {
        code[i] = (byte) (view.calledPositive[i] ? FP : TN);
      }
    }
    return code;
  }

  private static List<FailureSlice> slices(List<ModelView> views, byte[][] outcomes, List<GroupColumn> combination,
      int minimumTrials, double level) {
    long[] size = new long[1];
    int[] keys = Partition.keys(combination, size);
    int cells = (int) size[0];
    List<FailureSlice> slices = new ArrayList<>();
    for (int k = 0; k < views.size(); k++) {
      ModelView view = views.get(k);
      byte[] code = outcomes[k];
      int[] counts = new int[cells * 5];
      for (int i = 0; i < keys.length; i++) {
        counts[keys[i] * 5 + code[i]]++;
      }
      int totalFn = view.positives - view.truePositives;
      int totalFp = view.falsePositives;
      for (int key = 0; key < cells; key++) {
        int tp = counts[key * 5 + TP];
        int fn = counts[key * 5 + FN];
        int fp = counts[key * 5 + FP];
        int tn = counts[key * 5 + TN];
        int pos = tp + fn;
        int neg = fp + tn;
        if (pos > 0 && view.positives - pos > 0) {
          add(slices, view, combination, key, "false_negative", pos + neg, pos, fn, pos, totalFn - fn, view.positives - pos,
              minimumTrials, level);
        }
        if (neg > 0 && view.negatives - neg > 0) {
          add(slices, view, combination, key, "false_positive", pos + neg, pos, fp, neg, totalFp - fp, view.negatives - neg,
              minimumTrials, level);
        }
      }
    }
    return slices;
  }

  private static void add(List<FailureSlice> slices, ModelView view, List<GroupColumn> combination, int key, String error,
      int cases, int positives, int errors, int trials, int restErrors, int restTrials, int minimumTrials, double level) {
    double sliceRate = errors / (double) trials;
    double restRate = restErrors / (double) restTrials;
    boolean testable = trials >= minimumTrials;
    if (!testable && !alarming(errors, sliceRate, restRate)) {
      return;
    }
    int events = errors + restErrors;
    int total = trials + restTrials;
    double p = testable ? FisherExact.upperTail(errors, trials, events, total) : Double.NaN;
    double smallestP = FisherExact.upperTail(Math.min(trials, events), trials, events, total);
    Interval effectCi = TwoProportions.newcombeDifference(errors, trials, restErrors, restTrials, level);
    slices.add(new FailureSlice(view.name(), Partition.subgroup(combination, key), error, cases, positives, errors, trials,
        sliceRate, restErrors, restTrials, restRate, sliceRate - restRate, effectCi, errors - trials * restRate,
        new Interval(trials * effectCi.lower(), trials * effectCi.upper(), level),
        restErrors == 0 ? Double.NaN : sliceRate / restRate,
        TwoProportions.katzRatio(errors, trials, restErrors, restTrials, level), p, smallestP, Double.NaN, Double.NaN,
        Double.NaN));
  }

  /** An untested slice worth listing: at least {@link #ALARMING_ERRORS} errors at {@link #ALARMING_RATIO}× the rest's rate. */
  static boolean alarming(int errors, double sliceRate, double restRate) {
    return errors >= ALARMING_ERRORS && sliceRate >= ALARMING_RATIO * restRate;
  }
}

package org.radtrial.core.paired;

import java.util.List;

/**
 * Every method's summary and every pair's comparison.
 *
 * @param cases the number of cases n (each method's row length)
 * @param direction which way the metric improves
 * @param replicates bootstrap replicates drawn
 * @param seed the seed of the case draws
 * @param level confidence level of every interval
 * @param methods one summary per input row, in input order
 * @param pairs every pair (i, j), i &lt; j, in the order (0,1), (0,2), …, (0,k−1), (1,2), …
 */
public record PairedComparisonResult(int cases, Direction direction, int replicates, long seed, double level,
    List<MethodSummary> methods, List<PairComparison> pairs) {
  public PairedComparisonResult {
    methods = List.copyOf(methods);
    pairs = List.copyOf(pairs);
  }

  /** The comparison of input rows i and j (either order; the record's differences are row min − row max). */
  public PairComparison pair(int i, int j) {
    int a = Math.min(i, j);
    int b = Math.max(i, j);
    for (PairComparison p : pairs) {
      if (p.firstIndex() == a && p.secondIndex() == b) {
        return p;
      }
    }
    throw new IllegalArgumentException("no pair of rows " + i + " and " + j + " among " + methods.size() + " methods");
  }
}

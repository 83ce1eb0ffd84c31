package org.radtrial.core.multiplicity;


/**
 * Benjamini-Hochberg (1995) q-values, as R's {@code p.adjust(p, method = "BH")}: controls the
 * false discovery rate at level α when every test with q ≤ α is called a discovery.
 */
public final class BenjaminiHochberg {
  private BenjaminiHochberg() {}

  /**
   * q-values in the order given: for the i-th smallest p (1-based) of k, min over j ≥ i of
   * min(1, k·p_(j) / j).
   */
  public static double[] adjust(double[] p) {
    int k = p.length;
    Integer[] order = PValues.ascendingOrder(p);
    double[] q = new double[k];
    double running = 1;
    for (int rank = k - 1; rank >= 0; rank--) {
      int i = order[rank];
      // p·(k/rank) rather than k·p/rank: the factor is ≥ 1, so rounding never takes q below p
      running = Math.min(running, Math.min(1, p[i] * ((double) k / (rank + 1))));
      q[i] = running;
    }
    return q;
  }
}

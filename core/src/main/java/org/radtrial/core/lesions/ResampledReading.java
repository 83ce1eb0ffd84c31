package org.radtrial.core.lesions;

import java.util.Arrays;

/**
 * One reading prepared for the bootstrap: its marks sorted once, so that a replicate, given as how many
 * times each case was drawn, costs one pass over the marks and no sort. A replicate's figures are those of
 * {@link LocalizationFom#value} and {@link FrocCurve#of(LesionTruth, Reading, int[])} on the same multiset
 * of cases (every case counted as often as it was drawn), up to the order of floating-point sums
 * ({@code ResampledReadingTest} compares the two on seeded random studies).
 */
final class ResampledReading {
  // the figure's false-positive scores, ascending, with their cases
  private final double[] fScore;
  private final int[] fCase;
  // its targets, ascending, with their cases and weights
  private final double[] tRating;
  private final int[] tCase;
  private final double[] tWeight;
  // each case's target weight (the figure's M is Σ count · mass)
  private final double[] mass;
  // every mark (NL and marked LL), descending by rating; markCase[i] < 0 for an LL of case −markCase[i] − 1;
  // groupEnd[i] tells whether mark i is the last of its rating
  private final double[] markRating;
  private final int[] markCase;
  private final boolean[] groupEnd;
  private final int[] lesions;

  ResampledReading(LocalizationFigure figure, LesionTruth truth, Reading reading) {
    reading.requireShape(truth);
    int cases = truth.size();
    mass = new double[cases];
    lesions = new int[cases];
    int nf = 0;
    int nt = 0;
    int marks = 0;
    for (int k = 0; k < cases; k++) {
      LesionCase c = truth.get(k);
      lesions[k] = c.lesions();
      nf += !figure.normalsOnly() || c.isNormal() ? 1 : 0;
      nt += c.isNormal() ? 0 : figure.perCase() ? 1 : c.lesions();
      marks += reading.nl()[k].length;
      for (double r : reading.ll()[k]) {
        marks += r == Double.NEGATIVE_INFINITY ? 0 : 1;
      }
    }
    double[] fs = new double[nf];
    int[] fc = new int[nf];
    double[] tr = new double[nt];
    int[] tc = new int[nt];
    double[] tw = new double[nt];
    double[] mr = new double[marks];
    int[] mc = new int[marks];
    int f = 0;
    int t = 0;
    int m = 0;
    for (int k = 0; k < cases; k++) {
      LesionCase c = truth.get(k);
      if (!figure.normalsOnly() || c.isNormal()) {
        fs[f] = figure.perCase() ? reading.highestMark(k) : reading.highestNl(k);
        fc[f++] = k;
      }
      if (!c.isNormal()) {
        if (figure.perCase()) {
          tr[t] = reading.highestMark(k);
          tw[t] = 1;
          tc[t++] = k;
          mass[k] = 1;
        } else {
          for (int l = 0; l < c.lesions(); l++) {
            tr[t] = reading.ll()[k][l];
            tw[t] = figure.weighted() ? c.weight(l) : 1;
            tc[t++] = k;
          }
          mass[k] = figure.weighted() ? 1 : c.lesions();
        }
      }
      for (double r : reading.nl()[k]) {
        mr[m] = r;
        mc[m++] = k;
      }
      for (double r : reading.ll()[k]) {
        if (r != Double.NEGATIVE_INFINITY) {
          mr[m] = r;
          mc[m++] = -k - 1;
        }
      }
    }
    int[] fo = ascending(fs);
    fScore = permute(fs, fo);
    fCase = permute(fc, fo);
    int[] to = ascending(tr);
    tRating = permute(tr, to);
    tCase = permute(tc, to);
    tWeight = permute(tw, to);
    int[] mo = ascending(mr);
    markRating = new double[marks];
    markCase = new int[marks];
    for (int i = 0; i < marks; i++) {
      markRating[i] = mr[mo[marks - 1 - i]];
      markCase[i] = mc[mo[marks - 1 - i]];
    }
    groupEnd = new boolean[marks];
    for (int i = 0; i < marks; i++) {
      groupEnd[i] = i == marks - 1 || markRating[i + 1] != markRating[i];
    }
  }

  /**
   * The figure of merit of the cases drawn {@code count[k]} times each: Σ_f Σ_t c_f c_t w_t ψ(f, t) /
   * (Σ_f c_f · Σ_k c_k m_k); NaN when no false-positive score or no target weight was drawn.
   */
  double figure(int[] count) {
    double nf = 0;
    for (int i = 0; i < fCase.length; i++) {
      nf += count[fCase[i]];
    }
    double totalMass = 0;
    for (int k = 0; k < count.length; k++) {
      totalMass += count[k] * mass[k];
    }
    if (nf == 0 || totalMass == 0) {
      return Double.NaN;
    }
    double s = 0;
    double below = 0;
    int i = 0;
    int j = 0;
    while (j < tRating.length) {
      double v = tRating[j];
      while (i < fScore.length && fScore[i] < v) {
        below += count[fCase[i++]];
      }
      double equal = 0;
      int e = i;
      while (e < fScore.length && fScore[e] == v) {
        equal += count[fCase[e++]];
      }
      double psiSum = below + 0.5 * equal;
      while (j < tRating.length && tRating[j] == v) {
        s += count[tCase[j]] * tWeight[j] * psiSum;
        j++;
      }
    }
    return s / (nf * totalMass);
  }

  /**
   * LUNA16's sensitivities at {@code rates} (ascending) on the FROC curve of the drawn cases, written into
   * {@code out}: the curve is walked once from the highest rating down, as {@link FrocCurve#sensitivityAt}
   * reads it (the last point with NLF ≤ rate, interpolated towards the next, held at the end point).
   */
  void sensitivities(int[] count, double[] rates, double[] out) {
    int cases = 0;
    double lt = 0;
    for (int k = 0; k < count.length; k++) {
      cases += count[k];
      lt += (double) count[k] * lesions[k];
    }
    double nl = 0;
    double ll = 0;
    double prevNlf = 0;
    double prevLlf = 0;
    int r = 0;
    for (int i = 0; i < markRating.length && r < rates.length; i++) {
      int c = markCase[i];
      if (c >= 0) {
        nl += count[c];
      } else {
        ll += count[-c - 1];
      }
      if (!groupEnd[i]) {
        continue;
      }
      double nlf = nl / cases;
      double llf = lt == 0 ? Double.NaN : ll / lt;
      while (r < rates.length && nlf > rates[r]) {
        out[r] = prevNlf == rates[r] ? prevLlf : prevLlf + (rates[r] - prevNlf) / (nlf - prevNlf) * (llf - prevLlf);
        r++;
      }
      prevNlf = nlf;
      prevLlf = llf;
    }
    for (; r < rates.length; r++) {
      out[r] = prevLlf;
    }
  }

  /**
   * The indices that put {@code values} in ascending order (stable), without boxing or comparisons: an LSD radix
   * sort, 16 bits a pass, of the doubles' order-preserving bit patterns (negative values have every bit
   * flipped, others only the sign bit; −0.0 sorts before 0.0, which nothing here tells apart).
   */
  static int[] ascending(double[] values) {
    int n = values.length;
    long[] key = new long[n];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToLongBits(values[i]);
      key[i] = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] next = new int[n];
    int[] counts = new int[(1 << 16) + 1];
    for (int shift = 0; shift < 64; shift += 16) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[(int) ((key[order[i]] >>> shift) & 0xFFFF) + 1]++;
      }
      if (n == 0 || counts[(int) ((key[0] >>> shift) & 0xFFFF) + 1] == n) {
        continue; // every key has the same digit here: the pass would not move anything
      }
      for (int d = 1; d < counts.length; d++) {
        counts[d] += counts[d - 1];
      }
      for (int i = 0; i < n; i++) {
        int at = order[i];
        next[counts[(int) ((key[at] >>> shift) & 0xFFFF)]++] = at;
      }
      int[] swap = order;
      order = next;
      next = swap;
    }
    return order;
  }

  private static double[] permute(double[] v, int[] order) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[order[i]];
    }
    return out;
  }

  private static int[] permute(int[] v, int[] order) {
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[order[i]];
    }
    return out;
  }
}

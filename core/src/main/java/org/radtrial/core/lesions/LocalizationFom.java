package org.radtrial.core.lesions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.radtrial.core.roc.SortedArrays;

/**
 * Computes a {@link LocalizationFigure} and its leave-one-out values in O(n log n): with S = Σ_f Σ_t
 * w_t ψ(f, t), A(f) = Σ_t w_t ψ(f, t) (targets sorted with cumulative weights) and B(t) = Σ_f ψ(f, t)
 * (scores sorted), deleting case k leaves S − A(f_k) − Σ_{t of k} w_t B(t) + Σ_{t of k} w_t ψ(f_k, t)
 * over |F| − [k ∈ F] scores and M − m_k total weight. Checked against recomputation with each case
 * deleted in the tests.
 */
public final class LocalizationFom {
  private LocalizationFom() {}

  /** θ and every leave-one-out value. */
  public static FigureValue compute(LocalizationFigure figure, LesionTruth truth, Reading reading) {
    reading.requireShape(truth);
    int cases = truth.size();
    // false-positive scores: score[k] for cases in F, NaN otherwise
    double[] score = new double[cases];
    int nf = 0;
    for (int k = 0; k < cases; k++) {
      boolean inF = !figure.normalsOnly() || truth.get(k).isNormal();
      score[k] = inF ? (figure.perCase() ? reading.highestMark(k) : reading.highestNl(k)) : Double.NaN;
      nf += inF ? 1 : 0;
    }
    // targets
    int nt = 0;
    for (int k = 0; k < cases; k++) {
      nt += figure.perCase() ? (truth.get(k).isNormal() ? 0 : 1) : truth.get(k).lesions();
    }
    double[] rating = new double[nt];
    double[] weight = new double[nt];
    int[] owner = new int[nt];
    double[] mass = new double[cases];
    int t = 0;
    for (int k = 0; k < cases; k++) {
      LesionCase c = truth.get(k);
      if (c.isNormal()) {
        continue;
      }
      if (figure.perCase()) {
        rating[t] = reading.highestMark(k);
        weight[t] = 1;
        owner[t++] = k;
        mass[k] = 1;
        continue;
      }
      for (int l = 0; l < c.lesions(); l++) {
        rating[t] = reading.ll()[k][l];
        weight[t] = figure.weighted() ? c.weight(l) : 1;
        owner[t++] = k;
      }
      mass[k] = figure.weighted() ? 1 : c.lesions();
    }
    double totalMass = Arrays.stream(mass).sum();
    double[] fScores = new double[nf];
    int q = 0;
    for (double s : score) {
      if (!Double.isNaN(s)) {
        fScores[q++] = s;
      }
    }
    Arrays.sort(fScores);
    Integer[] order = new Integer[nt];
    for (int i = 0; i < nt; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(rating[a], rating[b]));
    double[] sortedRatings = new double[nt];
    double[] cumulative = new double[nt + 1];
    for (int i = 0; i < nt; i++) {
      sortedRatings[i] = rating[order[i]];
      cumulative[i + 1] = cumulative[i] + weight[order[i]];
    }
    double[] b = new double[nt];
    double s = 0;
    for (int i = 0; i < nt; i++) {
      b[i] = below(fScores, rating[i]);
      s += weight[i] * b[i];
    }
    double value = s / (nf * totalMass);
    double[] removeS = new double[cases];
    for (int k = 0; k < cases; k++) {
      if (!Double.isNaN(score[k])) {
        removeS[k] += above(sortedRatings, cumulative, score[k]);
      }
    }
    for (int i = 0; i < nt; i++) {
      int k = owner[i];
      removeS[k] += weight[i] * b[i];
      if (!Double.isNaN(score[k])) {
        removeS[k] -= weight[i] * psi(score[k], rating[i]);
      }
    }
    double[] without = new double[cases];
    for (int k = 0; k < cases; k++) {
      int f = nf - (Double.isNaN(score[k]) ? 0 : 1);
      double m = totalMass - mass[k];
      without[k] = f > 0 && m > 0 ? (s - removeS[k]) / (f * m) : Double.NaN;
    }
    return new FigureValue(figure, value, without);
  }

  /**
   * θ over a multiset of cases (indices may repeat, as in a bootstrap sample): the same definition with
   * every listed case counted as often as it is listed; NaN when no false-positive score or no target
   * weight remains.
   */
  static double value(LocalizationFigure figure, LesionTruth truth, Reading reading, int[] cases) {
    List<Double> scores = new ArrayList<>();
    List<double[]> targets = new ArrayList<>();
    double totalMass = 0;
    for (int k : cases) {
      LesionCase c = truth.get(k);
      if (!figure.normalsOnly() || c.isNormal()) {
        scores.add(figure.perCase() ? reading.highestMark(k) : reading.highestNl(k));
      }
      if (c.isNormal()) {
        continue;
      }
      if (figure.perCase()) {
        targets.add(new double[] {reading.highestMark(k), 1});
        totalMass += 1;
        continue;
      }
      for (int l = 0; l < c.lesions(); l++) {
        targets.add(new double[] {reading.ll()[k][l], figure.weighted() ? c.weight(l) : 1});
      }
      totalMass += figure.weighted() ? 1 : c.lesions();
    }
    if (scores.isEmpty() || totalMass == 0) {
      return Double.NaN;
    }
    double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double s = 0;
    for (double[] t : targets) {
      s += t[1] * below(sorted, t[0]);
    }
    return s / (sorted.length * totalMass);
  }

  /** ψ(f, t): 1 if t &gt; f, ½ if equal (−∞ = −∞ included), 0 otherwise. */
  static double psi(double f, double t) {
    return t > f ? 1 : t == f ? 0.5 : 0;
  }

  /** Σ_f ψ(f, t) over sorted scores: the number below t plus half the number equal. */
  private static double below(double[] sorted, double t) {
    int lo = SortedArrays.lowerBound(sorted, t);
    int hi = SortedArrays.upperBound(sorted, t);
    return lo + 0.5 * (hi - lo);
  }

  /** Σ_t w_t ψ(f, t) over sorted ratings with cumulative weights. */
  private static double above(double[] sorted, double[] cumulative, double f) {
    int lo = SortedArrays.lowerBound(sorted, f);
    int hi = SortedArrays.upperBound(sorted, f);
    double total = cumulative[sorted.length];
    return (total - cumulative[hi]) + 0.5 * (cumulative[hi] - cumulative[lo]);
  }
}

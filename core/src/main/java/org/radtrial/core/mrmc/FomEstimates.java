package org.radtrial.core.mrmc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.roc.Placements;

/**
 * The figure of merit θ of every cell of a study (one cell per reader per modality, then one for
 * the stand-alone reader if there is one) and θ with each case deleted in turn, in case order: the
 * input of the jackknife covariance and of the DBM pseudovalues.
 *
 * <p>Deleting a case changes θ in closed form, so no cell is recomputed K times: for the AUC,
 * deleting positive case i leaves (m·θ − V10(i))/(m − 1) and deleting negative case j leaves
 * (n·θ − V01(j))/(n − 1) (DeLong's placement values); a proportion of m cases becomes (m·θ −
 * x)/(m − 1) when one of its own cases, with outcome x, is deleted, and is unchanged otherwise.
 */
final class FomEstimates {
  private final int modalities;
  private final int readers;
  private final boolean standalone;
  private final double[] theta;
  private final double[][] leaveOneOut;
  private final Placements @Nullable [] placements;
  private final double[][] positiveRatings;
  private final double[][] negativeRatings;
  private final int[] block;

  private FomEstimates(int modalities, int readers, boolean standalone, double[] theta, double[][] leaveOneOut,
      Placements @Nullable [] placements, double[][] positiveRatings, double[][] negativeRatings, int[] block) {
    this.modalities = modalities;
    this.readers = readers;
    this.standalone = standalone;
    this.theta = theta;
    this.leaveOneOut = leaveOneOut;
    this.placements = placements;
    this.positiveRatings = positiveRatings;
    this.negativeRatings = negativeRatings;
    this.block = block;
  }

  static FomEstimates of(ReaderStudy study, FigureOfMerit fom) {
    if (fom instanceof FigureOfMerit.Jackknifed) {
      throw new IllegalArgumentException("the figure of merit " + fom.label() + " is computed outside a rating study;"
          + " analyse its JackknifeValues instead");
    }
    int t = study.modalities().size();
    int r = study.readers().size();
    boolean withStandalone = study.standalone().isPresent();
    int cells = t * r + (withStandalone ? 1 : 0);
    double[] theta = new double[cells];
    double[][] leaveOneOut = new double[cells][];
    Placements[] placements = fom instanceof FigureOfMerit.Auc ? new Placements[cells] : null;
    double[][] positiveRatings = new double[cells][];
    double[][] negativeRatings = new double[cells][];
    int[] block = new int[cells];
    double[][][] ratings = study.ratingsView();
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        int cell = i * r + j;
        block[cell] = study.readerBlock(j);
        int[] pos = study.positiveCases(block[cell]);
        int[] neg = study.negativeCases(block[cell]);
        positiveRatings[cell] = select(ratings[i][j], pos);
        negativeRatings[cell] = select(ratings[i][j], neg);
        fill(fom, pos, neg, positiveRatings[cell], negativeRatings[cell], study.higherIsPositive(i), cell, theta,
            leaveOneOut, placements);
      }
    }
    if (withStandalone) {
      StandaloneReader ai = study.standalone().orElseThrow();
      positiveRatings[t * r] = select(ai.ratings(), study.positiveCases());
      negativeRatings[t * r] = select(ai.ratings(), study.negativeCases());
      fill(fom, study.positiveCases(), study.negativeCases(), positiveRatings[t * r], negativeRatings[t * r],
          ai.higherIsPositive(), t * r, theta, leaveOneOut, placements);
    }
    return new FomEstimates(t, r, withStandalone, theta, leaveOneOut, placements, positiveRatings, negativeRatings, block);
  }

  /** θ and leave-one-out values computed elsewhere: one block, every case defining. */
  static FomEstimates of(JackknifeValues values) {
    int t = values.modalities().size();
    int r = values.readers().size();
    double[] theta = new double[t * r];
    double[][] leaveOneOut = new double[t * r][];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        theta[i * r + j] = values.theta(i, j);
        leaveOneOut[i * r + j] = values.leaveOneOut(i, j);
      }
    }
    double[][] none = new double[t * r][0];
    return new FomEstimates(t, r, false, theta, leaveOneOut, null, none, none, new int[t * r]);
  }

  /**
   * θ of one cell from the ratings x of its cases with disease (indices pos) and y without (neg), and θ
   * with each defining case deleted: for the AUC over the cell's cases in case order (the positions of
   * pos and neg merged), for a proportion over its own class in order.
   */
  private static void fill(FigureOfMerit fom, int[] pos, int[] neg, double[] x, double[] y,
      boolean higherIsPositive, int cell, double[] theta, double[][] leaveOneOut, Placements @Nullable [] placements) {
    int m = x.length;
    int n = y.length;
    double[] without;
    double value;
    if (fom instanceof FigureOfMerit.Auc) {
      without = new double[m + n];
      Placements v = Placements.of(x, y);
      // the AUC is the only figure of merit with placements, and they were allocated for it
      Objects.requireNonNull(placements)[cell] = v;
      value = v.auc();
      int[] slot = mergedOrder(pos, neg);
      for (int a = 0; a < m; a++) {
        without[slot[a]] = (m * value - v.positivePlacement(a)) / (m - 1);
      }
      for (int b = 0; b < n; b++) {
        without[slot[m + b]] = (n * value - v.negativePlacement(b)) / (n - 1);
      }
    } else if (fom instanceof FigureOfMerit.Sensitivity s) {
      double cut = Cuts.oriented(s.cut(), higherIsPositive);
      value = proportionAtOrAbove(x, cut);
      without = new double[m];
      for (int a = 0; a < m; a++) {
        without[a] = (m * value - (x[a] >= cut ? 1 : 0)) / (m - 1);
      }
    } else {
      double cut = Cuts.oriented(((FigureOfMerit.Specificity) fom).cut(), higherIsPositive);
      value = 1 - proportionAtOrAbove(y, cut);
      without = new double[n];
      for (int b = 0; b < n; b++) {
        without[b] = (n * value - (y[b] < cut ? 1 : 0)) / (n - 1);
      }
    }
    theta[cell] = value;
    leaveOneOut[cell] = without;
  }

  /**
   * Where each case of pos (then of neg) falls in case order among all of them: slot[a] for pos[a],
   * slot[m + b] for neg[b]. For a fully crossed study the slot is the case index itself.
   */
  private static int[] mergedOrder(int[] pos, int[] neg) {
    int[] slot = new int[pos.length + neg.length];
    int a = 0;
    int b = 0;
    for (int q = 0; q < slot.length; q++) {
      if (b >= neg.length || (a < pos.length && pos[a] < neg[b])) {
        slot[a++] = q;
      } else {
        slot[pos.length + b++] = q;
      }
    }
    return slot;
  }

  private static double proportionAtOrAbove(double[] values, double cut) {
    int count = 0;
    for (double v : values) {
      count += v >= cut ? 1 : 0;
    }
    return count / (double) values.length;
  }

  static double[] select(double[] values, int[] indices) {
    double[] out = new double[indices.length];
    for (int a = 0; a < indices.length; a++) {
      out[a] = values[indices[a]];
    }
    return out;
  }

  int modalities() {
    return modalities;
  }

  int readers() {
    return readers;
  }

  /**
   * K of the jackknife: the number of cases that define the figure of merit (all cases for the AUC, the
   * cases with disease for sensitivity, those without for specificity). In a split-plot study, those of
   * the first cell's block: see {@link #cases(int)}.
   */
  int cases() {
    return leaveOneOut[0].length;
  }

  /** K of the jackknife of one cell: the defining cases its reader read. */
  int cases(int cell) {
    return leaveOneOut[cell].length;
  }

  /** The block of a cell's reader (0 in a fully crossed study, and for the stand-alone reader). */
  int block(int cell) {
    return block[cell];
  }

  int cells() {
    return theta.length;
  }

  boolean hasStandalone() {
    return standalone;
  }

  int cell(int modality, int reader) {
    return modality * readers + reader;
  }

  int standaloneCell() {
    if (!standalone) {
      throw new IllegalStateException("the study has no stand-alone reader");
    }
    return modalities * readers;
  }

  double theta(int cell) {
    return theta[cell];
  }

  double theta(int modality, int reader) {
    return theta[cell(modality, reader)];
  }

  /**
   * θ of the cell with the k-th defining case of its block deleted: case k of the study (of the block)
   * for the AUC, its k-th case with disease for sensitivity, its k-th case without for specificity (in
   * case order).
   */
  double leaveOneOut(int cell, int k) {
    return leaveOneOut[cell][k];
  }

  /** The AUC placements of a cell; only for the AUC. */
  Placements placements(int cell) {
    if (placements == null) {
      throw new IllegalStateException("DeLong placements exist only for the AUC");
    }
    return placements[cell];
  }

  /** The oriented ratings of a cell's cases with disease, in case order (shared: do not modify). */
  double[] positiveRatings(int cell) {
    return positiveRatings[cell];
  }

  /** The oriented ratings of a cell's cases without disease, in case order (shared: do not modify). */
  double[] negativeRatings(int cell) {
    return negativeRatings[cell];
  }

  boolean isAuc() {
    return placements != null;
  }
}

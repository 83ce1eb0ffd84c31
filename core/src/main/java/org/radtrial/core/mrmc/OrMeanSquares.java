package org.radtrial.core.mrmc;

import java.util.List;

/**
 * Mean squares of the modality × reader ANOVA of the figures of merit θ_ij (t modalities, r
 * readers), as OR-DBM MRMC prints them.
 *
 * @param modality MS(T) = r·Σ_i (θ_i· − θ··)² / (t − 1); NaN with one modality
 * @param reader MS(R) = t·Σ_j (θ_·j − θ··)² / (r − 1)
 * @param modalityByReader MS(T×R) = Σ_ij (θ_ij − θ_i· − θ_·j + θ··)² / ((t − 1)(r − 1)); NaN with one
 *     modality
 * @param readerWithinModality per modality i, MS(R)_i = Σ_j (θ_ij − θ_i·)² / (r − 1)
 */
public record OrMeanSquares(double modality, double reader, double modalityByReader, List<Double> readerWithinModality) {
  public OrMeanSquares {
    readerWithinModality = List.copyOf(readerWithinModality);
  }

  static OrMeanSquares of(double[][] theta) {
    int t = theta.length;
    int r = theta[0].length;
    double[] modalityMeans = new double[t];
    double[] readerMeans = new double[r];
    double grand = 0;
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        modalityMeans[i] += theta[i][j];
        readerMeans[j] += theta[i][j];
        grand += theta[i][j];
      }
    }
    // Sums first, one division each: equal values then give exactly equal means and zero mean squares.
    for (int i = 0; i < t; i++) {
      modalityMeans[i] /= r;
    }
    for (int j = 0; j < r; j++) {
      readerMeans[j] /= t;
    }
    grand /= t * r;
    double ssT = 0;
    for (int i = 0; i < t; i++) {
      ssT += r * square(modalityMeans[i] - grand);
    }
    double ssR = 0;
    for (int j = 0; j < r; j++) {
      ssR += t * square(readerMeans[j] - grand);
    }
    double ssTR = 0;
    Double[] within = new Double[t];
    for (int i = 0; i < t; i++) {
      double ss = 0;
      for (int j = 0; j < r; j++) {
        ssTR += square(theta[i][j] - modalityMeans[i] - readerMeans[j] + grand);
        ss += square(theta[i][j] - modalityMeans[i]);
      }
      within[i] = ss / (r - 1);
    }
    double nan = Double.NaN;
    return new OrMeanSquares(t > 1 ? ssT / (t - 1) : nan, ssR / (r - 1), t > 1 ? ssTR / ((t - 1) * (r - 1)) : nan,
        List.of(within));
  }

  private static double square(double x) {
    return x * x;
  }
}

package org.radtrial.core.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Gallas's unbiased covariance against its definition, on 20 seeded random studies: θ_a·θ_b minus the
 * U-statistic estimate of μ_a·μ_b, the mean of s_a(i, j)·s_b(i′, j′) over every i ≠ i′ and j ≠ j′,
 * summed pair by pair (O(m²n²), independent of the row/column-sum formula in {@link CovarianceMatrix}).
 */
class UnbiasedCovarianceTest {

  @RepeatedTest(20)
  void unbiasedCovarianceEqualsThePairwiseUStatistic(RepetitionInfo info) {
    long seed = 0x6A11_0000L + info.getCurrentRepetition();
    ReaderStudy study = RandomStudies.draw(seed);
    boolean[] truth = RandomStudies.truth(study);
    double[][] cells = DeLongCovarianceTest.cellRatings(study);
    CovarianceMatrix unbiased = CovarianceMatrix.unbiased(FomEstimates.of(study, new FigureOfMerit.Auc()));
    int checked = Math.min(cells.length, 4);
    for (int a = 0; a < checked; a++) {
      for (int b = a; b < checked; b++) {
        assertThat(unbiased.get(a, b)).as("seed %d, cells %d and %d", seed, a, b)
            .isCloseTo(pairwise(cells[a], cells[b], truth), within(1e-12));
      }
    }
  }

  @Test
  void isRefusedForSensitivity() {
    FomEstimates e = FomEstimates.of(VanDyke.study(), new FigureOfMerit.Sensitivity(3));
    assertThatThrownBy(() -> CovarianceMatrix.unbiased(e)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only for the AUC");
  }

  private static double pairwise(double[] ra, double[] rb, boolean[] truth) {
    int m = 0;
    int n = 0;
    for (boolean t : truth) {
      m += t ? 1 : 0;
      n += t ? 0 : 1;
    }
    double thetaA = NaiveMrmc.auc(ra, truth, -1);
    double thetaB = NaiveMrmc.auc(rb, truth, -1);
    double sum = 0;
    for (int i = 0; i < truth.length; i++) {
      for (int j = 0; j < truth.length; j++) {
        if (!truth[i] || truth[j]) {
          continue;
        }
        double sa = NaiveMrmc.kernel(ra[i], ra[j]);
        for (int i2 = 0; i2 < truth.length; i2++) {
          for (int j2 = 0; j2 < truth.length; j2++) {
            if (!truth[i2] || truth[j2] || i2 == i || j2 == j) {
              continue;
            }
            sum += sa * NaiveMrmc.kernel(rb[i2], rb[j2]);
          }
        }
      }
    }
    return thetaA * thetaB - sum / ((double) m * (m - 1) * n * (n - 1));
  }
}

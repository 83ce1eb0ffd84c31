package org.radtrial.core.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The closed-form leave-one-case-out values and the jackknife covariance against recomputing every
 * figure of merit from scratch with each case deleted ({@link NaiveMrmc}), on 40 seeded random
 * studies (continuous and 5-point ratings), for the AUC, sensitivity and specificity.
 */
class JackknifeTest {
  private static final List<FigureOfMerit> FIGURES =
      List.of(new FigureOfMerit.Auc(), new FigureOfMerit.Sensitivity(3), new FigureOfMerit.Specificity(0.2));

  @RepeatedTest(40)
  void leaveOneOutValuesEqualRecomputationWithoutTheCase(RepetitionInfo info) {
    long seed = 0x7ACC_0000L + info.getCurrentRepetition();
    ReaderStudy study = RandomStudies.draw(seed);
    boolean[] truth = RandomStudies.truth(study);
    double[][] cells = DeLongCovarianceTest.cellRatings(study);
    for (FigureOfMerit fom : FIGURES) {
      FomEstimates e = FomEstimates.of(study, fom);
      for (int c = 0; c < cells.length; c++) {
        assertThat(e.theta(c)).as("seed %d, %s, cell %d", seed, fom, c).isCloseTo(naive(fom, cells[c], truth, -1), within(1e-14));
        int[] defining = definingCases(study, fom);
        assertThat(e.cases()).isEqualTo(defining.length);
        for (int q = 0; q < defining.length; q++) {
          int k = defining[q];
          assertThat(e.leaveOneOut(c, q)).as("seed %d, %s, cell %d without case %d", seed, fom, c, k)
              .isCloseTo(naive(fom, cells[c], truth, k), within(1e-13));
        }
      }
    }
  }

  @RepeatedTest(40)
  void jackknifeCovarianceEqualsItsDefinition(RepetitionInfo info) {
    long seed = 0x7ACD_0000L + info.getCurrentRepetition();
    ReaderStudy study = RandomStudies.draw(seed);
    boolean[] truth = RandomStudies.truth(study);
    double[][] cells = DeLongCovarianceTest.cellRatings(study);
    double[][] without = new double[cells.length][truth.length];
    for (int c = 0; c < cells.length; c++) {
      for (int k = 0; k < truth.length; k++) {
        without[c][k] = NaiveMrmc.auc(cells[c], truth, k);
      }
    }
    CovarianceMatrix jackknife = CovarianceMatrix.jackknife(FomEstimates.of(study, new FigureOfMerit.Auc()));
    for (int a = 0; a < cells.length; a++) {
      for (int b = 0; b < cells.length; b++) {
        assertThat(jackknife.get(a, b)).as("seed %d, cells %d and %d", seed, a, b)
            .isCloseTo(NaiveMrmc.jackknifeCovariance(without[a], without[b]), within(1e-13));
      }
    }
  }

  @RepeatedTest(20)
  void pseudovaluesAverageToTheFigureOfMerit(RepetitionInfo info) {
    ReaderStudy study = RandomStudies.draw(0x7ACE_0000L + info.getCurrentRepetition());
    for (FigureOfMerit fom : FIGURES) {
      FomEstimates e = FomEstimates.of(study, fom);
      double[][][] y = PseudovalueAnova.pseudovalues(e);
      for (int i = 0; i < y.length; i++) {
        for (int j = 0; j < y[i].length; j++) {
          double mean = 0;
          for (double v : y[i][j]) {
            mean += v / y[i][j].length;
          }
          assertThat(mean).isCloseTo(e.theta(i, j), within(1e-12));
        }
      }
    }
  }

  /** The cases the jackknife deletes: all for the AUC, those with disease for sensitivity, without for specificity. */
  private static int[] definingCases(ReaderStudy study, FigureOfMerit fom) {
    if (fom instanceof FigureOfMerit.Sensitivity) {
      return study.positiveCases();
    }
    if (fom instanceof FigureOfMerit.Specificity) {
      return study.negativeCases();
    }
    return java.util.stream.IntStream.range(0, study.cases().size()).toArray();
  }

  private static double naive(FigureOfMerit fom, double[] ratings, boolean[] truth, int deleted) {
    if (fom instanceof FigureOfMerit.Sensitivity s) {
      return NaiveMrmc.proportion(ratings, truth, true, s.cut(), deleted);
    }
    if (fom instanceof FigureOfMerit.Specificity s) {
      return NaiveMrmc.proportion(ratings, truth, false, s.cut(), deleted);
    }
    return NaiveMrmc.auc(ratings, truth, deleted);
  }
}

package org.radtrial.core.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The Obuchowski-Rockette analysis with DeLong covariances, which OR-DBM MRMC does not print, checked
 * against two computations of our own that share nothing with the code under test:
 *
 * <ul>
 *   <li>src/test/reference/vandyke_or_delong.R (base R, output in vandyke_or_delong.out): the Van Dyke
 *       structural components from the full m × n kernel matrix, R's {@code cov}, and the OR and
 *       Hillis formulas written out again. Its 12 significant digits are asserted to 1e-9 relative.
 *   <li>{@link NaiveMrmc}: on 40 seeded random studies, every DeLong covariance by double loops, and
 *       the RRRC F and ddf recomputed from them here.
 * </ul>
 */
class DeLongCovarianceTest {
  private static final OrAnalysis VAN_DYKE =
      ObuchowskiRockette.analyse(VanDyke.study(), new FigureOfMerit.Auc(), CovarianceMethod.DELONG, 0.95);

  private static Offset<Double> relative(double expected) {
    return within(1e-9 * Math.abs(expected));
  }

  @Test
  void vanDykeComponentsMatchTheIndependentRComputation() {
    OrVarianceComponents v = VAN_DYKE.components();
    assertThat(v.varError()).isCloseTo(0.000792132453077, relative(0.000792132453077));
    assertThat(v.cov1()).isCloseTo(0.000342008957737, relative(0.000342008957737));
    assertThat(v.cov2()).isCloseTo(0.000339526530986, relative(0.000339526530986));
    assertThat(v.cov3()).isCloseTo(0.000235849653234, relative(0.000235849653234));
    assertThat(v.varTR()).isCloseTo(0.000204584004155, relative(0.000204584004155));
    assertThat(v.varR()).isCloseTo(0.00153642537918, relative(0.00153642537918));
  }

  @Test
  void vanDykeRandomReaderRandomCaseInferenceMatchesR() {
    GeneralizationResult r = VAN_DYKE.randomReadersRandomCases();
    assertThat(r.test().statistic()).isCloseTo(4.48485432182, relative(4.48485432182));
    assertThat(r.test().ddf()).isCloseTo(15.0661079389, relative(15.0661079389));
    assertThat(r.test().p()).isCloseTo(0.0512330308248, relative(0.0512330308248));
    assertThat(r.differences().get(0).ci().lower()).isCloseTo(-0.0878671960201, relative(0.0878671960201));
    assertThat(r.differences().get(0).ci().upper()).isCloseTo(0.000266551897703, relative(0.000266551897703));
    assertThat(r.modalities().get(0).standardError()).isCloseTo(0.0330764206159, relative(0.0330764206159));
    assertThat(r.modalities().get(0).df()).isCloseTo(12.5959694782, relative(12.5959694782));
    assertThat(r.modalities().get(1).standardError()).isCloseTo(0.0215046409732, relative(0.0215046409732));
    assertThat(r.modalities().get(1).df()).isCloseTo(12.5652964553, relative(12.5652964553));
  }

  @Test
  void vanDykeFixedReaderInferenceMatchesR() {
    GeneralizationResult r = VAN_DYKE.fixedReadersRandomCases();
    assertThat(r.test().statistic()).isCloseTo(5.54578928886, relative(5.54578928886));
    assertThat(r.test().p()).isCloseTo(0.0185252004375, relative(0.0185252004375));
    assertThat(r.differences().get(0).standardError()).isCloseTo(0.0185992581179, relative(0.0185992581179));
    double[] readerSe = {0.0253629988478, 0.0261435474088, 0.0310264983115, 0.0171741487817, 0.0437821103635};
    for (int j = 0; j < 5; j++) {
      assertThat(r.readers().get(j).difference().standardError()).isCloseTo(readerSe[j], relative(readerSe[j]));
    }
  }

  @RepeatedTest(40)
  void everyCovarianceEqualsTheDoubleLoopStructuralComponents(RepetitionInfo info) {
    long seed = 0xDE1_0000L + info.getCurrentRepetition();
    ReaderStudy study = RandomStudies.draw(seed);
    FomEstimates e = FomEstimates.of(study, new FigureOfMerit.Auc());
    CovarianceMatrix c = CovarianceMatrix.delong(e);
    boolean[] truth = RandomStudies.truth(study);
    double[][] cells = cellRatings(study);
    for (int a = 0; a < cells.length; a++) {
      for (int b = 0; b < cells.length; b++) {
        assertThat(c.get(a, b)).as("seed %d, cells %d and %d", seed, a, b)
            .isCloseTo(NaiveMrmc.delongCovariance(cells[a], cells[b], truth), within(1e-13));
      }
    }
  }

  @RepeatedTest(40)
  void theRandomReaderRandomCaseTestFollowsFromTheNaiveCovariances(RepetitionInfo info) {
    long seed = 0xDE2_0000L + info.getCurrentRepetition();
    ReaderStudy study = RandomStudies.draw(seed, 2 + (int) (seed % 2));
    int t = study.modalities().size();
    int r = study.readers().size();
    boolean[] truth = RandomStudies.truth(study);
    double[][] theta = new double[t][r];
    double[][][] ratings = new double[t][r][];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        ratings[i][j] = study.ratings(i, j);
        theta[i][j] = NaiveMrmc.auc(ratings[i][j], truth, -1);
      }
    }
    double[] sums = new double[4];
    long[] counts = new long[4];
    for (int i = 0; i < t; i++) {
      for (int i2 = 0; i2 < t; i2++) {
        for (int j = 0; j < r; j++) {
          for (int j2 = 0; j2 < r; j2++) {
            int kind = (i == i2 ? 0 : 1) + (j == j2 ? 0 : 2);
            sums[kind] += NaiveMrmc.delongCovariance(ratings[i][j], ratings[i2][j2], truth);
            counts[kind]++;
          }
        }
      }
    }
    double cov2 = sums[2] / counts[2];
    double cov3 = sums[3] / counts[3];
    double[] mi = new double[t];
    double[] mj = new double[r];
    double g = 0;
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        mi[i] += theta[i][j] / r;
        mj[j] += theta[i][j] / t;
        g += theta[i][j] / (t * r);
      }
    }
    double msT = 0;
    double msTR = 0;
    for (int i = 0; i < t; i++) {
      msT += r * (mi[i] - g) * (mi[i] - g) / (t - 1);
      for (int j = 0; j < r; j++) {
        double e = theta[i][j] - mi[i] - mj[j] + g;
        msTR += e * e / ((t - 1) * (r - 1));
      }
    }
    double den = msTR + r * Math.max(cov2 - cov3, 0);
    GlobalTest test = ObuchowskiRockette.analyse(study, new FigureOfMerit.Auc(), CovarianceMethod.DELONG, 0.95)
        .randomReadersRandomCases().test();
    assertThat(test.statistic()).as("seed %d", seed).isCloseTo(msT / den, within(1e-9 * Math.max(1, msT / den)));
    double ddf = den * den / (msTR * msTR / ((t - 1) * (r - 1)));
    assertThat(test.ddf()).as("seed %d", seed).isCloseTo(ddf, within(1e-9 * ddf));
  }

  /** Ratings of every cell in FomEstimates' order: modality by modality, reader by reader, then the AI. */
  static double[][] cellRatings(ReaderStudy study) {
    int t = study.modalities().size();
    int r = study.readers().size();
    int cells = t * r + (study.standalone().isPresent() ? 1 : 0);
    double[][] out = new double[cells][];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        out[i * r + j] = study.ratings(i, j);
      }
    }
    study.standalone().ifPresent(ai -> out[t * r] = ai.ratings());
    return out;
  }
}

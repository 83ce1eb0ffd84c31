package org.radtrial.core.mrmc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Van Dyke analyses against MRMCaov's published output (src/test/reference/mrmcaov/: the package's
 * Journal of Statistical Software article, docs/jss/MRMCaov.tex in GitHub brian-j-smith/MRMCaov, whose
 * code chunks print MRMCaov 0.2/0.3's own output). Every number is asserted to half a unit of the last
 * digit printed. Treatment 1 there is modality "1" here.
 */
class MrmcaovReferenceTest {
  private static final ReaderStudy STUDY = VanDyke.study();

  /**
   * {@code mrmc(binary_sens(truth, rating >= 3), treatment, reader, case, data = VanDyke)}, excerpt lines
   * 1–100: the jackknife deletes only the 45 cases with disease (K = 45 in (K − 1)/K).
   */
  @Nested
  class SensitivityAtRatingThree {
    private final OrAnalysis or = ObuchowskiRockette.analyse(STUDY, new FigureOfMerit.Sensitivity(3),
        CovarianceMethod.JACKKNIFE, 0.95);

    @Test
    void sensitivityOfEveryReaderInEveryModality() {
      // "Response metric data", 3 decimals.
      double[][] printed = {{0.889, 0.778, 0.822, 0.933, 0.689}, {0.978, 0.822, 0.911, 1, 0.889}};
      FomEstimates e = FomEstimates.of(STUDY, new FigureOfMerit.Sensitivity(3));
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 5; j++) {
          assertThat(e.theta(i, j)).as("modality %d reader %d", i + 1, j + 1).isCloseTo(printed[i][j], Printed.decimals(3));
        }
      }
      assertThat(e.cases()).as("jackknifed cases: those with disease").isEqualTo(45);
    }

    @Test
    void anovaTable() {
      assertThat(or.meanSquares().modality()).isCloseTo(0.0239012, Printed.decimals(7));
      assertThat(or.meanSquares().reader()).isCloseTo(0.0124198, Printed.decimals(7));
      assertThat(or.meanSquares().modalityByReader()).isCloseTo(0.0018025, Printed.decimals(7));
    }

    @Test
    void errorCovariancesFromTheJackknifeOverCasesWithDisease() {
      // "Obuchowski-Rockette variance component and covariance estimates".
      OrVarianceComponents v = or.components();
      assertThat(v.varR()).isCloseTo(0.0049747475, Printed.decimals(10));
      assertThat(v.varTR()).isCloseTo(0.0007828283, Printed.decimals(10));
      assertThat(v.varError()).isCloseTo(0.0023681257, Printed.decimals(10));
      assertThat(v.cov1()).isCloseTo(0.0009943883, Printed.decimals(10));
      assertThat(v.cov2()).isCloseTo(0.0010145903, Printed.decimals(10));
      assertThat(v.cov3()).isCloseTo(0.0006604938, Printed.decimals(10));
      assertThat(v.correlation1()).isCloseTo(0.4199052, Printed.decimals(7));
      assertThat(v.correlation2()).isCloseTo(0.4284360, Printed.decimals(7));
      assertThat(v.correlation3()).isCloseTo(0.2789100, Printed.decimals(7));
    }

    @Test
    void randomReadersRandomCasesTestAndDifference() {
      // "ANOVA global test of equal treatment binary_sens" and "pairwise differences".
      GlobalTest f = or.randomReadersRandomCases().test();
      assertThat(f.statistic()).isCloseTo(6.689493, Printed.decimals(6));
      assertThat(f.ddf()).isCloseTo(15.71732, Printed.decimals(5));
      assertThat(f.p()).isCloseTo(0.02008822, Printed.decimals(8));
      ModalityDifference d = or.randomReadersRandomCases().differences().get(0);
      assertThat(d.estimate()).isCloseTo(-0.09777778, Printed.decimals(8));
      assertThat(d.standardError()).isCloseTo(0.03780451, Printed.decimals(8));
      assertThat(d.df()).isCloseTo(15.71732, Printed.decimals(5));
      assertThat(d.statistic()).isCloseTo(-2.586405, Printed.decimals(6));
      assertThat(d.ci().lower()).isCloseTo(-0.1780371, Printed.decimals(7));
      assertThat(d.ci().upper()).isCloseTo(-0.0175185, Printed.decimals(7));
    }

    @Test
    void eachModalityFromItsOwnData() {
      // "95% treatment binary_sens CIs (each analysis based only on data for the specified treatment)".
      ModalityEstimate first = or.randomReadersRandomCases().modalities().get(0);
      assertThat(first.estimate()).isCloseTo(0.8222222, Printed.decimals(7));
      assertThat(or.meanSquares().readerWithinModality().get(0)).isCloseTo(0.009135802, Printed.decimals(9));
      assertThat(or.modalityCovariances().get(0).cov2()).isCloseTo(0.001646465, Printed.decimals(9));
      assertThat(first.standardError()).isCloseTo(0.05893747, Printed.decimals(8));
      assertThat(first.df()).isCloseTo(14.456811, Printed.decimals(6));
      assertThat(first.ci().lower()).isCloseTo(0.6961876, Printed.decimals(7));
      assertThat(first.ci().upper()).isCloseTo(0.9482568, Printed.decimals(7));
      ModalityEstimate second = or.randomReadersRandomCases().modalities().get(1);
      assertThat(second.estimate()).isCloseTo(0.92, Printed.decimals(7));
      assertThat(or.meanSquares().readerWithinModality().get(1)).isCloseTo(0.005086420, Printed.decimals(9));
      assertThat(or.modalityCovariances().get(1).cov2()).isCloseTo(0.000382716, Printed.decimals(9));
      assertThat(second.standardError()).isCloseTo(0.03741657, Printed.decimals(8));
      assertThat(second.df()).isCloseTo(7.575855, Printed.decimals(6));
      assertThat(second.ci().lower()).isCloseTo(0.8328691, Printed.decimals(7));
      // MRMCaov truncates intervals to [0, 1] (trunc_ci) and prints 1.0000000; radtrial does not clip.
      assertThat(second.ci().upper()).isGreaterThan(1);
    }

    @Test
    void dbmGivesTheSameRandomReadersRandomCasesTest() {
      // Hillis et al. (2005): with jackknife covariances the DBM and OR RRRC tests coincide, also over K = 45.
      DbmAnalysis dbm = DorfmanBerbaumMetz.analyse(STUDY, new FigureOfMerit.Sensitivity(3), 0.95);
      assertThat(dbm.randomReadersRandomCases().test().statistic()).isCloseTo(6.689493, Printed.decimals(6));
      assertThat(dbm.randomReadersRandomCases().test().ddf()).isCloseTo(15.71732, Printed.decimals(5));
    }
  }

  /**
   * {@code mrmc(empirical_auc(truth, rating), treatment, reader, case, data = VanDyke, cov = unbiased)},
   * excerpt "## Unbiased method": Gallas's U-statistic covariances (MRMCaov's R/unbiased.R, the estimator
   * of the FDA's iMRMC).
   */
  @Nested
  class UnbiasedCovariance {
    private final OrAnalysis or = ObuchowskiRockette.analyse(STUDY, new FigureOfMerit.Auc(), CovarianceMethod.UNBIASED, 0.95);

    @Test
    void varianceComponentsAndCovariances() {
      OrVarianceComponents v = or.components();
      assertThat(or.covarianceMethod().label()).isEqualTo("unbiased");
      assertThat(v.varR()).isCloseTo(0.0015365290, Printed.decimals(10));
      assertThat(v.varTR()).isCloseTo(0.0002077588, Printed.decimals(10));
      assertThat(v.varError()).isCloseTo(0.0007883925, Printed.decimals(10));
      assertThat(v.cov1()).isCloseTo(0.0003416706, Printed.decimals(10));
      assertThat(v.cov2()).isCloseTo(0.0003390650, Printed.decimals(10));
      assertThat(v.cov3()).isCloseTo(0.0002356148, Printed.decimals(10));
      assertThat(v.correlation1()).isCloseTo(0.4333762, Printed.decimals(7));
      assertThat(v.correlation2()).isCloseTo(0.4300713, Printed.decimals(7));
      assertThat(v.correlation3()).isCloseTo(0.2988547, Printed.decimals(7));
    }

    @Test
    void randomReadersRandomCasesTestAndDifference() {
      GlobalTest f = or.randomReadersRandomCases().test();
      assertThat(f.statistic()).isCloseTo(4.489614, Printed.decimals(6));
      assertThat(f.ddf()).isCloseTo(15.03418, Printed.decimals(5));
      assertThat(f.p()).isCloseTo(0.0511618, Printed.decimals(7));
      ModalityDifference d = or.randomReadersRandomCases().differences().get(0);
      assertThat(d.estimate()).isCloseTo(-0.04380032, Printed.decimals(8));
      assertThat(d.standardError()).isCloseTo(0.02067154, Printed.decimals(8));
      assertThat(d.statistic()).isCloseTo(-2.118871, Printed.decimals(6));
      assertThat(d.ci().lower()).isCloseTo(-0.0878519409, Printed.decimals(10));
      assertThat(d.ci().upper()).isCloseTo(0.0002512968, Printed.decimals(10));
    }

    @Test
    void eachModalityFromItsOwnData() {
      double[][] printed = { // Cov2, SE, df, CI lower, CI upper
        {0.0004771788, 0.0330712, 12.58802, 0.8253526, 0.9687214},
        {0.0002009512, 0.0214912, 12.53391, 0.8942323, 0.9874424}};
      for (int i = 0; i < 2; i++) {
        ModalityEstimate m = or.randomReadersRandomCases().modalities().get(i);
        assertThat(or.modalityCovariances().get(i).cov2()).as("Cov2 of modality %d", i + 1).isCloseTo(printed[i][0], Printed.decimals(10));
        assertThat(m.standardError()).as("SE of modality %d", i + 1).isCloseTo(printed[i][1], Printed.decimals(7));
        assertThat(m.df()).as("df of modality %d", i + 1).isCloseTo(printed[i][2], Printed.decimals(5));
        assertThat(m.ci().lower()).isCloseTo(printed[i][3], Printed.decimals(7));
        assertThat(m.ci().upper()).isCloseTo(printed[i][4], Printed.decimals(7));
      }
    }
  }

  /** {@code cov = DeLong}, excerpt "## DeLong method": the same analysis with DeLong's covariances. */
  @Test
  void deLongCovarianceAnalysis() {
    OrAnalysis or = ObuchowskiRockette.analyse(STUDY, new FigureOfMerit.Auc(), CovarianceMethod.DELONG, 0.95);
    OrVarianceComponents v = or.components();
    assertThat(v.varR()).isCloseTo(0.0015364254, Printed.decimals(10));
    assertThat(v.varTR()).isCloseTo(0.0002045840, Printed.decimals(10));
    assertThat(v.varError()).isCloseTo(0.0007921325, Printed.decimals(10));
    assertThat(v.cov1()).isCloseTo(0.0003420090, Printed.decimals(10));
    assertThat(v.cov2()).isCloseTo(0.0003395265, Printed.decimals(10));
    assertThat(v.cov3()).isCloseTo(0.0002358497, Printed.decimals(10));
    GlobalTest f = or.randomReadersRandomCases().test();
    assertThat(f.statistic()).isCloseTo(4.484854, Printed.decimals(6));
    assertThat(f.ddf()).isCloseTo(15.06611, Printed.decimals(5));
    assertThat(f.p()).isCloseTo(0.05123303, Printed.decimals(8));
    assertThat(or.randomReadersRandomCases().differences().get(0).standardError()).isCloseTo(0.0206825, Printed.decimals(7));
  }

  /**
   * Excerpt "## Fixed readers", "Single reader 95% CIs": each reader's AUC with its jackknife standard
   * error and the normal interval. MRMCaov clips the upper limit to 1 (reader 4); radtrial does not, so
   * only the SE and the lower limit are compared there.
   */
  @Test
  void singleReaderStandardErrorsAndIntervals() {
    MrmcResult result = MrmcAnalysis.analyse(STUDY, MrmcSpec.defaults());
    double[][] printed = { // SE, lower, upper, in MRMCaov's order: reader 1 modality 1, reader 1 modality 2, ...
      {0.0301255164, 0.8606008, 0.9786907}, {0.0221416887, 0.9044292, 0.9912230},
      {0.0363753335, 0.7874818, 0.9300705}, {0.0298151099, 0.8468775, 0.9637506},
      {0.0282594118, 0.8484773, 0.9592522}, {0.0297673065, 0.8633963, 0.9800820},
      {0.0173388332, 0.9391244, 1.0000000}, {0.0007213348, 0.9979421, 1.0000000},
      {0.0417201720, 0.7480206, 0.9115607}, {0.0262023046, 0.8785961, 0.9813073}};
    for (int j = 0; j < 5; j++) {
      for (int i = 0; i < 2; i++) {
        ReaderValue v = result.auc().values().get(i * 5 + j);
        double[] p = printed[2 * j + i];
        assertThat(v.standardError()).as("SE, reader %d modality %d", j + 1, i + 1).isCloseTo(p[0], Printed.decimals(10));
        assertThat(v.ci().lower()).as("lower, reader %d modality %d", j + 1, i + 1).isCloseTo(p[1], Printed.decimals(7));
        if (p[2] < 1) {
          assertThat(v.ci().upper()).as("upper, reader %d modality %d", j + 1, i + 1).isCloseTo(p[2], Printed.decimals(7));
        } else {
          assertThat(v.ci().upper()).isGreaterThan(1);
        }
      }
    }
  }

  /**
   * MRMCaov publishes no MRMC analysis of specificity; its {@code binary_spec} keeps the cases without
   * disease as {@code binary_sens} keeps those with. So specificity at a cut must be sensitivity at the
   * same cut of the mirrored study: truth swapped and ratings negated (rating < c ⇔ −rating > −c).
   */
  @Test
  void specificityIsJackknifedOverTheCasesWithoutDisease() {
    FomEstimates e = FomEstimates.of(STUDY, new FigureOfMerit.Specificity(3));
    assertThat(e.cases()).isEqualTo(69);
    OrAnalysis spec = ObuchowskiRockette.analyse(STUDY, new FigureOfMerit.Specificity(3), CovarianceMethod.JACKKNIFE, 0.95);
    ReaderStudy mirrored = VanDyke.mirrored();
    // rating < 3 ⇔ −rating > −3 ⇔ −rating ≥ −2.5 on integer ratings.
    OrAnalysis sens = ObuchowskiRockette.analyse(mirrored, new FigureOfMerit.Sensitivity(-2.5), CovarianceMethod.JACKKNIFE, 0.95);
    assertThat(spec.components().varError()).isCloseTo(sens.components().varError(), Printed.decimals(15));
    assertThat(spec.components().cov2()).isCloseTo(sens.components().cov2(), Printed.decimals(15));
    assertThat(spec.randomReadersRandomCases().test().statistic())
        .isCloseTo(sens.randomReadersRandomCases().test().statistic(), Printed.decimals(10));
  }
}

package org.radtrial.core.mrmc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.radtrial.core.stat.Interval;

/**
 * The Obuchowski-Rockette analysis of the Van Dyke data (jackknife covariances, trapezoidal AUC)
 * against the output of OR-DBM MRMC 2.51 (University of Iowa): src/test/reference/vandyke/
 * RJafroc_inst_Iowa_VanDyke.txt (RJafroc's inst/Iowa/VanDyke.txt). Every number is asserted to the
 * decimals that file prints, i.e. within half a unit of its last digit. Treatment 1 there is modality
 * "1" here.
 */
class OrDbmMrmcReferenceTest {
  private static final ReaderStudy STUDY = VanDyke.study();
  private static final OrAnalysis OR =
      ObuchowskiRockette.analyse(STUDY, new FigureOfMerit.Auc(), CovarianceMethod.JACKKNIFE, 0.95);

  @Test
  void aucsOfEveryReaderInEveryModality() {
    // Section "TREATMENT x READER AUC ESTIMATES".
    double[][] printed = {
      {0.91964573, 0.85877617, 0.90386473, 0.97310789, 0.82979066},
      {0.94782609, 0.90531401, 0.92173913, 0.99935588, 0.92995169}};
    FomEstimates e = FomEstimates.of(STUDY, new FigureOfMerit.Auc());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 5; j++) {
        assertThat(e.theta(i, j)).as("modality %d reader %d", i + 1, j + 1).isCloseTo(printed[i][j], Printed.decimals(8));
      }
    }
  }

  @Test
  void modalityMeansAndTheirDifference() {
    // Sections "TREATMENT AUC MEANS" and "TREATMENT AUC MEAN DIFFERENCES".
    List<ModalityEstimate> means = OR.randomReadersRandomCases().modalities();
    assertThat(means.get(0).estimate()).isCloseTo(0.89703704, Printed.decimals(8));
    assertThat(means.get(1).estimate()).isCloseTo(0.94083736, Printed.decimals(8));
    assertThat(OR.randomReadersRandomCases().differences().get(0).estimate()).isCloseTo(-0.04380032, Printed.decimals(8));
  }

  @Test
  void anovaOfTheAucs() {
    // Sections "TREATMENT X READER ANOVA of AUCs" (MS column) and "READER ANOVAs of AUCs for each treatment".
    OrMeanSquares ms = OR.meanSquares();
    assertThat(ms.modality()).isCloseTo(0.00479617, Printed.decimals(8));
    assertThat(ms.reader()).isCloseTo(0.00383620, Printed.decimals(8));
    assertThat(ms.modalityByReader()).isCloseTo(0.00055103, Printed.decimals(8));
    assertThat(ms.readerWithinModality().get(0)).isCloseTo(0.00308263, Printed.decimals(8));
    assertThat(ms.readerWithinModality().get(1)).isCloseTo(0.00130460, Printed.decimals(8));
  }

  @Test
  void obuchowskiRocketteVarianceComponentsAndCorrelations() {
    // Section "Obuchowski-Rockette variance component and covariance estimates".
    OrVarianceComponents v = OR.components();
    assertThat(v.varR()).isCloseTo(0.00153500, Printed.decimals(8));
    assertThat(v.varTR()).isCloseTo(0.00020040, Printed.decimals(8));
    assertThat(v.cov1()).isCloseTo(0.00034661, Printed.decimals(8));
    assertThat(v.cov2()).isCloseTo(0.00034407, Printed.decimals(8));
    assertThat(v.cov3()).isCloseTo(0.00023903, Printed.decimals(8));
    assertThat(v.varError()).isCloseTo(0.00080229, Printed.decimals(8));
    assertThat(v.correlation1()).isCloseTo(0.43203138, Printed.decimals(8));
    assertThat(v.correlation2()).isCloseTo(0.42886683, Printed.decimals(8));
    assertThat(v.correlation3()).isCloseTo(0.29793328, Printed.decimals(8));
  }

  @Test
  void correspondingDbmVarianceComponents() {
    // Section "Corresponding DBM variance component and covariance estimates".
    DbmVarianceComponents v = DorfmanBerbaumMetz.analyse(STUDY, new FigureOfMerit.Auc(), 0.95).components();
    assertThat(v.varR()).isCloseTo(0.00153500, Printed.decimals(8));
    assertThat(v.varC()).isCloseTo(0.02724923, Printed.decimals(8));
    assertThat(v.varTR()).isCloseTo(0.00020040, Printed.decimals(8));
    assertThat(v.varTC()).isCloseTo(0.01197530, Printed.decimals(8));
    assertThat(v.varRC()).isCloseTo(0.01226473, Printed.decimals(8));
    assertThat(v.varError()).isCloseTo(0.03997160, Printed.decimals(8));
  }

  @Nested
  class RandomReadersRandomCases {
    private final GeneralizationResult r = OR.randomReadersRandomCases();

    @Test
    void fTestWithHillisDenominatorDegreesOfFreedom() {
      // Section "Analysis 1 (OR Analysis): Random Readers and Random Cases", part (a).
      assertThat(r.test().distribution()).isEqualTo("F");
      assertThat(r.test().statistic()).isCloseTo(4.46, Printed.decimals(2));
      assertThat(r.test().ndf()).isEqualTo(1);
      assertThat(r.test().ddf()).isCloseTo(15.26, Printed.decimals(2));
      assertThat(r.test().p()).isCloseTo(0.0517, Printed.decimals(4));
      double errorTerm = OR.meanSquares().modality() / r.test().statistic();
      assertThat(errorTerm).isCloseTo(0.00107626, Printed.decimals(8));
    }

    @Test
    void differenceWithItsConfidenceInterval() {
      // Part (b).
      assertDifference(r.differences().get(0), -0.04380, 0.02075, 15.26, -2.11, 0.0517, -0.08796, 0.00036);
    }

    @Test
    void singleModalityIntervals() {
      // Part (c).
      assertEstimate(r.modalities().get(0), 0.89703704, 0.03317360, 12.74, 0.82522360, 0.96885048);
      assertEstimate(r.modalities().get(1), 0.94083736, 0.02156637, 12.71, 0.89413783, 0.98753689);
      assertThat(OR.modalityCovariances().get(0).cov2()).isCloseTo(0.00048396, Printed.decimals(8));
      assertThat(OR.modalityCovariances().get(1).cov2()).isCloseTo(0.00020419, Printed.decimals(8));
    }
  }

  @Nested
  class FixedReadersRandomCases {
    private final GeneralizationResult r = OR.fixedReadersRandomCases();

    @Test
    void chiSquareTest() {
      // Section "Analysis 2 (OR Analysis): Fixed Readers and Random Cases", part (a).
      assertThat(r.test().distribution()).isEqualTo("chi-square");
      assertThat(r.test().statistic()).isCloseTo(5.47595, Printed.decimals(5));
      assertThat(r.test().ndf()).isEqualTo(1);
      assertThat(r.test().p()).isCloseTo(0.0193, Printed.decimals(4));
    }

    @Test
    void differenceWithItsConfidenceInterval() {
      // Part (b): a z interval.
      ModalityDifference d = r.differences().get(0);
      assertThat(d.df()).isInfinite();
      assertDifference(d, -0.04380, 0.01872, Double.POSITIVE_INFINITY, -2.34, 0.0193, -0.08049, -0.00711);
    }

    @Test
    void singleModalityIntervals() {
      // Part (c).
      assertEstimate(r.modalities().get(0), 0.89703704, 0.02428971, Double.POSITIVE_INFINITY, 0.84943008, 0.94464399);
      assertEstimate(r.modalities().get(1), 0.94083736, 0.01677632, Double.POSITIVE_INFINITY, 0.90795637, 0.97371835);
      assertThat(OR.modalityCovariances().get(0).varError()).isCloseTo(0.00101410, Printed.decimals(8));
      assertThat(OR.modalityCovariances().get(1).varError()).isCloseTo(0.00059047, Printed.decimals(8));
    }

    @Test
    void singleReaderDifferences() {
      // Part (d): difference, StdErr, z, Pr > |z|, 95% CI; then Var(Error) and Cov1 per reader.
      double[][] printed = {
        {-0.02818, 0.02551, -1.10, 0.2693, -0.07818, 0.02182, 0.00069890, 0.00037347},
        {-0.04654, 0.02630, -1.77, 0.0768, -0.09809, 0.00501, 0.00110605, 0.00076016},
        {-0.01787, 0.03121, -0.57, 0.5668, -0.07904, 0.04330, 0.00084234, 0.00035532},
        {-0.02625, 0.01729, -1.52, 0.1290, -0.06014, 0.00764, 0.00015058, 0.00000108},
        {-0.10016, 0.04406, -2.27, 0.0230, -0.18651, -0.01381, 0.00121357, 0.00024304}};
      assertThat(r.readers()).hasSize(5);
      for (int j = 0; j < 5; j++) {
        double[] p = printed[j];
        assertThat(r.readers().get(j).reader()).isEqualTo(String.valueOf(j + 1));
        assertDifference(r.readers().get(j).difference(), p[0], p[1], Double.POSITIVE_INFINITY, p[2], p[3], p[4], p[5]);
        assertThat(OR.readerCovariances().get(j).varError()).isCloseTo(p[6], Printed.decimals(8));
        assertThat(OR.readerCovariances().get(j).cov1()).isCloseTo(p[7], Printed.decimals(8));
      }
    }
  }

  @Nested
  class RandomReadersFixedCases {
    private final GeneralizationResult r = OR.randomReadersFixedCases();

    @Test
    void fTest() {
      // Section "Analysis 3 (OR Analysis): Random Readers and Fixed Cases", part (a).
      assertThat(r.test().statistic()).isCloseTo(8.70, Printed.decimals(2));
      assertThat(r.test().ndf()).isEqualTo(1);
      assertThat(r.test().ddf()).isEqualTo(4);
      assertThat(r.test().p()).isCloseTo(0.0420, Printed.decimals(4));
    }

    @Test
    void differenceAndSingleModalityIntervals() {
      // Parts (b) and (c).
      assertDifference(r.differences().get(0), -0.04380, 0.01485, 4, -2.95, 0.0420, -0.08502, -0.00258);
      assertEstimate(r.modalities().get(0), 0.89703704, 0.02482994, 4, 0.82809808, 0.96597599);
      assertEstimate(r.modalities().get(1), 0.94083736, 0.01615303, 4, 0.89598936, 0.98568536);
    }
  }

  static void assertDifference(ModalityDifference d, double difference, double se, double df, double statistic,
      double p, double lower, double upper) {
    assertThat(d.estimate()).isCloseTo(difference, Printed.decimals(5));
    assertThat(d.standardError()).isCloseTo(se, Printed.decimals(5));
    if (Double.isInfinite(df)) {
      assertThat(d.df()).isInfinite();
    } else {
      assertThat(d.df()).isCloseTo(df, Printed.decimals(2));
    }
    assertThat(d.statistic()).isCloseTo(statistic, Printed.decimals(2));
    assertThat(d.p()).isCloseTo(p, Printed.decimals(4));
    assertThat(d.ci().lower()).isCloseTo(lower, Printed.decimals(5));
    assertThat(d.ci().upper()).isCloseTo(upper, Printed.decimals(5));
  }

  static void assertEstimate(ModalityEstimate m, double estimate, double se, double df, double lower, double upper) {
    assertThat(m.estimate()).isCloseTo(estimate, Printed.decimals(8));
    assertThat(m.standardError()).isCloseTo(se, Printed.decimals(8));
    if (Double.isInfinite(df)) {
      assertThat(m.df()).isInfinite();
    } else {
      assertThat(m.df()).isCloseTo(df, Printed.decimals(2));
    }
    Interval ci = m.ci();
    assertThat(ci.lower()).isCloseTo(lower, Printed.decimals(8));
    assertThat(ci.upper()).isCloseTo(upper, Printed.decimals(8));
  }
}

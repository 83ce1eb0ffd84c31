package org.radtrial.core.mrmc;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The DBM pseudovalue analysis of the Van Dyke data against JAFROC 4.2.1's ROC analysis:
 * src/test/reference/vandyke/RJafroc_inst_JAFROC_VanDykeROC.txt (RJafroc's
 * inst/JAFROC/VanDykeROC.txt). Treatment "0" and reader "0" there are modality "1" and reader "1"
 * here.
 *
 * <p>JAFROC computes in single precision (about 7 significant digits): its AUCs differ from OR-DBM
 * MRMC's, computed in double precision (see {@link OrDbmMrmcReferenceTest}), from the 8th decimal
 * on, e.g. reader 2, modality 1: 0.85877615 vs 0.85877617, and its mean of modality 2 by 1.0e-7
 * (0.94083726 vs 0.94083736). So numbers on the AUC scale (AUCs, variance components, standard
 * errors, intervals) are asserted to 2e-7, and the mean squares of the pseudovalues (which are of
 * order 1) to 1.5e-6, or to half a unit of the last printed decimal when that is larger.
 */
class JafrocReferenceTest {
  private static final ReaderStudy STUDY = VanDyke.study();
  private static final DbmAnalysis DBM = DorfmanBerbaumMetz.analyse(STUDY, new FigureOfMerit.Auc(), 0.95);

  /** A number on the AUC scale: within 2e-7 or half a unit of the last printed decimal. */
  private static Offset<Double> jafroc(int decimals) {
    return Offset.offset(Math.max(0.5 * Math.pow(10, -decimals), 2e-7));
  }

  /** A mean square of pseudovalues: within 1.5e-6 or half a unit of the last printed decimal. */
  private static Offset<Double> jafrocMeanSquare(int decimals) {
    return Offset.offset(Math.max(0.5 * Math.pow(10, -decimals), 1.5e-6));
  }

  @Test
  void aucs() {
    // Section "Estimates": TREATMENT columns 0 and 1, READER rows 0-4.
    double[][] printed = {
      {0.91964573, 0.85877615, 0.90386474, 0.97310787, 0.82979065},
      {0.94782609, 0.90531403, 0.92173910, 0.99935585, 0.92995167}};
    FomEstimates e = FomEstimates.of(STUDY, new FigureOfMerit.Auc());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 5; j++) {
        assertThat(e.theta(i, j)).isCloseTo(printed[i][j], jafroc(8));
      }
    }
  }

  @Test
  void treatmentByReaderByCaseAnova() {
    // Section "TREATMENT X READER X CASE ANOVA", MS column.
    DbmMeanSquares ms = DBM.meanSquares();
    assertThat(ms.modality()).isCloseTo(0.54676316, jafrocMeanSquare(8));
    assertThat(ms.reader()).isCloseTo(0.43732679, jafrocMeanSquare(8));
    assertThat(ms.cases()).isCloseTo(0.39686891, jafrocMeanSquare(8));
    assertThat(ms.modalityByReader()).isCloseTo(0.06281753, jafrocMeanSquare(8));
    assertThat(ms.modalityByCase()).isCloseTo(0.09984813, jafrocMeanSquare(8));
    assertThat(ms.readerByCase()).isCloseTo(0.06450099, jafrocMeanSquare(8));
    assertThat(ms.modalityByReaderByCase()).isCloseTo(0.03997167, jafrocMeanSquare(8));
  }

  @Test
  void readerByCaseAnovaOfEachModality() {
    // Section "READER X CASE ANOVAs for each treatment".
    double[][] printed = {{0.35141971, 0.33629383, 0.06043604}, {0.14872460, 0.16042320, 0.04403661}};
    for (int i = 0; i < 2; i++) {
      DbmMeanSquares.WithinModality w = DBM.meanSquares().withinModality().get(i);
      assertThat(w.reader()).isCloseTo(printed[i][0], jafrocMeanSquare(8));
      assertThat(w.cases()).isCloseTo(printed[i][1], jafrocMeanSquare(8));
      assertThat(w.readerByCase()).isCloseTo(printed[i][2], jafrocMeanSquare(8));
    }
  }

  @Test
  void treatmentByCaseAnovaOfEachReader() {
    // Section "TREATMENT X CASE ANOVAs for each reader", Mean Squares (7 decimals).
    double[][] printed = {
      {0.0452655, 0.1222496, 0.0370996},
      {0.1234490, 0.2127475, 0.0394317},
      {0.0182111, 0.1365331, 0.0555205},
      {0.0392705, 0.0172895, 0.0170424},
      {0.5718372, 0.1660532, 0.1106406}};
    for (int j = 0; j < 5; j++) {
      DbmMeanSquares.WithinReader w = DBM.meanSquares().withinReader().get(j);
      assertThat(w.modality()).isCloseTo(printed[j][0], jafrocMeanSquare(7));
      assertThat(w.cases()).isCloseTo(printed[j][1], jafrocMeanSquare(7));
      assertThat(w.modalityByCase()).isCloseTo(printed[j][2], jafrocMeanSquare(7));
    }
  }

  @Test
  void varianceComponents() {
    // Section "DBM Variance Component Estimates".
    DbmVarianceComponents v = DBM.components();
    assertThat(v.varR()).isCloseTo(0.00153500, jafroc(8));
    assertThat(v.varC()).isCloseTo(0.02724915, jafroc(8));
    assertThat(v.varTR()).isCloseTo(0.00020040, jafroc(8));
    assertThat(v.varTC()).isCloseTo(0.01197529, jafroc(8));
    assertThat(v.varRC()).isCloseTo(0.01226466, jafroc(8));
    assertThat(v.varError()).isCloseTo(0.03997167, jafroc(8));
  }

  @Nested
  class RandomReadersRandomCases {
    private final GeneralizationResult r = DBM.randomReadersRandomCases();

    @Test
    void fTestAndErrorTerm() {
      // Section "Analysis 1: Random Readers and Random Cases", part (a).
      assertThat(r.test().statistic()).isCloseTo(4.46, Printed.decimals(2));
      assertThat(r.test().ddf()).isCloseTo(15.26, Printed.decimals(2));
      assertThat(r.test().p()).isCloseTo(0.0517, Printed.decimals(4));
      double errorTerm = DBM.meanSquares().modality() / r.test().statistic();
      assertThat(errorTerm).isCloseTo(0.12269399, jafrocMeanSquare(8));
    }

    @Test
    void differenceAndSingleModalityIntervals() {
      // Parts (b) and (c).
      OrDbmMrmcReferenceTest.assertDifference(r.differences().get(0), -0.04380, 0.02075, 15.26, -2.11, 0.0517, -0.08796, 0.00036);
      assertEstimate(r.modalities().get(0), 0.89703703, 0.03317359, 12.74, 0.82522361, 0.96885046);
      assertEstimate(r.modalities().get(1), 0.94083734, 0.02156635, 12.71, 0.89413784, 0.98753684);
    }
  }

  @Nested
  class FixedReadersRandomCases {
    private final GeneralizationResult r = DBM.fixedReadersRandomCases();

    @Test
    void fTestOnTreatmentByCaseMeanSquare() {
      // Section "Analysis 2: Fixed Readers and Random Cases", part (a): F(1, 113).
      assertThat(r.test().statistic()).isCloseTo(5.48, Printed.decimals(2));
      assertThat(r.test().ddf()).isEqualTo(113);
      assertThat(r.test().p()).isCloseTo(0.0210, Printed.decimals(4));
    }

    @Test
    void differenceAndSingleModalityIntervals() {
      // Parts (b) and (c).
      OrDbmMrmcReferenceTest.assertDifference(r.differences().get(0), -0.04380, 0.01872, 113, -2.34, 0.0210, -0.08088, -0.00672);
      assertEstimate(r.modalities().get(0), 0.89703703, 0.02428969, 113, 0.84891477, 0.94515930);
      assertEstimate(r.modalities().get(1), 0.94083734, 0.01677630, 113, 0.90760047, 0.97407422);
    }

    @Test
    void singleReaderDifferences() {
      // Part (d): Estimate, StdErr, DF, t, Pr > t, 95% CI.
      double[][] printed = {
        {-0.02818, 0.02551, -1.10, 0.2717, -0.07872, 0.02236},
        {-0.04654, 0.02630, -1.77, 0.0795, -0.09865, 0.00557},
        {-0.01787, 0.03121, -0.57, 0.5680, -0.07971, 0.04396},
        {-0.02625, 0.01729, -1.52, 0.1318, -0.06051, 0.00801},
        {-0.10016, 0.04406, -2.27, 0.0249, -0.18745, -0.01288}};
      for (int j = 0; j < 5; j++) {
        double[] p = printed[j];
        OrDbmMrmcReferenceTest.assertDifference(r.readers().get(j).difference(), p[0], p[1], 113, p[2], p[3], p[4], p[5]);
      }
    }
  }

  @Nested
  class RandomReadersFixedCases {
    private final GeneralizationResult r = DBM.randomReadersFixedCases();

    @Test
    void fTestDifferenceAndSingleModalityIntervals() {
      // Section "Analysis 3: Random Readers and Fixed Cases", parts (a), (b) and (c).
      assertThat(r.test().statistic()).isCloseTo(8.70, Printed.decimals(2));
      assertThat(r.test().ddf()).isEqualTo(4);
      assertThat(r.test().p()).isCloseTo(0.0420, Printed.decimals(4));
      OrDbmMrmcReferenceTest.assertDifference(r.differences().get(0), -0.04380, 0.01485, 4, -2.95, 0.0420, -0.08502, -0.00258);
      assertEstimate(r.modalities().get(0), 0.89703703, 0.02482994, 4, 0.82809807, 0.96597599);
      assertEstimate(r.modalities().get(1), 0.94083734, 0.01615303, 4, 0.89598934, 0.98568534);
    }
  }

  private static void assertEstimate(ModalityEstimate m, double estimate, double se, double df, double lower, double upper) {
    assertThat(m.estimate()).isCloseTo(estimate, jafroc(8));
    assertThat(m.standardError()).isCloseTo(se, jafroc(8));
    assertThat(m.df()).isCloseTo(df, Printed.decimals(2));
    assertThat(m.ci().lower()).isCloseTo(lower, jafroc(8));
    assertThat(m.ci().upper()).isCloseTo(upper, jafroc(8));
  }
}

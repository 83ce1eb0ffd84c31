package org.radtrial.core.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Split-plot studies: readers in blocks, each block reading its own cases in every modality. */
class SplitPlotTest {

  /**
   * MRMCaov's published analysis of VanDyke with cases nested within readers ({@code case2}, excerpt
   * "## Cases nested within readers" in src/test/reference/mrmcaov/): every reader a block of his own.
   * MRMCaov's jackknife multiplies by (K − 1)/K with K = 570, all the study's cases; radtrial's by the
   * block's own 114 cases, (113/114), as RJafroc's split-plot analysis does. So MRMCaov's Var, Cov1 and
   * the components built from them are radtrial's × (569/570)/(113/114); its tests do not depend on the
   * factor (Cov2 = Cov3 = 0, D = MS(T×R)) and are matched as printed.
   */
  @Nested
  class CasesNestedWithinReaders {
    private final ReaderStudy study = VanDyke.casesNestedWithinReaders();
    private final OrAnalysis or = ObuchowskiRockette.analyse(study, new FigureOfMerit.Auc(), CovarianceMethod.JACKKNIFE, 0.95);
    private final double mrmcaovFactor = (569.0 / 570) / (113.0 / 114);

    @Test
    void isSplitPlotWithOneBlockPerReader() {
      assertThat(study.blocks()).isEqualTo(5);
      assertThat(study.cases()).hasSize(570);
    }

    @Test
    void readersInDifferentBlocksHaveNoErrorCovariance() {
      assertThat(or.components().cov2()).isZero();
      assertThat(or.components().cov3()).isZero();
    }

    @Test
    void errorVarianceAndCov1AreMrmcaovsWithTheBlocksJackknifeFactor() {
      OrVarianceComponents v = or.components();
      assertThat(v.varError() * mrmcaovFactor).isCloseTo(8.079682e-04, Printed.decimals(10));
      assertThat(v.cov1() * mrmcaovFactor).isCloseTo(3.490676e-04, Printed.decimals(10));
      assertThat(v.correlation1()).isCloseTo(0.4320314, Printed.decimals(7));
      // σ²_R = (MS(R) − MS(T×R))/t − Cov1 + Cov3 and σ²_TR = MS(T×R) − Var + Cov1 + Cov2 − Cov3 with MRMCaov's Var, Cov1.
      double msR = or.meanSquares().reader();
      double msTR = or.meanSquares().modalityByReader();
      assertThat((msR - msTR) / 2 - v.cov1() * mrmcaovFactor).isCloseTo(1.293517e-03, Printed.decimals(9));
      assertThat(msTR - (v.varError() - v.cov1()) * mrmcaovFactor).isCloseTo(9.213005e-05, Printed.decimals(11));
      // and radtrial's own components follow the same formulas with its own Var and Cov1
      assertThat(v.varR()).isCloseTo((msR - msTR) / 2 - v.cov1(), within(1e-15));
      assertThat(v.varTR()).isCloseTo(msTR - v.varError() + v.cov1(), within(1e-15));
    }

    @Test
    void randomReadersRandomCasesTestAndDifferenceAsPrinted() {
      GlobalTest f = or.randomReadersRandomCases().test();
      assertThat(or.meanSquares().modality()).isCloseTo(0.004796171, Printed.decimals(9));
      assertThat(or.meanSquares().modalityByReader()).isCloseTo(0.0005510306, Printed.decimals(10));
      assertThat(f.statistic()).isCloseTo(8.704, Printed.decimals(3));
      assertThat(f.ddf()).isCloseTo(4, within(1e-12));
      assertThat(f.p()).isCloseTo(0.04195875, Printed.decimals(8));
      ModalityDifference d = or.randomReadersRandomCases().differences().get(0);
      assertThat(d.estimate()).isCloseTo(-0.04380032, Printed.decimals(8));
      assertThat(d.standardError()).isCloseTo(0.01484629, Printed.decimals(8));
      assertThat(d.df()).isCloseTo(4, within(1e-12));
      assertThat(d.statistic()).isCloseTo(-2.950254, Printed.decimals(6));
      assertThat(d.ci().lower()).isCloseTo(-0.08502022, Printed.decimals(8));
      assertThat(d.ci().upper()).isCloseTo(-0.00258042, Printed.decimals(8));
    }

    @Test
    void eachModalityFromItsOwnDataAsPrinted() {
      double[][] printed = { // estimate, MS(R), SE, lower, upper; df 4, Cov2 0
        {0.8970370, 0.003082629, 0.02482994, 0.8280981, 0.9659760},
        {0.9408374, 0.001304602, 0.01615303, 0.8959894, 0.9856854}};
      for (int i = 0; i < 2; i++) {
        ModalityEstimate m = or.randomReadersRandomCases().modalities().get(i);
        assertThat(m.estimate()).isCloseTo(printed[i][0], Printed.decimals(7));
        assertThat(or.meanSquares().readerWithinModality().get(i)).isCloseTo(printed[i][1], Printed.decimals(9));
        assertThat(or.modalityCovariances().get(i).cov2()).isZero();
        assertThat(m.standardError()).isCloseTo(printed[i][2], Printed.decimals(8));
        assertThat(m.df()).isCloseTo(4, within(1e-12));
        assertThat(m.ci().lower()).isCloseTo(printed[i][3], Printed.decimals(7));
        assertThat(m.ci().upper()).isCloseTo(printed[i][4], Printed.decimals(7));
      }
    }
  }

  /**
   * The worked example of docs/mrmc.md (Van Dyke, readers 1–2 on the odd cases, 3–5 on the even ones)
   * against an independent brute-force computation in Python (src/test/reference/vandyke_split_plot.py,
   * output .out): every AUC recomputed with each case deleted, no closed forms, the OR formulas written
   * out again. No published reference exists for a split-plot study with several readers per block.
   */
  @Test
  void twoBlockWorkedExampleMatchesTheIndependentComputation() {
    OrAnalysis or = ObuchowskiRockette.analyse(VanDyke.twoBlocks(), new FigureOfMerit.Auc(), CovarianceMethod.JACKKNIFE, 0.95);
    ReferenceOutput ref = ReferenceOutput.read("vandyke_split_plot.out");
    OrVarianceComponents v = or.components();
    assertThat(v.varError()).isCloseTo(ref.get("Var"), within(1e-12));
    assertThat(v.cov1()).isCloseTo(ref.get("Cov1"), within(1e-12));
    assertThat(v.cov2()).isCloseTo(ref.get("Cov2"), within(1e-12));
    assertThat(v.cov3()).isCloseTo(ref.get("Cov3"), within(1e-12));
    assertThat(v.varR()).isCloseTo(ref.get("varR"), within(1e-12));
    assertThat(v.varTR()).isCloseTo(ref.get("varTR"), within(1e-12));
    GlobalTest f = or.randomReadersRandomCases().test();
    assertThat(f.statistic()).isCloseTo(ref.get("F"), within(1e-9));
    assertThat(f.ddf()).isCloseTo(ref.get("ddf"), within(1e-9));
    assertThat(f.p()).isCloseTo(ref.get("p"), within(1e-9));
    ModalityDifference d = or.randomReadersRandomCases().differences().get(0);
    assertThat(d.standardError()).isCloseTo(ref.get("se"), within(1e-12));
    assertThat(d.ci().lower()).isCloseTo(ref.get("ci_lower"), within(1e-9));
    assertThat(d.ci().upper()).isCloseTo(ref.get("ci_upper"), within(1e-9));
    assertThat(or.fixedReadersRandomCases().test().statistic()).isCloseTo(ref.get("X2"), within(1e-9));
  }

  /** A split-plot study of one block is the fully crossed study, number for number. */
  @RepeatedTest(10)
  void oneBlockIsTheFullyCrossedStudy(RepetitionInfo info) {
    ReaderStudy crossed = RandomStudies.draw(0x5B10_0000L + info.getCurrentRepetition(), 2);
    ReaderStudy oneBlock = asSplitPlot(crossed, new int[crossed.readers().size()], new int[crossed.cases().size()]);
    OrAnalysis a = ObuchowskiRockette.analyse(crossed, new FigureOfMerit.Auc(), CovarianceMethod.JACKKNIFE, 0.95);
    OrAnalysis b = ObuchowskiRockette.analyse(oneBlock, new FigureOfMerit.Auc(), CovarianceMethod.JACKKNIFE, 0.95);
    assertThat(b).isEqualTo(a);
  }

  /**
   * Covariances of cells in different blocks are 0; within a block they are the block's own jackknife:
   * the covariance of two readers of a block equals that of the same two readers in the fully crossed
   * study made of the block's cases alone.
   */
  @RepeatedTest(10)
  void withinABlockTheCovarianceIsTheBlocksOwnJackknife(RepetitionInfo info) {
    long seed = 0x5B11_0000L + 100L * info.getCurrentRepetition();
    ReaderStudy crossed = RandomStudies.draw(seed, 2);
    while (crossed.readers().size() < 3) { // block 0 needs two readers to have a covariance of two readers
      crossed = RandomStudies.draw(++seed, 2);
    }
    int r = crossed.readers().size();
    int k = crossed.cases().size();
    int[] readerBlock = new int[r];
    readerBlock[r - 1] = 1; // the last reader alone in block 1
    int[] caseBlock = new int[k];
    int[] seen = new int[4];
    for (int q = 0; q < k; q++) {
      int cls = crossed.truth(q) ? 0 : 2;
      caseBlock[q] = seen[cls] < 2 ? 1 : seen[cls + 1] < 2 ? 0 : q % 2; // at least two of each class in each block
      seen[cls + (caseBlock[q] == 1 ? 0 : 1)]++;
    }
    ReaderStudy split;
    try {
      split = asSplitPlot(crossed, readerBlock, caseBlock);
    } catch (IllegalArgumentException tooSmall) {
      org.junit.jupiter.api.Assumptions.abort("seed " + seed + ": too few cases of a class to split in two blocks");
      return;
    }
    FomEstimates e = FomEstimates.of(split, new FigureOfMerit.Auc());
    CovarianceMatrix c = CovarianceMatrix.jackknife(e);
    assertThat(c.get(e.cell(0, 0), e.cell(0, r - 1))).isZero();
    assertThat(c.get(e.cell(1, 0), e.cell(0, r - 1))).isZero();
    // block 0 alone as a crossed study
    java.util.List<Integer> mine = new java.util.ArrayList<>();
    for (int q = 0; q < k; q++) {
      if (caseBlock[q] == 0) {
        mine.add(q);
      }
    }
    boolean[] truth = new boolean[mine.size()];
    double[][][] ratings = new double[2][r - 1][mine.size()];
    java.util.List<String> cases = new java.util.ArrayList<>();
    for (int a = 0; a < mine.size(); a++) {
      truth[a] = crossed.truth(mine.get(a));
      cases.add(crossed.cases().get(mine.get(a)));
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < r - 1; j++) {
          ratings[i][j][a] = crossed.ratings(i, j)[mine.get(a)];
        }
      }
    }
    ReaderStudy block0 = ReaderStudy.of(crossed.modalities(), crossed.readers().subList(0, r - 1), cases, truth, ratings);
    FomEstimates e0 = FomEstimates.of(block0, new FigureOfMerit.Auc());
    CovarianceMatrix c0 = CovarianceMatrix.jackknife(e0);
    for (int a = 0; a < r - 1; a++) {
      for (int b = 0; b < r - 1; b++) {
        assertThat(c.get(e.cell(0, a), e.cell(1, b))).isCloseTo(c0.get(e0.cell(0, a), e0.cell(1, b)), within(1e-15));
      }
    }
  }

  /**
   * Gallas's unbiased covariance in a split-plot study: a cell's variance and its covariance with the
   * same reader's other modality use only that reader's cases, so with every reader a block of the same
   * 114 cases (MRMCaov's case2) Var and Cov1 are those of the crossed study, which MRMCaov publishes
   * (cov = unbiased: Error 0.0007883925, Cov1 0.0003416706); Cov2 and Cov3 are 0.
   */
  @Test
  void theUnbiasedCovarianceOfCasesNestedWithinReadersKeepsEachReadersVarianceAndCov1() {
    OrAnalysis or = ObuchowskiRockette.analyse(VanDyke.casesNestedWithinReaders(), new FigureOfMerit.Auc(),
        CovarianceMethod.UNBIASED, 0.95);
    assertThat(or.components().varError()).isCloseTo(0.0007883925, Printed.decimals(10));
    assertThat(or.components().cov1()).isCloseTo(0.0003416706, Printed.decimals(10));
    assertThat(or.components().cov2()).isZero();
    assertThat(or.components().cov3()).isZero();
    assertThat(or.randomReadersRandomCases().test().statistic()).isCloseTo(8.704, Printed.decimals(3));
  }

  /** Within a block the unbiased covariance is the block's own, as for the jackknife; across blocks 0. */
  @Test
  void theUnbiasedCovarianceWithinABlockIsTheBlocksOwn() {
    ReaderStudy split = VanDyke.twoBlocks();
    FomEstimates e = FomEstimates.of(split, new FigureOfMerit.Auc());
    CovarianceMatrix c = CovarianceMatrix.unbiased(e);
    assertThat(c.get(e.cell(0, 0), e.cell(1, 2))).isZero();
    ReaderStudy crossed = VanDyke.study();
    java.util.List<String> cases = new java.util.ArrayList<>();
    java.util.List<Integer> odd = new java.util.ArrayList<>();
    for (int q = 0; q < crossed.cases().size(); q++) {
      if (Integer.parseInt(crossed.cases().get(q)) % 2 == 1) {
        odd.add(q);
        cases.add(crossed.cases().get(q));
      }
    }
    boolean[] truth = new boolean[odd.size()];
    double[][][] ratings = new double[2][2][odd.size()];
    for (int a = 0; a < odd.size(); a++) {
      truth[a] = crossed.truth(odd.get(a));
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          ratings[i][j][a] = crossed.ratings(i, j)[odd.get(a)];
        }
      }
    }
    ReaderStudy block0 = ReaderStudy.of(crossed.modalities(), crossed.readers().subList(0, 2), cases, truth, ratings);
    FomEstimates e0 = FomEstimates.of(block0, new FigureOfMerit.Auc());
    CovarianceMatrix c0 = CovarianceMatrix.unbiased(e0);
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        assertThat(c.get(e.cell(0, a), e.cell(1, b))).isCloseTo(c0.get(e0.cell(0, a), e0.cell(1, b)), within(1e-15));
      }
    }
  }

  @Test
  void deLongDbmAndPlanningAreRefusedForSplitPlot() {
    ReaderStudy split = VanDyke.twoBlocks();
    assertThatThrownBy(() -> ObuchowskiRockette.analyse(split, new FigureOfMerit.Auc(), CovarianceMethod.DELONG, 0.95))
        .hasMessageContaining("fully crossed studies only");
    assertThatThrownBy(() -> DorfmanBerbaumMetz.analyse(split, new FigureOfMerit.Auc(), 0.95)).hasMessageContaining("split-plot");
    MrmcResult result = MrmcAnalysis.analyse(split, MrmcSpec.defaults().withCut(3));
    assertThat(result.auc().dbm()).isNull();
    assertThat(result.sensitivity().obuchowskiRockette().components().cov2()).isFinite();
    assertThatThrownBy(() -> MrmcAnalysis.analyse(split,
        MrmcSpec.defaults().withPlan(new StudyPlan(java.util.List.of(6), Double.NaN, 0.05, 0.8, 1000))))
        .hasMessageContaining("this study is split-plot (2 blocks");
  }

  @Test
  void aBlockWithTooFewCasesOfAClassIsRefusedNamingItsReaders() {
    ReaderStudy crossed = VanDyke.study();
    int[] caseBlock = new int[crossed.cases().size()];
    caseBlock[0] = 1; // one negative case alone in block 1
    assertThatThrownBy(() -> asSplitPlot(crossed, new int[] {0, 0, 0, 1, 1}, caseBlock))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[4, 5]").hasMessageContaining("0 positive");
  }

  private static ReaderStudy asSplitPlot(ReaderStudy crossed, int[] readerBlock, int[] caseBlock) {
    int t = crossed.modalities().size();
    int r = crossed.readers().size();
    double[][][] ratings = new double[t][r][];
    boolean[] up = new boolean[t];
    for (int i = 0; i < t; i++) {
      up[i] = true;
      for (int j = 0; j < r; j++) {
        ratings[i][j] = crossed.ratings(i, j);
      }
    }
    boolean[] truth = new boolean[crossed.cases().size()];
    for (int q = 0; q < truth.length; q++) {
      truth[q] = crossed.truth(q);
    }
    return ReaderStudy.splitPlot(crossed.modalities(), crossed.readers(), crossed.cases(), truth, ratings, up, readerBlock,
        caseBlock);
  }
}

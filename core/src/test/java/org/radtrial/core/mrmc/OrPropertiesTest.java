package org.radtrial.core.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Properties of the OR and DBM analyses that hold for any data, each on seeded random studies of two
 * or three modalities; a failure names the seed.
 */
class OrPropertiesTest {
  private static final FigureOfMerit AUC = new FigureOfMerit.Auc();

  private static ReaderStudy study(RepetitionInfo info, long base) {
    long seed = base + info.getCurrentRepetition();
    return RandomStudies.draw(seed, 2 + (int) (seed % 2));
  }

  /**
   * Hillis, Obuchowski, Schartz and Berbaum (2005): with jackknife covariances MS(TC) − MS(TRC) =
   * rK·(Cov2 − Cov3), so the RRRC F and ddf are the same; the FRRC statistics agree too when Cov2 ≥
   * Cov3 (OR truncates Cov2 − Cov3 at 0 there, DBM's MS(TC) does not).
   */
  @RepeatedTest(30)
  void orWithJackknifeCovariancesEqualsDbm(RepetitionInfo info) {
    ReaderStudy s = study(info, 0x0E_0000L);
    OrAnalysis or = ObuchowskiRockette.analyse(s, AUC, CovarianceMethod.JACKKNIFE, 0.95);
    DbmAnalysis dbm = DorfmanBerbaumMetz.analyse(s, AUC, 0.95);
    GlobalTest a = or.randomReadersRandomCases().test();
    GlobalTest b = dbm.randomReadersRandomCases().test();
    assertThat(a.statistic()).isCloseTo(b.statistic(), within(1e-9 * (1 + a.statistic())));
    assertThat(a.ddf()).isCloseTo(b.ddf(), within(1e-7 * a.ddf()));
    double rk = s.readers().size() * (double) s.cases().size();
    assertThat(dbm.meanSquares().modalityByCase() - dbm.meanSquares().modalityByReaderByCase())
        .isCloseTo(rk * (or.components().cov2() - or.components().cov3()), within(1e-12));
    if (or.components().cov2() >= or.components().cov3()) {
      double orChiSquare = or.fixedReadersRandomCases().test().statistic();
      double dbmF = dbm.fixedReadersRandomCases().test().statistic();
      assertThat(orChiSquare / (s.modalities().size() - 1)).isCloseTo(dbmF, within(1e-9 * (1 + dbmF)));
    }
    assertThat(or.components().varR()).isCloseTo(dbm.components().varR(), within(1e-12));
    assertThat(or.components().varTR()).isCloseTo(dbm.components().varTR(), within(1e-12));
  }

  @RepeatedTest(30)
  void reversingTheModalitiesNegatesTheDifferencesAndKeepsTheTests(RepetitionInfo info) {
    ReaderStudy s = study(info, 0x0F_0000L);
    ReaderStudy reversed = reorderModalities(s);
    for (CovarianceMethod method : CovarianceMethod.values()) {
      OrAnalysis a = ObuchowskiRockette.analyse(s, AUC, method, 0.95);
      OrAnalysis b = ObuchowskiRockette.analyse(reversed, AUC, method, 0.95);
      for (Generalization g : Generalization.values()) {
        assertThat(b.result(g).test().statistic()).isCloseTo(a.result(g).test().statistic(), within(1e-9));
        assertThat(b.result(g).test().p()).isCloseTo(a.result(g).test().p(), within(1e-12));
        ModalityDifference first = a.result(g).differences().get(0);
        ModalityDifference last = b.result(g).differences().get(b.result(g).differences().size() - 1);
        assertThat(last.first()).isEqualTo(first.second());
        assertThat(last.estimate()).isCloseTo(-first.estimate(), within(1e-15));
        assertThat(last.ci().lower()).isCloseTo(-first.ci().upper(), within(1e-12));
      }
    }
  }

  @RepeatedTest(30)
  void readerOrderDoesNotMatter(RepetitionInfo info) {
    ReaderStudy s = study(info, 0x10_0000L);
    ReaderStudy shuffled = shuffleReaders(s, info.getCurrentRepetition());
    OrAnalysis a = ObuchowskiRockette.analyse(s, AUC, CovarianceMethod.JACKKNIFE, 0.95);
    OrAnalysis b = ObuchowskiRockette.analyse(shuffled, AUC, CovarianceMethod.JACKKNIFE, 0.95);
    assertThat(b.components().varError()).isCloseTo(a.components().varError(), within(1e-15));
    assertThat(b.components().cov2()).isCloseTo(a.components().cov2(), within(1e-15));
    assertThat(b.randomReadersRandomCases().test().p()).isCloseTo(a.randomReadersRandomCases().test().p(), within(1e-12));
  }

  @RepeatedTest(30)
  void twoModalityTStatisticsSquareToTheFTest(RepetitionInfo info) {
    ReaderStudy s = RandomStudies.draw(0x11_0000L + info.getCurrentRepetition(), 2);
    OrAnalysis a = ObuchowskiRockette.analyse(s, AUC, CovarianceMethod.DELONG, 0.95);
    for (Generalization g : Generalization.values()) {
      ModalityDifference d = a.result(g).differences().get(0);
      assertThat(d.statistic() * d.statistic()).isCloseTo(a.result(g).test().statistic(), within(1e-9 * (1 + Math.abs(d.statistic()))));
      assertThat(d.p()).isCloseTo(a.result(g).test().p(), within(1e-9));
      assertThat(d.ci().contains(d.estimate())).isTrue();
      assertThat(d.ci().contains(0)).isEqualTo(d.p() >= 0.05);
    }
  }

  private static ReaderStudy reorderModalities(ReaderStudy s) {
    int t = s.modalities().size();
    int r = s.readers().size();
    double[][][] ratings = new double[t][r][];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < t; i++) {
      names.add(s.modalities().get(t - 1 - i));
      for (int j = 0; j < r; j++) {
        ratings[i][j] = s.ratings(t - 1 - i, j);
      }
    }
    return ReaderStudy.of(names, s.readers(), s.cases(), RandomStudies.truth(s), ratings);
  }

  private static ReaderStudy shuffleReaders(ReaderStudy s, long seed) {
    int t = s.modalities().size();
    int r = s.readers().size();
    List<Integer> order = new ArrayList<>();
    for (int j = 0; j < r; j++) {
      order.add(j);
    }
    Collections.shuffle(order, new Random(new SplittableRandom(seed).nextLong()));
    double[][][] ratings = new double[t][r][];
    List<String> names = new ArrayList<>();
    for (int j = 0; j < r; j++) {
      names.add(s.readers().get(order.get(j)));
      for (int i = 0; i < t; i++) {
        ratings[i][j] = s.ratings(i, order.get(j));
      }
    }
    return ReaderStudy.of(s.modalities(), names, s.cases(), RandomStudies.truth(s), ratings);
  }
}

package org.radtrial.core.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MrmcAnalysisTest {
  private static final ReaderStudy VAN_DYKE = VanDyke.study();

  @Nested
  class ReaderCurves {
    private final MrmcResult result = MrmcAnalysis.analyse(VAN_DYKE, MrmcSpec.defaults());

    @Test
    void oneCurvePerReaderPerModalityInModalityOrder() {
      assertThat(result.curves()).hasSize(10);
      assertThat(result.curves().get(0).modality()).isEqualTo("1");
      assertThat(result.curves().get(0).reader()).isEqualTo("1");
      assertThat(result.curves().get(9).modality()).isEqualTo("2");
      assertThat(result.curves().get(9).reader()).isEqualTo("5");
    }

    @Test
    void curvesRunFromTheOriginToOneOneAndTheirAreaIsTheAuc() {
      for (ReaderCurve curve : result.curves()) {
        List<CurvePoint> p = curve.points();
        assertThat(p.get(0).threshold()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(p.get(0).sensitivity()).isZero();
        assertThat(p.get(0).specificity()).isEqualTo(1);
        assertThat(p.get(p.size() - 1).sensitivity()).isEqualTo(1);
        assertThat(p.get(p.size() - 1).specificity()).isZero();
        double area = 0;
        for (int q = 1; q < p.size(); q++) {
          area += (p.get(q - 1).specificity() - p.get(q).specificity()) * (p.get(q - 1).sensitivity() + p.get(q).sensitivity()) / 2;
        }
        assertThat(area).as(curve.reader()).isCloseTo(curve.auc(), within(1e-12));
      }
      // 5-point ratings: thresholds 5, 4, 3, 2, 1 at most, after +∞.
      assertThat(result.curves().get(0).points()).extracting(CurvePoint::threshold).contains(5.0, 1.0);
    }

    @Test
    void curveThresholdsAreInTheRatingsOwnUnitsWhenLowerIsMoreSuspicious() {
      ReaderStudy flipped = flipped(VAN_DYKE);
      MrmcResult r = MrmcAnalysis.analyse(flipped, MrmcSpec.defaults());
      ReaderCurve original = result.curves().get(0);
      ReaderCurve curve = r.curves().get(0);
      assertThat(curve.auc()).isEqualTo(original.auc());
      assertThat(curve.points().get(0).threshold()).isEqualTo(Double.NEGATIVE_INFINITY);
      for (int q = 1; q < curve.points().size(); q++) {
        assertThat(curve.points().get(q).threshold()).isEqualTo(6 - original.points().get(q).threshold());
        assertThat(curve.points().get(q).sensitivity()).isEqualTo(original.points().get(q).sensitivity());
      }
    }
  }

  @Nested
  class AtARatingCut {
    @Test
    void sensitivityAndSpecificityCountTheCallsAtOrAboveTheCut() {
      MrmcResult r = MrmcAnalysis.analyse(VAN_DYKE, MrmcSpec.defaults().withCut(3));
      int k = 0;
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 5; j++) {
          double[] ratings = VAN_DYKE.ratings(i, j);
          int tp = 0;
          int tn = 0;
          for (int q = 0; q < ratings.length; q++) {
            tp += VAN_DYKE.truth(q) && ratings[q] >= 3 ? 1 : 0;
            tn += !VAN_DYKE.truth(q) && ratings[q] < 3 ? 1 : 0;
          }
          assertThat(r.sensitivity().values().get(k).value()).isEqualTo(tp / 45.0);
          assertThat(r.specificity().values().get(k).value()).isEqualTo(tn / 69.0);
          k++;
        }
      }
      assertThat(r.sensitivity().figureOfMerit().label()).isEqualTo("sensitivity at cut 3");
      assertThat(r.sensitivity().obuchowskiRockette().covarianceMethod()).isEqualTo(CovarianceMethod.JACKKNIFE);
    }

    @Test
    void theCutIsAppliedInEachModalitysOwnDirection() {
      MrmcResult original = MrmcAnalysis.analyse(VAN_DYKE, MrmcSpec.defaults().withCut(3));
      // Flipped ratings are 6 − x with lower = more suspicious; cut 3 there calls 6 − x ≤ 3, i.e. x ≥ 3.
      MrmcResult flipped = MrmcAnalysis.analyse(flipped(VAN_DYKE), MrmcSpec.defaults().withCut(3));
      assertThat(flipped.sensitivity().values()).isEqualTo(original.sensitivity().values());
      assertThat(flipped.specificity().values()).isEqualTo(original.specificity().values());
      // Whereas cut 2 there calls 6 − x ≤ 2, i.e. x ≥ 4, the original's cut 4.
      MrmcResult cut2 = MrmcAnalysis.analyse(flipped(VAN_DYKE), MrmcSpec.defaults().withCut(2));
      MrmcResult cut4 = MrmcAnalysis.analyse(VAN_DYKE, MrmcSpec.defaults().withCut(4));
      assertThat(cut2.sensitivity().values()).extracting(ReaderValue::value)
          .isEqualTo(cut4.sensitivity().values().stream().map(ReaderValue::value).toList());
    }

    @Test
    void withoutACutThereAreNoBinaryAnalyses() {
      MrmcResult r = MrmcAnalysis.analyse(VAN_DYKE, MrmcSpec.defaults());
      assertThat(r.sensitivity()).isNull();
      assertThat(r.specificity()).isNull();
    }
  }

  @Nested
  class Planning {
    @Test
    void plansWithTheObservedEffectByDefault() {
      StudyPlan plan = new StudyPlan(List.of(10), Double.NaN, 0.05, 0.8, 2000);
      PlanResult p = MrmcAnalysis.analyse(VAN_DYKE, MrmcSpec.defaults().withPlan(plan)).plan();
      assertThat(p.observedEffect()).isTrue();
      assertThat(p.effect()).isCloseTo(-0.04380032, Printed.decimals(8));
      assertThat(p.pilotCases()).isEqualTo(114);
      PlanResult.PlannedReaders row = p.rows().get(0);
      assertThat(row.randomReadersRandomCases().cases()).isEqualTo(163);
      assertThat(row.fixedReadersRandomCases().cases()).isEqualTo(133);
      assertThat(row.randomReadersFixedCases().cases()).isEqualTo(53);
    }

    @Test
    void aLargerEffectNeedsFewerCasesAndTooFewReadersNeverSuffice() {
      StudyPlan plan = new StudyPlan(List.of(3, 10), 0.1, 0.05, 0.8, 2000);
      PlanResult p = MrmcAnalysis.analyse(VAN_DYKE, MrmcSpec.defaults().withPlan(plan)).plan();
      assertThat(p.observedEffect()).isFalse();
      assertThat(p.rows().get(1).randomReadersRandomCases().cases()).isLessThan(163);
      StudyPlan tiny = new StudyPlan(List.of(2), 0.01, 0.05, 0.9, 200);
      assertThat(MrmcAnalysis.analyse(VAN_DYKE, MrmcSpec.defaults().withPlan(tiny)).plan().rows().get(0)
          .randomReadersRandomCases()).isNull();
    }

    @Test
    void aSingleModalityStudyCannotBeAPilot() {
      ReaderStudy single = firstModality(VAN_DYKE);
      MrmcSpec spec = MrmcSpec.defaults().withPlan(new StudyPlan(List.of(5), 0.05, 0.05, 0.8, 100));
      assertThatThrownBy(() -> MrmcAnalysis.analyse(single, spec)).hasMessageContaining("two modalities");
    }
  }

  @Test
  void aSingleModalityStudyHasIntervalsButNoComparisons() {
    MrmcResult r = MrmcAnalysis.analyse(firstModality(VAN_DYKE), MrmcSpec.defaults());
    for (Generalization g : Generalization.values()) {
      GeneralizationResult or = r.auc().obuchowskiRockette().result(g);
      assertThat(or.test()).isNull();
      assertThat(or.differences()).isEmpty();
      assertThat(or.modalities()).hasSize(1);
      assertThat(r.auc().dbm().result(g).test()).isNull();
    }
    // Same single-modality interval as in the two-modality analysis (OR-DBM MRMC part (c)).
    assertThat(r.auc().obuchowskiRockette().randomReadersRandomCases().modalities().get(0).standardError())
        .isCloseTo(0.03317360, Printed.decimals(8));
  }

  @Test
  void theStandaloneReaderComesLastInValuesAndCurves() {
    ReaderStudy study = VAN_DYKE.withStandalone(new StandaloneReader("AI", VAN_DYKE.ratings(1, 3), true));
    MrmcResult r = MrmcAnalysis.analyse(study, MrmcSpec.defaults());
    assertThat(r.standaloneReader()).isEqualTo("AI");
    assertThat(r.curves()).hasSize(11);
    assertThat(r.curves().get(10).modality()).isNull();
    assertThat(r.curves().get(10).auc()).isCloseTo(0.99935588, Printed.decimals(8));
    assertThat(r.auc().standalone()).hasSize(2);
    // The human analysis does not change when the AI is added.
    assertThat(r.auc().obuchowskiRockette().randomReadersRandomCases().test().statistic())
        .isEqualTo(MrmcAnalysis.analyse(VAN_DYKE, MrmcSpec.defaults()).auc().obuchowskiRockette().randomReadersRandomCases().test().statistic());
  }

  @Test
  void identicalRatingsEverywhereGiveNoDifferenceAndPOfOne() {
    double[][][] flat = new double[2][3][8];
    for (double[][] m : flat) {
      for (double[] r : m) {
        Arrays.fill(r, 3);
      }
    }
    boolean[] truth = {true, true, true, false, false, false, false, false};
    ReaderStudy study = ReaderStudy.of(List.of("A", "B"), List.of("r1", "r2", "r3"),
        List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"), truth, flat);
    MrmcResult r = MrmcAnalysis.analyse(study, MrmcSpec.defaults());
    for (Generalization g : Generalization.values()) {
      for (GeneralizationResult result : List.of(r.auc().obuchowskiRockette().result(g), r.auc().dbm().result(g))) {
        assertThat(result.test().statistic()).as(g.code()).isZero();
        assertThat(result.test().p()).as(g.code()).isEqualTo(1);
        assertThat(result.differences().get(0).estimate()).isZero();
        assertThat(result.differences().get(0).p()).isEqualTo(1);
      }
    }
    StudyPlan plan = new StudyPlan(List.of(5), Double.NaN, 0.05, 0.8, 100);
    assertThatThrownBy(() -> MrmcAnalysis.analyse(study, MrmcSpec.defaults().withPlan(plan)))
        .hasMessageContaining("observed AUC difference is 0");
    StudyPlan withEffect = new StudyPlan(List.of(5), 0.05, 0.05, 0.8, 100);
    assertThatThrownBy(() -> MrmcAnalysis.analyse(study, MrmcSpec.defaults().withPlan(withEffect)))
        .hasMessageContaining("cannot predict power");
  }

  /** The study with every rating x replaced by 6 − x, marked lower-is-positive. */
  static ReaderStudy flipped(ReaderStudy s) {
    int t = s.modalities().size();
    int r = s.readers().size();
    double[][][] oriented = new double[t][r][];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        // user ratings 6 − x, lower = more suspicious; oriented = −(6 − x) = x − 6
        oriented[i][j] = s.ratings(i, j).clone();
        for (int q = 0; q < oriented[i][j].length; q++) {
          oriented[i][j][q] = -(6 - oriented[i][j][q]);
        }
      }
    }
    boolean[] up = new boolean[t];
    return ReaderStudy.of(s.modalities(), s.readers(), s.cases(), RandomStudies.truth(s), oriented, up, null);
  }

  static ReaderStudy firstModality(ReaderStudy s) {
    double[][][] ratings = new double[1][s.readers().size()][];
    for (int j = 0; j < s.readers().size(); j++) {
      ratings[0][j] = s.ratings(0, j);
    }
    return ReaderStudy.of(List.of(s.modalities().get(0)), s.readers(), s.cases(), RandomStudies.truth(s), ratings);
  }
}

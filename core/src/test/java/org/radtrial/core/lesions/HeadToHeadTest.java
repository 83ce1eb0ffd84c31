package org.radtrial.core.lesions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Models head-to-head: bootstrap intervals over cases, jackknife tests of the wAFROC difference, Holm. */
class HeadToHeadTest {

  private static LesionStudy study(long seed, int models) {
    Random random = new Random(seed);
    List<LesionCase> cases = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      cases.add(k % 2 == 0 ? LesionCase.normal("n" + k) : LesionCase.equallyWeighted("a" + k, List.of("1", "2")));
    }
    LesionTruth truth = new LesionTruth(cases);
    Reading[][] readings = new Reading[1][models];
    for (int j = 0; j < models; j++) {
      readings[0][j] = LocalizationFomTest.randomReading(random, truth);
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < models; j++) {
      names.add("m" + j);
    }
    return new LesionStudy(truth, List.of("stand-alone"), names, readings);
  }

  @Test
  void aModelAgainstItsCopyDiffersByNothing() {
    LesionStudy one = study(3, 1);
    Reading r = one.reading(0, 0);
    LesionStudy twins = new LesionStudy(one.truth(), List.of("stand-alone"), List.of("a", "b"), new Reading[][] {{r, r}});
    HeadToHead.Result result = HeadToHead.compare(twins, 200, 1, 0.95);
    ModelDifference d = result.differences().get(0);
    assertThat(d.primaryDifference()).isZero();
    assertThat(d.p()).isEqualTo(1.0);
    assertThat(d.pHolm()).isEqualTo(1.0);
    assertThat(d.cpmCi().lower()).isZero();
    assertThat(d.cpmCi().upper()).isZero();
  }

  @Test
  void progressCountsEveryReplicateAndDoesNotChangeTheResult() {
    LesionStudy s = study(11, 3);
    java.util.List<long[]> told = new java.util.ArrayList<>();
    HeadToHead.Result watched = HeadToHead.compare(s, 150, 42, 0.95, (done, total) -> told.add(new long[] {done, total}));
    HeadToHead.Result quiet = HeadToHead.compare(s, 150, 42, 0.95);
    assertThat(told).hasSize(150);
    assertThat(told.get(149)).containsExactly(150, 150);
    assertThat(watched.models().get(1).primaryCi()).isEqualTo(quiet.models().get(1).primaryCi());
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndEveryPairIsHolmAdjusted() {
    LesionStudy s = study(11, 3);
    HeadToHead.Result a = HeadToHead.compare(s, 300, 42, 0.95);
    HeadToHead.Result b = HeadToHead.compare(s, 300, 42, 0.95);
    assertThat(a.models().get(1).primaryCi()).isEqualTo(b.models().get(1).primaryCi());
    assertThat(a.differences()).hasSize(3);
    for (ModelDifference d : a.differences()) {
      assertThat(d.pHolm()).isGreaterThanOrEqualTo(d.p());
    }
    double minP = a.differences().stream().mapToDouble(ModelDifference::p).min().orElseThrow();
    double minHolm = a.differences().stream().mapToDouble(ModelDifference::pHolm).min().orElseThrow();
    assertThat(minHolm).isCloseTo(Math.min(1, 3 * minP), within(1e-15));
  }

  @Test
  void sensitivityDifferencesAtEachRateAreTheEstimatesDifferencesAndOneHolmFamily() {
    LesionStudy s = study(13, 3);
    HeadToHead.Result r = HeadToHead.compare(s, 400, 3, 0.95);
    List<Double> raw = new ArrayList<>();
    List<Double> adjusted = new ArrayList<>();
    for (ModelDifference d : r.differences()) {
      int a = Integer.parseInt(d.first().substring(1));
      int b = Integer.parseInt(d.second().substring(1));
      assertThat(d.sensitivity()).hasSize(FrocCurve.LUNA16_RATES.length);
      for (int k = 0; k < d.sensitivity().size(); k++) {
        RateDifference rd = d.sensitivity().get(k);
        assertThat(rd.rate()).isEqualTo(FrocCurve.LUNA16_RATES[k]);
        assertThat(rd.difference()).isEqualTo(r.models().get(a).sensitivity()[k] - r.models().get(b).sensitivity()[k]);
        if (!Double.isNaN(rd.p())) {
          raw.add(rd.p());
          adjusted.add(rd.pHolm());
          assertThat(rd.pHolm()).isGreaterThanOrEqualTo(rd.p());
        }
      }
    }
    // Holm's smallest adjusted p is the smallest p times the family's size: every pair × rate tested
    double minP = raw.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    assertThat(adjusted.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
        .isCloseTo(Math.min(1, raw.size() * minP), within(1e-15));
  }

  @Test
  void aModelFarBetterAtLowRatesIsShownBetterThere() {
    LesionStudy one = study(17, 1);
    Reading weak = one.reading(0, 0);
    double[][] ll = new double[weak.ll().length][];
    for (int k = 0; k < ll.length; k++) {
      ll[k] = new double[weak.ll()[k].length];
      java.util.Arrays.fill(ll[k], 100);
    }
    Reading perfect = new Reading(weak.nl(), ll);
    HeadToHead.Result r = HeadToHead.compare(new LesionStudy(one.truth(), List.of("stand-alone"), List.of("perfect", "weak"),
        new Reading[][] {{perfect, weak}}), 300, 5, 0.95);
    RateDifference atOne = r.differences().get(0).sensitivity().get(3);
    assertThat(atOne.rate()).isEqualTo(1.0);
    assertThat(atOne.difference()).isGreaterThan(0.2);
    assertThat(atOne.ci().lower()).isGreaterThan(0);
    assertThat(atOne.pHolm()).isLessThan(0.001);
  }

  @Test
  void theBootstrapIntervalOfWafrocIsAboutAsWideAsTheJackknifeOne() {
    LesionStudy s = study(5, 1);
    HeadToHead.Result r = HeadToHead.compare(s, 2000, 9, 0.95);
    ModelEstimate m = r.models().get(0);
    FigureValue v = LocalizationFom.compute(LocalizationFigure.WAFROC, s.truth(), s.reading(0, 0));
    double[] zero = new double[v.leaveOneOut().length];
    java.util.Arrays.fill(zero, 0);
    double jackknifeHalfWidth = 1.96 * Math.sqrt(HeadToHead.jackknifeVariance(v.leaveOneOut(), zero));
    double bootstrapHalfWidth = (m.primaryCi().upper() - m.primaryCi().lower()) / 2;
    assertThat(bootstrapHalfWidth / jackknifeHalfWidth).isBetween(0.85, 1.15);
    assertThat(m.primaryCi().contains(m.primary())).isTrue();
  }

  @Test
  void theBootstrapValueOfTheFullSampleIsTheFigure() {
    LesionStudy s = study(8, 1);
    int[] all = java.util.stream.IntStream.range(0, s.truth().size()).toArray();
    for (LocalizationFigure f : LocalizationFigure.values()) {
      assertThat(LocalizationFom.value(f, s.truth(), s.reading(0, 0), all))
          .isCloseTo(LocalizationFom.compute(f, s.truth(), s.reading(0, 0)).value(), within(1e-14));
    }
  }
}

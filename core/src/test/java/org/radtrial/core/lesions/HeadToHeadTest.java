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

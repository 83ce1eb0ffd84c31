package org.radtrial.core.lesions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The fast figures of merit against naive double sums over the definition, with each case deleted too. */
class LocalizationFomTest {

  @RepeatedTest(30)
  void everyFigureAndLeaveOneOutValueEqualsTheNaiveDefinition(RepetitionInfo info) {
    Random random = new Random(20261130L + info.getCurrentRepetition());
    boolean withNormals = info.getCurrentRepetition() % 5 != 0;
    LesionTruth truth = randomTruth(random, withNormals);
    Reading reading = randomReading(random, truth);
    for (LocalizationFigure f : LocalizationFigure.values()) {
      if (!withNormals && (f == LocalizationFigure.WAFROC || f == LocalizationFigure.AFROC
          || f == LocalizationFigure.INFERRED_ROC)) {
        continue;
      }
      FigureValue v = LocalizationFom.compute(f, truth, reading);
      assertThat(v.value()).as("%s", f).isCloseTo(naive(f, truth, reading, -1), within(1e-13));
      double[] without = v.leaveOneOut();
      for (int k = 0; k < truth.size(); k++) {
        double expected = naive(f, truth, reading, k);
        if (Double.isNaN(expected)) {
          assertThat(without[k]).isNaN();
        } else {
          assertThat(without[k]).as("%s without case %d", f, k).isCloseTo(expected, within(1e-13));
        }
      }
    }
  }

  @Test
  void weightedAndUnweightedAfrocAgreeWithOneLesionPerCase() {
    Random random = new Random(7);
    List<LesionCase> cases = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      cases.add(k < 12 ? LesionCase.normal("n" + k) : LesionCase.equallyWeighted("a" + k, List.of("1")));
    }
    LesionTruth truth = new LesionTruth(cases);
    Reading reading = randomReading(random, truth);
    assertThat(LocalizationFom.compute(LocalizationFigure.WAFROC, truth, reading).value())
        .isCloseTo(LocalizationFom.compute(LocalizationFigure.AFROC, truth, reading).value(), within(1e-15));
  }

  @Test
  void unmarkedLesionsTieWithUnmarkedNormalCases() {
    // one normal case without marks, one abnormal case whose lesion is not marked: ψ(−∞, −∞) = ½
    LesionTruth truth = new LesionTruth(List.of(LesionCase.normal("n"), LesionCase.equallyWeighted("a", List.of("1"))));
    Reading reading = new Reading(new double[][] {{}, {}}, new double[][] {{}, {Double.NEGATIVE_INFINITY}});
    assertThat(LocalizationFom.compute(LocalizationFigure.WAFROC, truth, reading).value()).isEqualTo(0.5);
  }

  @Test
  void aCaseMarkedOnlyOutsideItsLesionStillCountsForTheInferredRocButNotTheAfroc() {
    LesionTruth truth = new LesionTruth(List.of(LesionCase.normal("n"), LesionCase.equallyWeighted("a", List.of("1"))));
    Reading reading = new Reading(new double[][] {{2}, {5}}, new double[][] {{}, {Double.NEGATIVE_INFINITY}});
    assertThat(LocalizationFom.compute(LocalizationFigure.INFERRED_ROC, truth, reading).value()).isEqualTo(1.0);
    assertThat(LocalizationFom.compute(LocalizationFigure.AFROC, truth, reading).value()).isEqualTo(0.0);
  }

  /** θ by its definition, with case {@code deleted} left out (−1: none); NaN when undefined. */
  private static double naive(LocalizationFigure f, LesionTruth truth, Reading reading, int deleted) {
    List<Double> fp = new ArrayList<>();
    for (int k = 0; k < truth.size(); k++) {
      if (k == deleted || (f.normalsOnly() && !truth.get(k).isNormal())) {
        continue;
      }
      fp.add(f.perCase() ? reading.highestMark(k) : reading.highestNl(k));
    }
    double sum = 0;
    double mass = 0;
    for (int k = 0; k < truth.size(); k++) {
      LesionCase c = truth.get(k);
      if (k == deleted || c.isNormal()) {
        continue;
      }
      if (f.perCase()) {
        mass += 1;
        for (double s : fp) {
          sum += LocalizationFom.psi(s, reading.highestMark(k));
        }
        continue;
      }
      mass += f.weighted() ? 1 : c.lesions();
      for (int l = 0; l < c.lesions(); l++) {
        double w = f.weighted() ? c.weight(l) : 1;
        for (double s : fp) {
          sum += w * LocalizationFom.psi(s, reading.ll()[k][l]);
        }
      }
    }
    return fp.isEmpty() || mass == 0 ? Double.NaN : sum / (fp.size() * mass);
  }

  static LesionTruth randomTruth(Random random, boolean withNormals) {
    List<LesionCase> cases = new ArrayList<>();
    int n = 8 + random.nextInt(30);
    for (int k = 0; k < n; k++) {
      if (withNormals && random.nextBoolean()) {
        cases.add(LesionCase.normal("c" + k));
        continue;
      }
      int lesions = 1 + random.nextInt(3);
      List<String> ids = new ArrayList<>();
      double[] w = new double[lesions];
      double total = 0;
      for (int l = 0; l < lesions; l++) {
        ids.add(String.valueOf(l + 1));
        w[l] = 0.2 + random.nextDouble();
        total += w[l];
      }
      for (int l = 0; l < lesions; l++) {
        w[l] /= total;
      }
      cases.add(new LesionCase("c" + k, ids, w));
    }
    if (withNormals && cases.stream().allMatch(LesionCase::isNormal)) {
      cases.add(LesionCase.equallyWeighted("extra", List.of("1")));
    }
    if (withNormals && cases.stream().noneMatch(LesionCase::isNormal)) {
      cases.add(LesionCase.normal("extra normal"));
    }
    return new LesionTruth(cases);
  }

  /** Ratings on a 1–5 scale, so ties are common; about a third of lesions unmarked. */
  static Reading randomReading(Random random, LesionTruth truth) {
    double[][] nl = new double[truth.size()][];
    double[][] ll = new double[truth.size()][];
    for (int k = 0; k < truth.size(); k++) {
      nl[k] = new double[random.nextInt(3)];
      for (int m = 0; m < nl[k].length; m++) {
        nl[k][m] = 1 + random.nextInt(5);
      }
      ll[k] = new double[truth.get(k).lesions()];
      for (int l = 0; l < ll[k].length; l++) {
        ll[k][l] = random.nextInt(3) == 0 ? Double.NEGATIVE_INFINITY : 1 + random.nextInt(5);
      }
    }
    return new Reading(nl, ll);
  }

  @Test
  void leaveOneOutIsACopy() {
    LesionTruth truth = new LesionTruth(List.of(LesionCase.normal("n"), LesionCase.normal("m"),
        LesionCase.equallyWeighted("a", List.of("1"))));
    Reading reading = new Reading(new double[][] {{1}, {}, {}}, new double[][] {{}, {}, {3}});
    FigureValue v = LocalizationFom.compute(LocalizationFigure.WAFROC, truth, reading);
    double[] copy = v.leaveOneOut();
    Arrays.fill(copy, 0);
    assertThat(v.leaveOneOut()).containsExactly(1.0, 1.0, Double.NaN);
  }
}

package org.radtrial.core.lesions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's one-pass figures over drawn-case counts against the definitions evaluated on the listed
 * multiset of cases ({@link LocalizationFom#value}, {@link FrocCurve#of(LesionTruth, Reading, int[])}), the
 * oracle the bootstrap used before: every figure and every LUNA16 sensitivity, on seeded random studies with
 * ties, unmarked lesions, undrawn cases and many false marks (so every rate is interpolated somewhere).
 */
class ResampledReadingTest {

  @RepeatedTest(60)
  void aReplicatesFiguresAreThoseOfTheListedCases(RepetitionInfo info) {
    Random random = new Random(977L * info.getCurrentRepetition());
    boolean withNormals = info.getCurrentRepetition() % 4 != 0;
    LesionTruth truth = LocalizationFomTest.randomTruth(random, withNormals);
    Reading reading = manyMarks(random, truth);
    int[] listed = new int[truth.size()];
    int[] count = new int[truth.size()];
    for (int i = 0; i < listed.length; i++) {
      listed[i] = random.nextInt(truth.size());
      count[listed[i]]++;
    }
    for (LocalizationFigure f : LocalizationFigure.values()) {
      double expected = LocalizationFom.value(f, truth, reading, listed);
      double actual = new ResampledReading(f, truth, reading).figure(count);
      if (Double.isNaN(expected)) {
        assertThat(actual).as(f.label()).isNaN();
      } else {
        assertThat(actual).as(f.label()).isCloseTo(expected, within(1e-12));
      }
    }
    double[] expected = FrocCurve.of(truth, reading, listed).luna16Sensitivities();
    double[] actual = new double[FrocCurve.LUNA16_RATES.length];
    new ResampledReading(LocalizationFigure.WAFROC1, truth, reading).sensitivities(count, FrocCurve.LUNA16_RATES, actual);
    for (int r = 0; r < actual.length; r++) {
      if (Double.isNaN(expected[r])) {
        assertThat(actual[r]).isNaN();
      } else {
        assertThat(actual[r]).as("rate %s", FrocCurve.LUNA16_RATES[r]).isCloseTo(expected[r], within(1e-12));
      }
    }
  }

  @Test
  void everyCaseDrawnOnceGivesTheStudysOwnFigures() {
    Random random = new Random(3);
    LesionTruth truth = LocalizationFomTest.randomTruth(random, true);
    Reading reading = manyMarks(random, truth);
    int[] once = new int[truth.size()];
    Arrays.fill(once, 1);
    assertThat(new ResampledReading(LocalizationFigure.WAFROC, truth, reading).figure(once))
        .isCloseTo(LocalizationFom.compute(LocalizationFigure.WAFROC, truth, reading).value(), within(1e-12));
    double[] s = new double[FrocCurve.LUNA16_RATES.length];
    new ResampledReading(LocalizationFigure.WAFROC, truth, reading).sensitivities(once, FrocCurve.LUNA16_RATES, s);
    assertThat(s).containsExactly(FrocCurve.of(truth, reading).luna16Sensitivities(), within(1e-12));
  }

  @RepeatedTest(20)
  void theRadixOrderSortsLikeACompareSortAndKeepsTiesInPlace(RepetitionInfo info) {
    Random random = new Random(31L * info.getCurrentRepetition());
    double[] v = new double[random.nextInt(3000)];
    for (int i = 0; i < v.length; i++) {
      int kind = random.nextInt(6);
      v[i] = kind == 0 ? Double.NEGATIVE_INFINITY : kind == 1 ? random.nextInt(5) - 2 : (random.nextDouble() - 0.5) * 1e6;
    }
    Integer[] boxed = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> Double.compare(v[a], v[b]));
    assertThat(ResampledReading.ascending(v)).containsExactly(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
  }

  /** Up to 15 NL marks per case on a 0–10 scale in quarter steps (ties common); a third of lesions unmarked. */
  private static Reading manyMarks(Random random, LesionTruth truth) {
    double[][] nl = new double[truth.size()][];
    double[][] ll = new double[truth.size()][];
    for (int k = 0; k < truth.size(); k++) {
      nl[k] = new double[random.nextInt(16)];
      for (int m = 0; m < nl[k].length; m++) {
        nl[k][m] = random.nextInt(41) / 4.0;
      }
      ll[k] = new double[truth.get(k).lesions()];
      for (int l = 0; l < ll[k].length; l++) {
        ll[k][l] = random.nextInt(3) == 0 ? Double.NEGATIVE_INFINITY : random.nextInt(41) / 4.0;
      }
    }
    return new Reading(nl, ll);
  }
}

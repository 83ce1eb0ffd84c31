package org.radtrial.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bands: the band of a value against a naive count of cut points, default bands' shares, and labels that name the band. */
class BandsTest {

  @Test
  void bandOfAValueIsTheNumberOfCutPointsAtOrBelowIt() {
    Random random = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      List<Double> cuts = new ArrayList<>();
      double c = random.nextGaussian();
      for (int k = 0, size = 1 + random.nextInt(6); k < size; k++) {
        cuts.add(c);
        c += 0.01 + random.nextDouble();
      }
      Bands bands = new Bands(cuts);
      for (int v = 0; v < 50; v++) {
        double value = random.nextBoolean() ? cuts.get(random.nextInt(cuts.size())) : random.nextGaussian() * 3;
        long naive = cuts.stream().filter(cut -> cut <= value).count();
        assertThat(bands.band(value)).as("value %s in %s", value, cuts).isEqualTo((int) naive);
      }
      assertThat(bands.labels()).hasSize(cuts.size() + 1);
    }
  }

  @Test
  void labelsNameHalfOpenIntervalsBetweenTheCuts() {
    assertThat(new Bands(List.of(40.0, 50.0, 60.0, 70.0)).labels())
        .containsExactly("<40", "[40, 50)", "[50, 60)", "[60, 70)", ">=70");
    assertThat(new Bands(List.of(0.5, 1.25)).labels()).containsExactly("<0.5", "[0.5, 1.25)", ">=1.25");
    Bands age = Bands.defaultFor("age", new double[] {45, 52, 67});
    assertThat(age.cuts()).isEqualTo(Bands.AGE);
    assertThat(age.band(49.99)).isEqualTo(1);
    assertThat(age.band(50)).isEqualTo(2);
  }

  @Test
  void defaultBandsOfAContinuousColumnAreItsQuintiles() {
    Random random = new Random(11);
    double[] values = new double[10_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = 100 + 15 * random.nextGaussian();
    }
    Bands bands = Bands.defaultFor("bmi", values);
    assertThat(bands.cuts()).hasSize(4);
    int[] counts = new int[5];
    for (double v : values) {
      counts[bands.band(v)]++;
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    double spread = sorted[sorted.length - 1] - sorted[0];
    double step = Math.pow(10, Math.floor(Math.log10(spread)) - 2);
    for (int q = 1; q <= 4; q++) {
      // the exact empirical quintile (lower order statistic at q(n-1)/5), then rounded to 3 significant digits of the spread
      double exact = sorted[(int) Math.floor(q * (sorted.length - 1) / 5.0)];
      assertThat(bands.cuts().get(q - 1)).isCloseTo(exact, org.assertj.core.api.Assertions.within(step / 2 + 1e-9));
    }
    for (int count : counts) {
      // each cut moves by at most step/2 = 0.5 where the density is about 0.023 per unit: at most ±0.012 per cut
      assertThat(count / (double) values.length).isBetween(0.175, 0.225);
    }
  }

  @Test
  void defaultBandsDropCutsThatCoincideWhenValuesAreHeavilyTied() {
    double[] values = new double[100];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 90 ? 1 : 2 + i;
    }
    Bands bands = Bands.defaultFor("score", values);
    assertThat(bands.cuts()).isSorted().doesNotHaveDuplicates();
    assertThat(bands.cuts()).hasSizeLessThan(4);
  }

  @Test
  void cutPointsMustBeFiniteAndIncreasing() {
    assertThatThrownBy(() -> new Bands(List.of())).hasMessageContaining("at least one cut point");
    assertThatThrownBy(() -> new Bands(List.of(1.0, 1.0))).hasMessageContaining("must increase");
    assertThatThrownBy(() -> new Bands(List.of(1.0, Double.NaN))).hasMessageContaining("finite");
  }
}

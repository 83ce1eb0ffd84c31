package org.radtrial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SvgTest {
  /** What {@link Svg#n} wrote before it stopped calling {@code String.format}: the reference. */
  private static String formatted(double v) {
    double r = Math.rint(v * 10) / 10;
    return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
  }

  @Test
  void coordinatesAreWrittenAsStringFormatWritesThemToOneDecimal() {
    SplittableRandom random = new SplittableRandom(20261130);
    for (int k = 0; k < 200_000; k++) {
      double scale = Math.pow(10, random.nextInt(-3, 6));
      double v = (random.nextDouble() * 2 - 1) * scale;
      assertThat(Svg.n(v)).as("%s", v).isEqualTo(formatted(v));
    }
    for (int k = 0; k < 200_000; k++) {
      // large magnitudes, where ten times the coordinate is no longer exact (found by review)
      double v = (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(13, 17)) + random.nextInt(4) / 4.0;
      assertThat(Svg.n(v)).as("%s", v).isEqualTo(formatted(v));
    }
    for (double v : new double[] {0.05, -0.05, 0.04999, -0.15, 0.25, 1.95, -1.95, 99.95, 123.45, -0.0, 0.0, 480.0,
        -12.3, 1e9 + 0.3, 1125899906842624.5, -3.8665833233896895E15, 1e15 + 0.3}) {
      assertThat(Svg.n(v)).as("%s", v).isEqualTo(formatted(v));
    }
  }

  @Test
  void aNegativeCoordinateBelowOneKeepsItsLeadingZero() {
    assertThat(Svg.n(-0.3)).isEqualTo("-0.3");
    assertThat(Svg.n(12.34)).isEqualTo("12.3");
    assertThat(Svg.n(7.0)).isEqualTo("7");
  }
}

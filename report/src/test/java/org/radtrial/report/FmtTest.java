package org.radtrial.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {
  @Test
  void intervalsWithANegativeBoundAreWrittenWithToSoTheMinusSignCannotBeMistakenForADash() {
    assertThat(Fmt.interval(new Interval(0.898, 0.932), 3)).isEqualTo("0.898\u20130.932");
    assertThat(Fmt.interval(new Interval(-0.094, 0.007), 3)).isEqualTo("\u22120.094 to 0.007");
    assertThat(Fmt.pointsInterval(new Interval(-0.308, -0.195))).isEqualTo("\u221230.8 to \u221219.5");
  }

  @Test
  void aValueThatDoesNotExistIsSaidInWords() {
    assertThat(Fmt.percent(Double.NaN)).isEqualTo("not estimable");
    assertThat(Fmt.interval(Interval.NONE, 3)).isEqualTo("not estimable");
    assertThat(Fmt.p(Double.NaN)).isEqualTo("not estimable");
  }

  @Test
  void roundingToZeroLosesItsSign() {
    assertThat(Fmt.decimal(-0.0004, 3)).isEqualTo("0.000");
    assertThat(Fmt.signed(-0.0004, 3)).isEqualTo("0.000");
    assertThat(Fmt.signed(0.0628, 3)).isEqualTo("+0.063");
    assertThat(Fmt.points(-0.0432)).isEqualTo("\u22124.3");
  }

  @Test
  void pValuesAreBoundedAtTheEdgesAndShowTwoSignificantDigitsElsewhere() {
    assertThat(Fmt.p(1e-12)).isEqualTo("<0.001");
    assertThat(Fmt.p(0.0146)).isEqualTo("0.015");
    assertThat(Fmt.p(0.6123)).isEqualTo("0.61");
    assertThat(Fmt.p(0.99999)).isEqualTo(">0.99");
    assertThat(Fmt.pEquals("q", 1e-9)).isEqualTo("q < 0.001");
    assertThat(Fmt.pEquals("p", 0.0611)).isEqualTo("p = 0.061");
  }

  @Test
  void smallPrevalencesKeepTwoDecimalsAndCountsTheirSeparators() {
    assertThat(Fmt.prevalence(0.0074)).isEqualTo("0.74%");
    assertThat(Fmt.prevalence(0.25)).isEqualTo("25.0%");
    assertThat(Fmt.count(49630)).isEqualTo("49,630");
  }

  @Test
  void rulesAreWrittenWithMathematicalSigns() {
    assertThat(Fmt.symbols("score >= 0.1765")).isEqualTo("score \u2265 0.1765");
    assertThat(Fmt.symbols("score <= 31")).isEqualTo("score \u2264 31");
  }

  @Test
  void largeNumbersKeepTheirSeparatorsAndSignsInIntervalsToo() {
    assertThat(Fmt.grouped(3770.6833, 1)).isEqualTo("3,770.7");
    assertThat(Fmt.grouped(-0.04, 1)).isEqualTo("0.0");
    assertThat(Fmt.signedGrouped(-1733.4, 1)).isEqualTo("\u22121,733.4");
    assertThat(Fmt.signedGrouped(35.44, 1)).isEqualTo("+35.4");
    assertThat(Fmt.signedGrouped(0.01, 1)).isEqualTo("0.0");
    assertThat(Fmt.groupedInterval(new Interval(-1742.8, -1725.1), 1)).isEqualTo("\u22121,742.8 to \u22121,725.1");
    assertThat(Fmt.groupedInterval(new Interval(3762.1, 3779.1), 1)).isEqualTo("3,762.1\u20133,779.1");
  }

  @Test
  void thresholdsAndSettingsDropTrailingZeros() {
    assertThat(Fmt.significant(0.039, 4)).isEqualTo("0.039");
    assertThat(Fmt.significant(0.23181, 4)).isEqualTo("0.2318");
    assertThat(Fmt.significant(0.0009, 4)).isEqualTo("0.0009");
    assertThat(Fmt.significant(-31.456, 4)).isEqualTo("\u221231.46");
    assertThat(Fmt.trimmed(1.0, 2)).isEqualTo("1");
    assertThat(Fmt.trimmed(2.5, 2)).isEqualTo("2.5");
    assertThat(Fmt.trimmed(250, 2)).isEqualTo("250");
  }
}

package org.radtrial.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.radtrial.core.stat.Interval;

/** Properties of the three agreement statistics on seeded random data, and their stated edge-case rules. */
class AgreementPropertiesTest {
  private static final double EPS = 1e-9;

  /** Two noisy measurements of the same truth on n cases, y with a bias and a scale error. */
  private static double[][] measured(SplittableRandom random, int n) {
    double[][] v = new double[2][n];
    for (int i = 0; i < n; i++) {
      double truth = 50 + 10 * gaussian(random);
      v[0][i] = truth + 2 * gaussian(random);
      v[1][i] = 1.5 + 1.05 * truth + 2 * gaussian(random);
    }
    return v;
  }

  @Nested
  class Properties {
    @Test
    void addingAConstantToOneMethodShiftsBiasAndLimitsByItAndKeepsSpreadAndSlope() {
      SplittableRandom random = new SplittableRandom(21);
      for (int trial = 0; trial < 50; trial++) {
        double[][] v = measured(random, 3 + random.nextInt(200));
        double c = random.nextDouble() * 20 - 10;
        double[] shifted = v[1].clone();
        for (int i = 0; i < shifted.length; i++) {
          shifted[i] += c;
        }
        BlandAltmanResult before = BlandAltman.of(v[0], v[1], 0.95);
        BlandAltmanResult after = BlandAltman.of(v[0], shifted, 0.95);
        assertThat(after.bias()).isCloseTo(before.bias() - c, within(EPS));
        assertThat(after.lowerLimit()).isCloseTo(before.lowerLimit() - c, within(EPS));
        assertThat(after.upperLimitCi().upper()).isCloseTo(before.upperLimitCi().upper() - c, within(EPS));
        assertThat(after.biasCi().lower()).isCloseTo(before.biasCi().lower() - c, within(EPS));
        assertThat(after.sd()).isCloseTo(before.sd(), within(EPS));
        assertThat(after.slope()).isCloseTo(before.slope(), within(EPS));
        assertThat(Concordance.of(v[0], shifted, 0.95).pearson())
            .isCloseTo(Concordance.of(v[0], v[1], 0.95).pearson(), within(EPS));
      }
    }

    @Test
    void swappingTheMethodsNegatesTheBiasAndKeepsIccAndConcordance() {
      SplittableRandom random = new SplittableRandom(22);
      for (int trial = 0; trial < 50; trial++) {
        double[][] v = measured(random, 3 + random.nextInt(200));
        AgreementResult xy = Agreement.of(v[0], v[1], 0.95);
        AgreementResult yx = Agreement.of(v[1], v[0], 0.95);
        assertThat(yx.blandAltman().bias()).isCloseTo(-xy.blandAltman().bias(), within(EPS));
        assertThat(yx.blandAltman().lowerLimit()).isCloseTo(-xy.blandAltman().upperLimit(), within(EPS));
        assertThat(yx.blandAltman().slope()).isCloseTo(-xy.blandAltman().slope(), within(EPS));
        assertThat(yx.blandAltman().slopeP()).isCloseTo(xy.blandAltman().slopeP(), within(EPS));
        assertThat(yx.icc().icc()).isCloseTo(xy.icc().icc(), within(EPS));
        assertThat(yx.icc().ci().lower()).isCloseTo(xy.icc().ci().lower(), within(EPS));
        assertThat(yx.concordance().ccc()).isCloseTo(xy.concordance().ccc(), within(EPS));
        assertThat(yx.concordance().ci().upper()).isCloseTo(xy.concordance().ci().upper(), within(EPS));
        assertThat(yx.concordance().scaleShift()).isCloseTo(1 / xy.concordance().scaleShift(), within(EPS));
        assertThat(yx.concordance().locationShift()).isCloseTo(-xy.concordance().locationShift(), within(EPS));
      }
    }

    @Test
    void changingTheUnitScalesTheBiasAndKeepsTheCorrelations() {
      SplittableRandom random = new SplittableRandom(23);
      double[][] v = measured(random, 80);
      double[][] millimetres = new double[2][80];
      for (int j = 0; j < 2; j++) {
        for (int i = 0; i < 80; i++) {
          millimetres[j][i] = 10 * v[j][i];
        }
      }
      AgreementResult cm = Agreement.of(v[0], v[1], 0.9);
      AgreementResult mm = Agreement.of(millimetres[0], millimetres[1], 0.9);
      assertThat(mm.blandAltman().bias()).isCloseTo(10 * cm.blandAltman().bias(), within(EPS));
      assertThat(mm.blandAltman().upperLimitCi().lower()).isCloseTo(10 * cm.blandAltman().upperLimitCi().lower(), within(EPS));
      assertThat(mm.icc().icc()).isCloseTo(cm.icc().icc(), within(EPS));
      assertThat(mm.icc().ci().upper()).isCloseTo(cm.icc().ci().upper(), within(EPS));
      assertThat(mm.concordance().ccc()).isCloseTo(cm.concordance().ccc(), within(EPS));
      assertThat(mm.concordance().ci().lower()).isCloseTo(cm.concordance().ci().lower(), within(EPS));
    }

    @Test
    void concordanceIsPrecisionTimesAccuracyAndNeverAboveThePearsonCorrelation() {
      SplittableRandom random = new SplittableRandom(24);
      for (int trial = 0; trial < 100; trial++) {
        double[][] v = measured(random, 3 + random.nextInt(100));
        ConcordanceResult r = Concordance.of(v[0], v[1], 0.95);
        assertThat(r.ccc()).isCloseTo(r.pearson() * r.biasCorrection(), within(EPS));
        double vs = r.scaleShift();
        assertThat(r.biasCorrection()).isCloseTo(2 / (vs + 1 / vs + r.locationShift() * r.locationShift()), within(EPS));
        assertThat(Math.abs(r.ccc())).isLessThanOrEqualTo(Math.abs(r.pearson()) + EPS);
        assertThat(r.biasCorrection()).isBetween(0.0, 1.0 + EPS);
        assertThat(r.ci().contains(r.ccc())).isTrue();
      }
    }

    @Test
    void theIccOfSeveralMethodsDoesNotDependOnTheirOrder() {
      SplittableRandom random = new SplittableRandom(25);
      double[][] v = new double[3][40];
      for (int i = 0; i < 40; i++) {
        double truth = gaussian(random);
        v[0][i] = truth + 0.5 * gaussian(random);
        v[1][i] = truth + 0.3 + 0.5 * gaussian(random);
        v[2][i] = truth - 0.2 + 0.8 * gaussian(random);
      }
      IccResult abc = Icc.absoluteAgreement(v, 0.95);
      IccResult cab = Icc.absoluteAgreement(new double[][] {v[2], v[0], v[1]}, 0.95);
      assertThat(cab.icc()).isCloseTo(abc.icc(), within(EPS));
      assertThat(cab.ci().lower()).isCloseTo(abc.ci().lower(), within(EPS));
      assertThat(cab.ci().upper()).isCloseTo(abc.ci().upper(), within(EPS));
      assertThat(abc.ci().contains(abc.icc())).isTrue();
    }

    @Test
    void theBiasIntervalCoversTheTrueBiasAboutAsOftenAsStated() {
      SplittableRandom random = new SplittableRandom(26);
      int covered = 0;
      for (int run = 0; run < 1000; run++) {
        double[] x = new double[15];
        double[] y = new double[15];
        for (int i = 0; i < 15; i++) {
          double truth = gaussian(random);
          x[i] = truth + 0.7 + gaussian(random);
          y[i] = truth + gaussian(random);
        }
        covered += BlandAltman.of(x, y, 0.95).biasCi().contains(0.7) ? 1 : 0;
      }
      // exact t interval: 950 expected of 1000, binomial SD 6.9
      assertThat(covered).isBetween(925, 975);
    }
  }

  @Nested
  class EdgeCases {
    @Test
    void identicalMeasurementsAgreePerfectlyByTheStatedRules() {
      double[] x = {1, 2, 3, 5, 8};
      AgreementResult r = Agreement.of(x, x.clone(), 0.95);
      assertThat(r.blandAltman().bias()).isZero();
      assertThat(r.blandAltman().sd()).isZero();
      assertThat(r.blandAltman().upperLimitCi()).isEqualTo(new Interval(0, 0, 0.95));
      assertThat(r.blandAltman().slopeP()).isEqualTo(1);
      assertThat(r.icc().icc()).isEqualTo(1);
      assertThat(r.icc().ci()).isEqualTo(new Interval(1, 1, 0.95));
      assertThat(r.icc().f()).isInfinite();
      assertThat(r.concordance().ccc()).isEqualTo(1);
      assertThat(r.concordance().ci()).isEqualTo(new Interval(1, 1, 0.95));
    }

    @Test
    void aConstantShiftGivesZeroWidthLimitsButNoIccInterval() {
      double[] x = {1, 2, 3, 5, 8};
      double[] y = {2, 3, 4, 6, 9};
      BlandAltmanResult ba = BlandAltman.of(x, y, 0.95);
      assertThat(ba.bias()).isEqualTo(-1);
      assertThat(ba.lowerLimitCi()).isEqualTo(new Interval(-1, -1, 0.95));
      assertThatThrownBy(() -> Icc.absoluteAgreement(x, y, 0.95)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("same constant");
      assertThat(Concordance.of(x, y, 0.95).pearson()).isEqualTo(1);
    }

    @Test
    void aMethodThatDoesNotVaryHasNoConcordance() {
      assertThatThrownBy(() -> Concordance.of(new double[] {1, 2, 3}, new double[] {4, 4, 4}, 0.95))
          .hasMessageContaining("second method's values do not vary");
      assertThatThrownBy(() -> Icc.absoluteAgreement(new double[] {4, 4, 4}, new double[] {4, 4, 4}, 0.95))
          .hasMessageContaining("every value is the same");
    }

    @Test
    void meansThatDoNotVaryHaveNoProportionalBias() {
      assertThatThrownBy(() -> BlandAltman.of(new double[] {1, 2, 3}, new double[] {3, 2, 1}, 0.95))
          .hasMessageContaining("means (x + y)/2");
    }

    @Test
    void missingValuesLeaveTheirCaseOutAndAreCounted() {
      double nan = Double.NaN;
      double[] x = {1, 2, nan, 4, 5, 7};
      double[] y = {1.5, 1.8, 3, nan, 5.5, 6.1};
      AgreementResult r = Agreement.of(x, y, 0.95);
      assertThat(r.blandAltman().n()).isEqualTo(4);
      assertThat(r.blandAltman().leftOut()).isEqualTo(2);
      assertThat(r.icc().leftOut()).isEqualTo(2);
      assertThat(r.concordance().leftOut()).isEqualTo(2);
      assertThat(r.blandAltman().bias()).isCloseTo((-0.5 + 0.2 - 0.5 + 0.9) / 4, within(1e-15));
      AgreementResult complete = Agreement.of(new double[] {1, 2, 5, 7}, new double[] {1.5, 1.8, 5.5, 6.1}, 0.95);
      assertThat(r.icc().icc()).isEqualTo(complete.icc().icc());
      assertThat(r.concordance()).usingRecursiveComparison().ignoringFields("leftOut").isEqualTo(complete.concordance());
    }

    @Test
    void tooFewCasesInfiniteValuesAndBadSettingsAreRefused() {
      assertThatThrownBy(() -> Agreement.of(new double[] {1, 2, Double.NaN}, new double[] {1, 3, 3}, 0.95))
          .hasMessageContaining("at least 3 cases").hasMessageContaining("found 2 (of 3)");
      assertThatThrownBy(() -> BlandAltman.of(new double[] {1, 2, Double.POSITIVE_INFINITY}, new double[] {1, 3, 3}, 0.95))
          .hasMessageContaining("infinite on case 2");
      assertThatThrownBy(() -> Concordance.of(new double[] {1, 2, 3}, new double[] {1, 3}, 0.95))
          .hasMessageContaining("same cases");
      assertThatThrownBy(() -> Icc.absoluteAgreement(new double[][] {{1, 2, 3}}, 0.95)).hasMessageContaining("two methods");
      assertThatThrownBy(() -> BlandAltman.of(new double[] {1, 2, 3}, new double[] {1, 3, 2}, 0)).hasMessageContaining("level");
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}

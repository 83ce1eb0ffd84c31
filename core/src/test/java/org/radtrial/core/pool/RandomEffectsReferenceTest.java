package org.radtrial.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.radtrial.core.pool.Printed.matches;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * metafor's own example of {@code rma}: the 13 BCG vaccine trials ({@code dat.bcg}, Colditz et al.
 * 1994) as log risk ratios, {@code escalc(measure = "RR", ...)}. Every expected number is metafor
 * 3.8-1's printed output (Debian r-cran-metafor), produced by
 * core/src/test/reference/metafor/bcg_rma.R and committed beside it as bcg_rma.out; each is matched
 * to its printed decimals.
 */
class RandomEffectsReferenceTest {
  // tpos, tneg, cpos, cneg of dat.bcg, trials 1 to 13
  private static final int[][] BCG = {
    {4, 119, 11, 128}, {6, 300, 29, 274}, {3, 228, 11, 209}, {62, 13536, 248, 12619},
    {33, 5036, 47, 5761}, {180, 1361, 372, 1079}, {8, 2537, 10, 619}, {505, 87886, 499, 87892},
    {29, 7470, 45, 7232}, {17, 1699, 65, 1600}, {186, 50448, 141, 27197}, {5, 2493, 3, 2338},
    {27, 16886, 29, 17825}
  };
  static final double[] Y = new double[BCG.length];
  static final double[] V = new double[BCG.length];

  static {
    for (int i = 0; i < BCG.length; i++) {
      double a = BCG[i][0];
      double b = BCG[i][1];
      double c = BCG[i][2];
      double d = BCG[i][3];
      Y[i] = Math.log((a / (a + b)) / (c / (c + d)));
      V[i] = 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d);
    }
  }

  private static RandomEffectsFit fit(TauSquaredMethod method, boolean knha) {
    return RandomEffects.fit(Y, V, method, knha, 0.95);
  }

  @Nested
  class Reml {
    private final RandomEffectsFit fit = fit(TauSquaredMethod.REML, false);

    @Test
    void pooledLogRiskRatioAndItsWaldIntervalMatchMetafor() {
      matches(fit.estimate(), "-0.7145", "estimate");
      matches(fit.se(), "0.1798", "se");
      matches(fit.statistic(), "-3.9744", "zval");
      matches(fit.ci().lower(), "-1.0669", "ci.lb");
      matches(fit.ci().upper(), "-0.3622", "ci.ub");
      assertThat(fit.p()).isLessThan(0.0001);
    }

    @Test
    void predictionIntervalMatchesMetaforsPredict() {
      matches(fit.prediction().lower(), "-1.8667", "pi.lb");
      matches(fit.prediction().upper(), "0.4376", "pi.ub");
    }

    @Test
    void heterogeneityMatchesMetafor() {
      Heterogeneity h = fit.heterogeneity();
      matches(h.tauSquared(), "0.3132", "tau^2");
      matches(h.tauSquaredSe(), "0.1664", "SE of tau^2");
      matches(h.tau(), "0.5597", "tau");
      matches(h.iSquared(), "92.22", "I^2");
      matches(h.hSquared(), "12.86", "H^2");
      matches(h.q(), "152.2330", "Q");
      assertThat(h.df()).isEqualTo(12);
      assertThat(h.qP()).isLessThan(0.0001);
    }

    @Test
    void qProfileIntervalsMatchMetaforsConfint() {
      Heterogeneity h = fit.heterogeneity();
      matches(h.tauSquaredCi().lower(), "0.1197", "tau^2 ci.lb");
      matches(h.tauSquaredCi().upper(), "1.1115", "tau^2 ci.ub");
      matches(h.tauCi().lower(), "0.3460", "tau ci.lb");
      matches(h.tauCi().upper(), "1.0543", "tau ci.ub");
      matches(h.iSquared(), "92.2214", "I^2 estimate");
      matches(h.iSquaredCi().upper(), "97.6781", "I^2 ci.ub");
      matches(h.hSquared(), "12.8558", "H^2 estimate");
    }

    /**
     * confint's default root finder stops within 1.2e-4 of the τ² bound (uniroot's tol,
     * .Machine$double.eps^0.25), which moves its printed I² and H² lower bounds (81.9177, 5.5303)
     * and H² upper bound (43.0680) in the fourth decimal. The exact bounds, metafor's with {@code
     * control = list(tol = 1e-12)} (bcg_rma.out), are matched to 1e-8; the defaults to their tolerance.
     */
    @Test
    void qProfileBoundsAreTheExactRootsMetaforFindsWithATightTolerance() {
      Heterogeneity h = fit.heterogeneity();
      assertThat(h.tauSquaredCi().lower()).isCloseTo(0.119718361141, within(1e-8));
      assertThat(h.tauSquaredCi().upper()).isCloseTo(1.11147908406, within(1e-8));
      assertThat(h.iSquaredCi().lower()).isCloseTo(81.920574558583, within(1e-7));
      assertThat(h.iSquaredCi().upper()).isCloseTo(97.67807495789, within(1e-7));
      assertThat(h.hSquaredCi().lower()).isCloseTo(5.531149223964, within(1e-8));
      assertThat(h.hSquaredCi().upper()).isCloseTo(43.06771243098, within(1e-7));
      assertThat(h.tauSquaredCi().lower()).isCloseTo(0.119695312817, within(1.22e-4));
      assertThat(h.tauSquaredCi().upper()).isCloseTo(1.11148626222, within(1.22e-4));
    }

    @Test
    void knappHartungMatchesMetaforsKnha() {
      RandomEffectsFit knha = fit(TauSquaredMethod.REML, true);
      matches(knha.estimate(), "-0.7145", "estimate");
      matches(knha.se(), "0.1808", "se");
      matches(knha.statistic(), "-3.9522", "tval");
      assertThat(knha.tDegreesOfFreedom()).isEqualTo(12);
      matches(knha.p(), "0.0019", "pval");
      matches(knha.ci().lower(), "-1.1084", "ci.lb");
      matches(knha.ci().upper(), "-0.3206", "ci.ub");
      matches(knha.prediction().lower(), "-1.9960", "pi.lb");
      matches(knha.prediction().upper(), "0.5670", "pi.ub");
    }
  }

  @Nested
  class DerSimonianLaird {
    private final RandomEffectsFit fit = fit(TauSquaredMethod.DERSIMONIAN_LAIRD, false);

    @Test
    void estimateIntervalsAndPredictionMatchMetafor() {
      matches(fit.estimate(), "-0.7141", "estimate");
      matches(fit.se(), "0.1787", "se");
      matches(fit.statistic(), "-3.9952", "zval");
      matches(fit.ci().lower(), "-1.0644", "ci.lb");
      matches(fit.ci().upper(), "-0.3638", "ci.ub");
      matches(fit.prediction().lower(), "-1.8582", "pi.lb");
      matches(fit.prediction().upper(), "0.4299", "pi.ub");
    }

    @Test
    void heterogeneityMatchesMetafor() {
      Heterogeneity h = fit.heterogeneity();
      matches(h.tauSquared(), "0.3088", "tau^2");
      matches(h.tauSquaredSe(), "0.2299", "SE of tau^2");
      matches(h.tau(), "0.5557", "tau");
      matches(h.iSquared(), "92.1173", "I^2");
      matches(h.hSquared(), "12.6861", "H^2");
      matches(h.q(), "152.2330", "Q");
      matches(h.tauSquaredCi().lower(), "0.1197", "tau^2 ci.lb");
      matches(h.tauSquaredCi().upper(), "1.1115", "tau^2 ci.ub");
    }

    @Test
    void knappHartungMatchesMetaforsKnha() {
      RandomEffectsFit knha = fit(TauSquaredMethod.DERSIMONIAN_LAIRD, true);
      matches(knha.se(), "0.1807", "se");
      matches(knha.statistic(), "-3.9520", "tval");
      matches(knha.ci().lower(), "-1.1078", "ci.lb");
      matches(knha.ci().upper(), "-0.3204", "ci.ub");
      matches(knha.prediction().lower(), "-1.9872", "pi.lb");
      matches(knha.prediction().upper(), "0.5590", "pi.ub");
    }
  }

  /** metafor's {@code leave1out(rma(yi, vi, data = dat))}, bcg_rma.out: estimate, se, ci.lb, ci.ub, Q, tau2, I2, H2. */
  private static final String LEAVE_ONE_OUT = """
      1   -0.7071 0.1900 -1.0794 -0.3348 151.5826 0.3362 93.2259 14.7622
      2   -0.6540 0.1807 -1.0082 -0.2999 145.3176 0.2926 92.2540 12.9098
      3   -0.6856 0.1857 -1.0495 -0.3216 150.1970 0.3207 92.9354 14.1551
      4   -0.6284 0.1766 -0.9746 -0.2822  96.5626 0.2628 90.4125 10.4302
      5   -0.7642 0.1918 -1.1401 -0.3883 151.3200 0.3278 92.7634 13.8187
      6   -0.7109 0.2003 -1.1034 -0.3184 128.1867 0.3596 90.9118 11.0033
      7   -0.6552 0.1805 -1.0090 -0.3015 145.8296 0.2930 92.2777 12.9495
      8   -0.7948 0.1799 -1.1473 -0.4422  67.9858 0.2732 87.0314  7.7109
      9   -0.7412 0.1967 -1.1267 -0.3557 152.2051 0.3495 93.2133 14.7346
      10  -0.6530 0.1843 -1.0142 -0.2919 139.8271 0.2987 92.2322 12.8737
      11  -0.7579 0.1958 -1.1416 -0.3741 151.4655 0.3405 91.8110 12.2114
      12  -0.7598 0.1821 -1.1167 -0.4029 150.7868 0.3082 92.6782 13.6579
      13  -0.7775 0.1855 -1.1412 -0.4139 149.7884 0.3037 92.3444 13.0623
      """;

  @Test
  void leaveOneOutMatchesMetaforsLeave1out() {
    java.util.List<RandomEffectsFit> fits = RandomEffects.leaveOneOut(Y, V, TauSquaredMethod.REML, false, 0.95);
    assertThat(fits).hasSize(13);
    for (String line : LEAVE_ONE_OUT.strip().split("\n")) {
      String[] f = line.strip().split("\\s+");
      RandomEffectsFit fit = fits.get(Integer.parseInt(f[0]) - 1);
      String without = "without trial " + f[0] + ": ";
      matches(fit.estimate(), f[1], without + "estimate");
      matches(fit.se(), f[2], without + "se");
      matches(fit.ci().lower(), f[3], without + "ci.lb");
      matches(fit.ci().upper(), f[4], without + "ci.ub");
      matches(fit.heterogeneity().q(), f[5], without + "Q");
      matches(fit.heterogeneity().tauSquared(), f[6], without + "tau2");
      matches(fit.heterogeneity().iSquared(), f[7], without + "I2");
      matches(fit.heterogeneity().hSquared(), f[8], without + "H2");
    }
  }
}

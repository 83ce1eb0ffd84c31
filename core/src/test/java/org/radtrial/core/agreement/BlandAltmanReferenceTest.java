package org.radtrial.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radtrial.core.agreement.Printed.matches;

import org.junit.jupiter.api.Test;

/**
 * Bland-Altman on the PEFR data of Bland &amp; Altman's 1986 paper ({@link Pefr}). Expected numbers:
 * src/test/reference/agreement/reference.out, printed by reference.R (R's {@code t.test}, {@code lm},
 * {@code confint}, epiR 2.0.57's {@code epi.ccc} limits, and the 1999 formula for the limits'
 * intervals computed by hand), matched to their printed decimals; and the paper's own published
 * figures, including its approximate intervals of the limits, to the decimal it prints.
 */
class BlandAltmanReferenceTest {
  private final BlandAltmanResult r = BlandAltman.of(Pefr.WRIGHT, Pefr.MINI, 0.95);

  @Test
  void biasSdAndLimitsMatchRAndEpiR() {
    assertThat(r.n()).isEqualTo(17);
    assertThat(r.leftOut()).isZero();
    matches(r.bias(), "-2.117647059", "bias");
    matches(r.sd(), "38.76512987", "sd");
    matches(r.lowerLimit(), "-78.09590547", "lower limit (epiR sblalt)");
    matches(r.upperLimit(), "73.86061135", "upper limit (epiR sblalt)");
  }

  @Test
  void biasIntervalIsTTestsInterval() {
    matches(r.biasCi().lower(), "-22.0488377", "t.test lower");
    matches(r.biasCi().upper(), "17.81354358", "t.test upper");
  }

  @Test
  void limitIntervalsFollowBlandAndAltman1999() {
    matches(r.lowerLimitCi().lower(), "-112.8515531", "lower limit, lower");
    matches(r.lowerLimitCi().upper(), "-43.34025779", "lower limit, upper");
    matches(r.upperLimitCi().lower(), "39.10496368", "upper limit, lower");
    matches(r.upperLimitCi().upper(), "108.616259", "upper limit, upper");
  }

  @Test
  void proportionalBiasIsLmsSlope() {
    matches(r.slope(), "0.02868744515", "slope");
    matches(r.intercept(), "-15.0674973", "intercept");
    matches(r.slopeCi().lower(), "-0.1593200637", "confint lower");
    matches(r.slopeCi().upper(), "0.216694954", "confint upper");
    matches(r.slopeP(), "0.7494985336", "summary p");
  }

  @Test
  void thePapersPublishedFiguresAreReproduced() {
    // "mean difference −2.1 l/min, s = 38.8"; its limits, from those rounded figures with 2 SD: −79.7 to 75.5
    matches(r.bias(), "-2.1", "published bias");
    matches(r.sd(), "38.8", "published SD");
    double bias = Math.round(r.bias() * 10) / 10.0;
    double sd = Math.round(r.sd() * 10) / 10.0;
    matches(bias - 2 * sd, "-79.7", "published lower limit");
    matches(bias + 2 * sd, "75.5", "published upper limit");
  }

  /**
   * The paper's published approximate 95% intervals of its limits: SE of a limit ≈ √(3s²/n) = 16.3 l/min,
   * t(0.975, 16) = 2.12, lower limit −114.3 to −45.1, upper limit 40.9 to 110.1 l/min (Bland &amp; Altman
   * 1986, Lancet 327:307–310, section on the precision of the limits; quoted in reference.R's header).
   * radtrial's intervals use the 1999 SE s·√(1/n + z²/(2(n−1))) at limits bias ± z·s, z = 1.96 (see
   * {@link BlandAltman}); the two SEs differ by the factor √((1/n + z²/(2(n−1))) · n/3), 1.0068 at n = 17.
   */
  @Test
  void limitIntervalsAgreeWithThePapersPublishedIntervals() {
    double t = new org.hipparchus.distribution.continuous.TDistribution(r.n() - 1).inverseCumulativeProbability(0.975);
    matches(t, "2.12", "published t");
    // the paper's arithmetic, from radtrial's n, bias and SD rounded as the paper prints them (−2.1, 38.8)
    double bias = Math.round(r.bias() * 10) / 10.0;
    double sd = Math.round(r.sd() * 10) / 10.0;
    double se = Math.round(Math.sqrt(3 * sd * sd / r.n()) * 10) / 10.0;
    matches(se, "16.3", "published SE of a limit");
    double lower = bias - 2 * sd;
    double upper = bias + 2 * sd;
    double halfWidth = 2.12 * se;
    matches(lower - halfWidth, "-114.3", "published lower limit, lower");
    matches(lower + halfWidth, "-45.1", "published lower limit, upper");
    matches(upper - halfWidth, "40.9", "published upper limit, lower");
    matches(upper + halfWidth, "110.1", "published upper limit, upper");
    // radtrial's own intervals: their SE, brought to the 1986 approximation, is the published 16.3
    double z = 1.959963984540054;
    double factor = Math.sqrt((1.0 / r.n() + z * z / (2.0 * (r.n() - 1))) * r.n() / 3);
    double seLower = (r.lowerLimitCi().upper() - r.lowerLimitCi().lower()) / 2 / t;
    double seUpper = (r.upperLimitCi().upper() - r.upperLimitCi().lower()) / 2 / t;
    matches(seLower / factor, "16.3", "radtrial's SE of the lower limit, 1986 form");
    matches(seUpper / factor, "16.3", "radtrial's SE of the upper limit, 1986 form");
  }
}

package org.radtrial.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radtrial.core.agreement.Printed.matches;

import org.junit.jupiter.api.Test;

/**
 * Bland-Altman on the PEFR data of Bland &amp; Altman's 1986 paper ({@link Pefr}). Expected numbers:
 * src/test/reference/agreement/reference.out, printed by reference.R (R's {@code t.test}, {@code lm},
 * {@code confint}, epiR 2.0.57's {@code epi.ccc} limits, and the 1999 formula for the limits'
 * intervals computed by hand), matched to their printed decimals; and the paper's own published
 * figures, to the decimal it prints.
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
}

package org.radtrial.core.agreement;

import static org.radtrial.core.agreement.Printed.matches;

import org.junit.jupiter.api.Test;

/**
 * Lin's concordance correlation against epiR 2.0.57's {@code epi.ccc(wright, mini, ci = "z-transform")}
 * on the PEFR data ({@link Pefr}). Expected numbers: src/test/reference/agreement/reference.out
 * (reference.R), matched to their printed decimals.
 */
class ConcordanceReferenceTest {
  private final ConcordanceResult r = Concordance.of(Pefr.WRIGHT, Pefr.MINI, 0.95);

  @Test
  void cccAndItsFisherZIntervalMatchEpiR() {
    matches(r.ccc(), "0.9427424314", "rho.c est");
    matches(r.ci().lower(), "0.8504918732", "rho.c lower");
    matches(r.ci().upper(), "0.9787262792", "rho.c upper");
  }

  @Test
  void precisionAndAccuracyPartsMatchEpiR() {
    matches(r.pearson(), "0.9432794469", "cor");
    matches(r.biasCorrection(), "0.9994306931", "C.b");
    // epiR gives the shifts for the other order: s.shift = 1/v, l.shift = −u
    matches(1 / r.scaleShift(), "0.9725091213", "s.shift");
    matches(-r.locationShift(), "0.01903025009", "l.shift");
  }
}

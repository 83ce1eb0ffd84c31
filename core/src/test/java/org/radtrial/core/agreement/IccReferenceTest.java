package org.radtrial.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radtrial.core.agreement.Printed.matches;

import org.junit.jupiter.api.Test;

/**
 * ICC(A,1) against psych 2.2.9's {@code ICC(x, lmer = FALSE)}, row ICC2 (Single_random_raters), on
 * Shrout &amp; Fleiss's (1979) Table 2, as typed in psych's own example, and on the PEFR data
 * ({@link Pefr}). Expected numbers: src/test/reference/agreement/reference.out (reference.R), matched
 * to their printed decimals; and the paper's published ICC(2,1) = .29.
 */
class IccReferenceTest {
  /** Shrout &amp; Fleiss (1979), Table 2: 6 targets (columns of this array are cases) by 4 judges (rows). */
  private static final double[][] SF = {
    {9, 6, 8, 7, 10, 6},
    {2, 1, 4, 1, 5, 2},
    {5, 3, 6, 2, 6, 4},
    {8, 2, 8, 6, 9, 7},
  };

  @Test
  void shroutFleissTableMatchesPsych() {
    IccResult r = Icc.absoluteAgreement(SF, 0.95);
    assertThat(r.n()).isEqualTo(6);
    assertThat(r.methods()).isEqualTo(4);
    matches(r.icc(), "0.2897637795", "ICC2");
    matches(r.ci().lower(), "0.01878651337", "lower bound");
    matches(r.ci().upper(), "0.7610843696", "upper bound");
    matches(r.f(), "11.02724796", "F");
    assertThat(r.df1()).isEqualTo(5);
    assertThat(r.df2()).isEqualTo(15);
    matches(r.p(), "0.0001345665165", "p");
    matches(r.msRows(), "11.241666667", "MSB");
    matches(r.msColumns(), "32.486111111", "MSJ");
    matches(r.msError(), "1.019444444", "MSE");
    matches(r.icc(), "0.29", "Shrout & Fleiss's published ICC(2,1)");
  }

  @Test
  void theLevelSetsTheInterval() {
    IccResult r = Icc.absoluteAgreement(SF, 0.90);
    matches(r.ci().lower(), "0.04290119154", "lower bound, alpha 0.10");
    matches(r.ci().upper(), "0.6910706066", "upper bound, alpha 0.10");
  }

  @Test
  void twoPeakFlowMetersMatchPsych() {
    IccResult r = Icc.absoluteAgreement(Pefr.WRIGHT, Pefr.MINI, 0.95);
    matches(r.icc(), "0.9459284056", "ICC2");
    matches(r.f(), "34.03429041", "F");
    assertThat(r.df2()).isEqualTo(16);
    matches(r.p(), "2.368928892e-09", "p");
    matches(r.ci().lower(), "0.8574111712", "lower bound");
    matches(r.ci().upper(), "0.9800786591", "upper bound");
  }
}

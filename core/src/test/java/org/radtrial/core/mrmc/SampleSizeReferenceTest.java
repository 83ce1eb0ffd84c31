package org.radtrial.core.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Sample sizes from the Van Dyke pilot against the published example of RJafroc's Hillis,
 * Obuchowski and Berbaum (2011) implementation: "ROC-DBMH sample size using RJafroc", the rendered
 * Chapter 11 vignette 3 of RJafroc (GitHub dpc10ster/RJafrocBook, file 13-SampleSize3.utf8.md;
 * source vignettes/Ch11Vig3SampleSize.Rmd in dpc10ster/RJafroc). It uses the pilot's observed effect
 * size (−0.0438, modality 1 − 2), alpha 0.05, and prints:
 *
 * <ul>
 *   <li>{@code SsPowerGivenJK(dataset02, J = 6, K = 112, "RRRC")}: power 0.5555789, ncp 4.8, ddf 23.1,
 *       F 4.28;
 *   <li>{@code SsPowerTable}: 4 readers 1089 cases (power 0.8), 5: 344 (0.801), 6: 251 (0.801), 7: 211
 *       (0.801), 8: 188 (0.801), 3 readers: more than 2000 cases;
 *   <li>{@code SsSampleSizeKGivenJ(J = 10)}: RRRC 163 cases, power 0.8015625; with desired power 0.9,
 *       236 cases, 0.9003501; FRRC 133 cases, 0.8011167; RRFC 53 cases, 0.8049666.
 * </ul>
 * The vignette computes these from DBM variance components; with K* pilot cases, σ²_TC(DBM) =
 * K*·(Cov2 − Cov3) and σ²_ε(DBM) = K*·(Var − Cov1 − Cov2 + Cov3), so its formulas are the OR ones of
 * {@link SampleSize} (and Cov2 > Cov3 here, so the truncations agree).
 */
class SampleSizeReferenceTest {
  private static final OrAnalysis PILOT =
      ObuchowskiRockette.analyse(VanDyke.study(), new FigureOfMerit.Auc(), CovarianceMethod.JACKKNIFE, 0.95);
  private static final SampleSize SIZES = SampleSize.fromPilot(PILOT.components(), 114);
  private static final double EFFECT = PILOT.randomReadersRandomCases().differences().get(0).estimate();
  private static final Generalization RRRC = Generalization.RANDOM_READERS_RANDOM_CASES;

  @Test
  void powerOfSixReadersAndOneHundredTwelveCases() {
    PowerEstimate p = SIZES.power(RRRC, 6, 112, EFFECT, 0.05);
    assertThat(p.power()).isCloseTo(0.5555789, Printed.decimals(7));
    assertThat(p.noncentrality()).isCloseTo(4.8, Printed.decimals(1));
    assertThat(p.ddf()).isCloseTo(23.1, Printed.decimals(1));
    assertThat(p.criticalValue()).isCloseTo(4.28, Printed.decimals(2));
  }

  @Test
  void casesNeededForEightyPercentPowerByNumberOfReaders() {
    int[][] table = {{4, 1089}, {5, 344}, {6, 251}, {7, 211}, {8, 188}};
    double[] printedPower = {0.8, 0.801, 0.801, 0.801, 0.801};
    for (int row = 0; row < table.length; row++) {
      PowerEstimate p = SIZES.casesFor(RRRC, table[row][0], EFFECT, 0.05, 0.8, 2000).orElseThrow();
      assertThat(p.cases()).as("%d readers", table[row][0]).isEqualTo(table[row][1]);
      assertThat(p.power()).isCloseTo(printedPower[row], Printed.decimals(3));
    }
    assertThat(SIZES.casesFor(RRRC, 3, EFFECT, 0.05, 0.8, 2000)).as("3 readers: >2000 cases").isEmpty();
  }

  @Test
  void casesNeededWithTenReaders() {
    assertCases(RRRC, 0.8, 163, 0.8015625);
    assertCases(RRRC, 0.9, 236, 0.9003501);
    assertCases(Generalization.FIXED_READERS_RANDOM_CASES, 0.8, 133, 0.8011167);
    assertCases(Generalization.RANDOM_READERS_FIXED_CASES, 0.8, 53, 0.8049666);
  }

  private static void assertCases(Generalization g, double target, int cases, double power) {
    PowerEstimate p = SIZES.casesFor(g, 10, EFFECT, 0.05, target, 2000).orElseThrow();
    assertThat(p.cases()).as(g.code()).isEqualTo(cases);
    assertThat(p.power()).as(g.code()).isCloseTo(power, Printed.decimals(7));
  }

  @Test
  void theSignOfTheEffectDoesNotMatter() {
    assertThat(SIZES.power(RRRC, 6, 112, -EFFECT, 0.05).power()).isEqualTo(SIZES.power(RRRC, 6, 112, EFFECT, 0.05).power());
  }

  @Test
  void aSingleModalityPilotCannotPlanAComparison() {
    OrVarianceComponents single = new OrVarianceComponents(0.001, Double.NaN, Double.NaN, 0.0003, Double.NaN, 0.0008);
    assertThatThrownBy(() -> SampleSize.fromPilot(single, 100)).hasMessageContaining("at least two modalities");
  }
}

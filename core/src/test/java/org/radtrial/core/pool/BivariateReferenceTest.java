package org.radtrial.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.radtrial.core.pool.Printed.matches;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * mada's published {@code reitsma} example: {@code summary(reitsma(AuditC))} in the package's
 * vignette (mada 0.5.12, inst/doc/mada.pdf in github.com/cran/mada at 5fcad80, the CRAN release;
 * "Fixed-effects coefficients" and "Variance components" of section 5). The AuditC counts (14 studies
 * of the AUDIT-C questionnaire, Kriston et al. 2008) are mada's data/AuditC.rda, read with R's
 * {@code load}. mada is not packaged for Debian, so this test holds the printed numbers only; no
 * live cross-check.
 */
class BivariateReferenceTest {
  // TP, FN, FP, TN of mada's AuditC, studies 1 to 14
  private static final long[][] AUDIT_C = {
    {47, 9, 101, 738}, {126, 51, 272, 1543}, {19, 10, 12, 192}, {36, 3, 78, 276}, {130, 19, 211, 959},
    {84, 2, 68, 89}, {68, 0, 112, 423}, {752, 0, 3226, 2977}, {59, 5, 55, 136}, {142, 50, 571, 2788},
    {137, 24, 107, 358}, {57, 3, 103, 437}, {34, 1, 21, 56}, {152, 51, 88, 264}
  };

  private static List<DiagnosticCounts> auditC() {
    List<DiagnosticCounts> sites = new ArrayList<>();
    for (long[] row : AUDIT_C) {
      sites.add(new DiagnosticCounts(row[0], row[1], row[2], row[3]));
    }
    return sites;
  }

  private final BivariateFit fit = Bivariate.reitsma(auditC(), 0.95);

  @Test
  void logitMeansAndTheirStandardErrorsMatchMadasAuditCExample() {
    assertThat(fit.continuityCorrected()).as("two studies have FN = 0").isTrue();
    matches(fit.logitSensitivity(), "2.100", "tsens.(Intercept)");
    matches(fit.logitSensitivitySe(), "0.338", "tsens SE");
    matches(fit.logitSensitivity() / fit.logitSensitivitySe(), "6.215", "tsens z");
    matches(fit.logitFalsePositiveRate(), "-1.264", "tfpr.(Intercept)");
    matches(fit.logitFalsePositiveRateSe(), "0.174", "tfpr SE");
    matches(fit.logitFalsePositiveRate() / fit.logitFalsePositiveRateSe(), "-7.249", "tfpr z");
  }

  @Test
  void backTransformedSummaryPointAndIntervalsMatchMada() {
    matches(fit.sensitivity().value(), "0.891", "sensitivity");
    matches(fit.sensitivity().ci().lower(), "0.808", "sensitivity ci.lb");
    matches(fit.sensitivity().ci().upper(), "0.941", "sensitivity ci.ub");
    matches(fit.falsePositiveRate().value(), "0.220", "false pos. rate");
    matches(fit.falsePositiveRate().ci().lower(), "0.167", "fpr ci.lb");
    matches(fit.falsePositiveRate().ci().upper(), "0.285", "fpr ci.ub");
  }

  @Test
  void betweenStudySdsAndCorrelationMatchMada() {
    matches(fit.tauSensitivity(), "1.175", "tsens Std. Dev");
    matches(fit.tauFalsePositiveRate(), "0.638", "tfpr Std. Dev");
    matches(fit.rho(), "0.854", "correlation");
  }

  @Test
  void restrictedLogLikelihoodMatchesMadasLogLik() {
    matches(fit.logLikelihood(), "31.564", "logLik");
  }

  @Test
  void srocAreaAndPartialAreaMatchMada() {
    matches(fit.srocAuc(), "0.887", "AUC");
    matches(fit.partialSrocAuc(), "0.861", "Partial AUC (restricted to observed FPRs and normalized)");
  }

  @Test
  void regionPointsLieOnTheirEllipseAndThePredictionRegionIsWider() {
    java.util.List<double[]> confidence = fit.region(0.95, false, 100);
    java.util.List<double[]> prediction = fit.region(0.95, true, 100);
    double v1 = fit.logitSensitivitySe() * fit.logitSensitivitySe();
    double v2 = fit.logitFalsePositiveRateSe() * fit.logitFalsePositiveRateSe();
    double c = fit.logitCovariance();
    double det = v1 * v2 - c * c;
    for (double[] p : confidence) {
      double x = Math.log(p[1] / (1 - p[1])) - fit.logitSensitivity();
      double y = Math.log(p[0] / (1 - p[0])) - fit.logitFalsePositiveRate();
      double mahalanobis = (v2 * x * x - 2 * c * x * y + v1 * y * y) / det;
      assertThat(mahalanobis).isCloseTo(-2 * Math.log(0.05), org.assertj.core.api.Assertions.within(1e-9));
    }
    double confidenceSpan = confidence.stream().mapToDouble(p -> p[1]).max().orElseThrow()
        - confidence.stream().mapToDouble(p -> p[1]).min().orElseThrow();
    double predictionSpan = prediction.stream().mapToDouble(p -> p[1]).max().orElseThrow()
        - prediction.stream().mapToDouble(p -> p[1]).min().orElseThrow();
    assertThat(predictionSpan).isGreaterThan(confidenceSpan);
  }

  @Test
  void refusesFewerThanThreeSites() {
    assertThatThrownBy(() -> Bivariate.reitsma(auditC().subList(0, 2), 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 3 sites, got 2");
  }
}

package org.radtrial.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;

/** Transport to a target population, against computations done by hand. */
class TransportTest {
  /**
   * Stratum A: 4 cases (2 cancers, one detected; 2 normals, one false alarm). Stratum B: 4 cases (2
   * cancers, both detected; 2 normals, no false alarm). Locally A and B are half each; the target
   * population is 75% A and 25% B, so A's cases weigh 0.75/0.5 = 1.5 and B's 0.25/0.5 = 0.5.
   */
  private static Cohort cohort() {
    boolean[] truth = {true, true, false, false, true, true, false, false};
    double[] scores = {0.9, 0.2, 0.7, 0.1, 0.8, 0.6, 0.3, 0.4};
    List<String> stratum = List.of("A", "A", "A", "A", "B", "B", "B", "B");
    return new Cohort(List.of("1", "2", "3", "4", "5", "6", "7", "8"), truth, List.of(new ModelScores("m", scores, true)),
        List.of(), Map.of("stratum", stratum));
  }

  private static AuditResult.TransportResult transport(Map<List<String>, Double> shares) {
    AuditSpec spec = AuditSpec.of(List.of("stratum")).withGrouping(Map.of(), 1).withSearch(0, 10, 0.05, 20)
        .withTransport(List.of("stratum"), shares);
    return Auditor.audit(cohort(), spec, "threshold 0.5", new double[] {0.5}, null).transport();
  }

  private static Transport.Estimate estimate(AuditResult.TransportResult t, String metric) {
    return t.models().get(0).estimates().stream().filter(e -> e.metric().equals(metric)).findFirst().orElseThrow();
  }

  @Test
  void reweightsSensitivitySpecificityAndAucByTheTargetMix() {
    AuditResult.TransportResult t = transport(Map.of(List.of("A"), 0.75, List.of("B"), 0.25));
    assertThat(t.weights().strata()).extracting(Transport.StratumWeight::weight).containsExactly(1.5, 0.5);
    // Sensitivity: (1.5·1 + 0.5·2) / (1.5·2 + 0.5·2) = 2.5 / 4.
    assertThat(estimate(t, "sensitivity").estimate()).isEqualTo(2.5 / 4);
    assertThat(estimate(t, "sensitivity").local()).isEqualTo(3 / 4.0);
    // Specificity: (1.5·1 + 0.5·2) / 4 = 2.5 / 4.
    assertThat(estimate(t, "specificity").estimate()).isEqualTo(2.5 / 4);
    // AUC: pairs weighted by w_i·w_j. Positives 0.9(A) 0.2(A) 0.8(B) 0.6(B); negatives 0.7(A) 0.1(A) 0.3(B) 0.4(B).
    // 0.9 beats all: 1.5·(1.5+1.5+0.5+0.5) = 6; 0.2 beats 0.1: 1.5·1.5 = 2.25; 0.8 beats all: 0.5·4 = 2;
    // 0.6 beats 0.1, 0.3, 0.4: 0.5·(1.5+0.5+0.5) = 1.25. Total 11.5 of (4 × 4) = 16.
    assertThat(estimate(t, "auc").estimate()).isCloseTo(11.5 / 16, within(1e-15));
    assertThat(estimate(t, "sensitivity").ci().contains(2.5 / 4)).isTrue();
    assertThat(t.weights().warnings()).isEmpty();
  }

  @Test
  void equalSharesReproduceTheLocalValues() {
    AuditResult.TransportResult t = transport(Map.of(List.of("A"), 1.0, List.of("B"), 1.0));
    assertThat(estimate(t, "sensitivity").estimate()).isEqualTo(0.75);
    assertThat(estimate(t, "specificity").estimate()).isEqualTo(0.75);
    assertThat(estimate(t, "auc").estimate()).isEqualTo(estimate(t, "auc").local());
  }

  @Test
  void warnsWhenATargetStratumHasNoLocalCases() {
    AuditResult.TransportResult t = transport(Map.of(List.of("A"), 0.5, List.of("B"), 0.3, List.of("C"), 0.2));
    assertThat(t.weights().warnings()).singleElement().asString()
        .contains("1 target strata (20.0% of the target population) have no local cases", "[C]");
    // The present strata are renormalised: A 0.5/0.8, B 0.3/0.8.
    assertThat(t.weights().strata().get(0).targetShare()).isCloseTo(0.625, within(1e-15));
  }
}

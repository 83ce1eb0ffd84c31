package org.radtrial.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.radtrial.core.binary.CiMethod;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.cohort.ReaderDecisions;
import org.radtrial.core.stat.ProgressListener;

class EvaluatorTest {
  private static final double NA = Double.NaN;

  private static Cohort cohort(boolean[] truth, List<ModelScores> models, List<ReaderDecisions> readers) {
    List<String> ids = IntStream.range(0, truth.length).mapToObj(i -> "c" + i).toList();
    return new Cohort(ids, truth, models, readers, Map.of());
  }

  private static EvaluationSpec spec(OperatingPointRule... rules) {
    return new EvaluationSpec(0.95, 0, 1, CiMethod.WILSON, List.of(rules), Double.NaN, 100);
  }

  @Test
  void aSinglePositiveCaseLeavesTheDelongIntervalUndefinedAndSaysSo() {
    boolean[] truth = {true, false, false, false, false, false};
    Cohort c = cohort(truth, List.of(
        new ModelScores("a", new double[] {0.9, 0.1, 0.2, 0.3, 0.95, 0.5}, true),
        new ModelScores("b", new double[] {0.8, 0.7, 0.2, 0.3, 0.4, 0.5}, true)), List.of());
    EvaluationResult r = Evaluator.evaluate(c, spec(new OperatingPointRule.TargetSpecificity(0.8)), ProgressListener.NONE);
    assertThat(r.models().get(0).auc().estimate()).isEqualTo(0.8);
    assertThat(r.models().get(0).auc().ci()).isNull();
    assertThat(r.comparisons().get(0).test().p()).isNaN();
    assertThat(r.comparisons().get(0).pHolm()).isNaN();
    assertThat(r.notes()).anyMatch(n -> n.startsWith("a: a single positive case"));
  }

  @Test
  void aPairWhoseSharedCasesLackAClassIsReportedNotEstimable() {
    boolean[] truth = {true, true, true, false, false};
    Cohort c = cohort(truth, List.of(
        new ModelScores("a", new double[] {0.9, 0.8, 0.7, 0.2, NA}, true),
        new ModelScores("b", new double[] {0.6, 0.5, 0.4, NA, 0.3}, true)), List.of());
    EvaluationResult r = Evaluator.evaluate(c, spec(new OperatingPointRule.TargetSpecificity(0.5)), ProgressListener.NONE);
    assertThat(r.comparisons()).hasSize(1);
    assertThat(r.comparisons().get(0).test().difference()).isNaN();
    assertThat(r.comparisons().get(0).test().ci()).isNull();
    assertThat(r.notes()).anyMatch(n -> n.contains("a vs b: the cases both models scored hold no case of one class"));
  }

  @Test
  void aModelWithOnlyOneClassScoredIsRejectedByName() {
    boolean[] truth = {true, false, false};
    Cohort c = cohort(truth, List.of(new ModelScores("a", new double[] {NA, 0.1, 0.2}, true)), List.of());
    assertThatThrownBy(() -> Evaluator.evaluate(c, spec(new OperatingPointRule.TargetSpecificity(0.5)), ProgressListener.NONE))
        .hasMessageContaining("model a has scores for 0 positive and 2 negative cases");
  }

  @Test
  void theReaderMatchedPointIsMeasuredOnTheCasesBothDecided() {
    // The reader has no decision on c5, a negative the model scores 0.8: without it the reader's
    // specificity is 2/3 (false positive on c2), and the model must be measured on the same 5 cases.
    boolean[] truth = {true, true, false, false, false, false};
    byte y = ReaderDecisions.POSITIVE;
    byte n = ReaderDecisions.NEGATIVE;
    byte m = ReaderDecisions.MISSING;
    ReaderDecisions reader = new ReaderDecisions("r", new byte[] {y, n, y, n, n, m});
    ModelScores model = new ModelScores("a", new double[] {0.9, 0.6, 0.7, 0.3, 0.2, 0.8}, true);
    EvaluationResult r = Evaluator.evaluate(cohort(truth, List.of(model), List.of(reader)),
        spec(new OperatingPointRule.ReaderSpecificity("r")), ProgressListener.NONE);
    OperatingPoint point = r.models().get(0).operatingPoints().get(0);
    // On the 5 shared cases the reader's specificity is 2/3; the model reaches it at threshold 0.6.
    assertThat(point.threshold()).isEqualTo(0.6);
    assertThat(point.metrics().specificity().trials()).isEqualTo(3);
    assertThat(point.metrics().specificity().estimate()).isGreaterThanOrEqualTo(2 / 3.0);
    assertThat(point.metrics().sensitivity().estimate()).isEqualTo(1.0);
  }

  @Test
  void modelThresholdsCompareEachModelAtItsOwnThreshold() {
    boolean[] truth = {true, true, false, false};
    Cohort c = cohort(truth, List.of(
        new ModelScores("a", new double[] {0.9, 0.4, 0.35, 0.1}, true),
        new ModelScores("b", new double[] {60, 40, 50, 10}, true)), List.of());
    EvaluationResult r = Evaluator.evaluate(c,
        spec(new OperatingPointRule.ModelThresholds(Map.of("a", 0.3, "b", 45.0))), ProgressListener.NONE);
    assertThat(r.models().get(0).operatingPoints().get(0).decision()).isEqualTo("score >= 0.3");
    assertThat(r.models().get(1).operatingPoints().get(0).decision()).isEqualTo("score >= 45.0");
    assertThat(r.decisionComparisons()).singleElement().satisfies(d -> {
      assertThat(d.first()).isEqualTo("a");
      assertThat(d.second()).isEqualTo("b");
      assertThat(d.sensitivity().first()).isEqualTo(1.0);
      assertThat(d.sensitivity().second()).isEqualTo(0.5);
    });
  }

  @Test
  void aZeroTargetSensitivityCallsNoCasePositive() {
    boolean[] truth = {true, false, true, false};
    Cohort c = cohort(truth, List.of(new ModelScores("a", new double[] {0.9, 0.1, 0.6, 0.4}, true)), List.of());
    EvaluationResult r = Evaluator.evaluate(c, spec(new OperatingPointRule.TargetSensitivity(0)), ProgressListener.NONE);
    OperatingPoint point = r.models().get(0).operatingPoints().get(0);
    assertThat(point.decision()).isEqualTo("no case called positive");
    assertThat(point.metrics().recallRate().successes()).isZero();
  }

  @Test
  void nonFiniteThresholdsAreRejected() {
    assertThatThrownBy(() -> new OperatingPointRule.FixedThreshold(Double.NaN)).hasMessageContaining("finite");
    assertThatThrownBy(() -> new OperatingPointRule.ModelThresholds(Map.of("a", Double.POSITIVE_INFINITY)))
        .hasMessageContaining("threshold of a must be a finite number");
  }
}

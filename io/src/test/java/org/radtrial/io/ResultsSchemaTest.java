package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.evaluate.EvaluationResult;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.evaluate.Evaluator;
import org.radtrial.core.evaluate.OperatingPointRule;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.core.synth.ScreeningCohortGenerator;

/** docs/results-schema.json accepts what the writers write, rejects what they do not, and is checked on every write in tests. */
class ResultsSchemaTest {
  private static final Cohort GENERATED = ScreeningCohortGenerator.generate(3000, 7);
  private static final Cohort COHORT = new Cohort(GENERATED.caseIds(), GENERATED.truth(), GENERATED.models(),
      GENERATED.readers().subList(0, 2), GENERATED.metadata());

  private static ObjectNode evaluation() {
    EvaluationSpec spec = EvaluationSpec.defaults().withBootstrap(50, 3)
        .withOperatingPoints(List.of(new OperatingPointRule.ReaderSpecificity("reader_1"), new OperatingPointRule.TargetSensitivity(0.9)));
    EvaluationResult result = Evaluator.evaluate(COHORT, spec, ProgressListener.NONE);
    CaseTableSpec input = CaseTableSpec.of("cancer", "1", List.of("model_a", "model_b", "model_c")).withId("case_id")
        .withReaders(List.of("reader_1", "reader_2")).withMetadata(List.copyOf(COHORT.metadata().keySet()));
    return ResultsJson.tree(result, COHORT, input, TestProvenance.of(3));
  }

  @Test
  void theEvaluationOfAGeneratedCohortMatchesTheSchema() {
    String text = ResultsJson.text(evaluation());

    assertThat(ResultsSchemaCheck.problems(text)).isEmpty();
  }

  @Test
  void everyResultsJsonMadeInTestsIsValidatedOnTheWay() {
    ObjectNode root = evaluation();
    ObjectNode auc = (ObjectNode) root.get("models").get("model_a").get("auc");
    auc.set("standard_error", auc.remove("se"));

    assertThatThrownBy(() -> ResultsJson.text(root))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("results-schema.json")
        .hasMessageContaining("/models/model_a/auc: required property 'se' not found")
        .hasMessageContaining("standard_error");
  }

  @Test
  void aMissingSectionAndAWronglyTypedValueAreNamedByPath() {
    ObjectNode root = evaluation();
    root.remove("notes");
    ((ObjectNode) root.get("cohort")).put("cases", "3000");

    List<String> problems = ResultsSchemaCheck.problems(root.toString());

    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("/:").contains("notes"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("/cohort/cases:").contains("string"));
  }
}

package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtrial.core.binary.CiMethod;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.evaluate.DecisionComparison;
import org.radtrial.core.evaluate.EvaluationResult;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.evaluate.Evaluator;
import org.radtrial.core.evaluate.ModelResult;
import org.radtrial.core.evaluate.OperatingPoint;
import org.radtrial.core.evaluate.OperatingPointRule;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.core.synth.ScreeningCohortGenerator;

/** What ResultsJson writes, EvaluationReader reads back, value for value. */
class EvaluationRoundTripTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Cohort GENERATED = ScreeningCohortGenerator.generate(4000, 11);
  private static final Cohort COHORT = new Cohort(GENERATED.caseIds(), GENERATED.truth(), GENERATED.models(),
      GENERATED.readers().subList(0, 2), GENERATED.metadata());
  private static final EvaluationSpec SPEC = new EvaluationSpec(0.9, 40, 5, CiMethod.CLOPPER_PEARSON,
      List.of(new OperatingPointRule.ReaderSpecificity("reader_1"), new OperatingPointRule.TargetSensitivity(0.85),
          new OperatingPointRule.FixedThreshold(2.0)),
      0.05, 200);
  private static final EvaluationResult RESULT = Evaluator.evaluate(COHORT, SPEC, ProgressListener.NONE);
  private static final CaseTableSpec INPUT = CaseTableSpec.of("cancer", "1", List.of("model_a", "model_b", "model_c"))
      .withId("case_id").withReaders(List.of("reader_1", "reader_2")).withMetadata(List.copyOf(COHORT.metadata().keySet()));
  private static final Provenance PROVENANCE = TestProvenance.of(5);

  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A number as it comes back: the writers write a non-finite number as null, which reads as NaN. */
  static double asWritten(double value) {
    return Double.isFinite(value) ? value : Double.NaN;
  }

  private static EvaluationResults readBack() {
    return EvaluationReader.read(parse(ResultsJson.toJson(RESULT, COHORT, INPUT, PROVENANCE)));
  }

  @Test
  void cohortSettingsNotesAndProvenanceComeBack() {
    EvaluationResults read = readBack();

    assertThat(read.schemaVersion()).isEqualTo(ResultsJson.SCHEMA_VERSION);
    assertThat(read.cohort().cases()).isEqualTo(RESULT.cases());
    assertThat(read.cohort().positives()).isEqualTo(RESULT.positives());
    assertThat(read.cohort().negatives()).isEqualTo(RESULT.negatives());
    assertThat(read.cohort().prevalence()).isEqualTo(RESULT.positives() / (double) RESULT.cases());
    assertThat(read.cohort().truthColumn()).isEqualTo("cancer");
    assertThat(read.cohort().positiveValue()).isEqualTo("1");
    assertThat(read.cohort().metadata()).containsOnlyKeys(COHORT.metadata().keySet());
    Map<String, Integer> densities = new LinkedHashMap<>();
    COHORT.metadata().get("density").forEach(d -> densities.merge(d, 1, Integer::sum));
    assertThat(read.cohort().metadata().get("density").counts()).isEqualTo(densities);
    assertThat(read.cohort().metadata().get("density").distinctValues()).isEqualTo(densities.size());
    assertThat(read.notes()).isEqualTo(RESULT.notes());
    assertThat(read.settings()).isEqualTo(new EvaluationResults.Settings(0.9, 40, 5, CiMethod.CLOPPER_PEARSON,
        SPEC.operatingPoints().stream().map(OperatingPointRule::describe).toList(), 0.05, MissingPolicy.ERROR, List.of()));
    assertThat(read.provenance()).isEqualTo(PROVENANCE);
  }

  @Test
  void everyModelComesBackWithItsAucsCurveAndOperatingPoints() {
    EvaluationResults read = readBack();

    assertThat(read.models()).extracting(EvaluationResults.Model::name).containsExactly("model_a", "model_b", "model_c");
    for (ModelResult model : RESULT.models()) {
      EvaluationResults.Model back = read.model(model.name());
      assertThat(back.higherIsPositive()).isEqualTo(model.higherIsPositive());
      assertThat(back.excludedMissing()).isEqualTo(model.excludedMissing());
      assertThat(back.auc()).isEqualTo(model.auc());
      assertThat(back.bootstrapAuc()).isNotNull().isEqualTo(model.bootstrapAuc());
      List<ModelResult.RocCurvePoint> roc = new ArrayList<>();
      model.roc().forEach(p -> roc.add(new ModelResult.RocCurvePoint(asWritten(p.threshold()), p.sensitivity(), p.specificity(),
          p.sensitivityCi())));
      assertThat(back.roc()).isEqualTo(roc);
      assertThat(back.roc().get(0).threshold()).as("the +infinity threshold of the first point").isNaN();
      assertThat(back.operatingPoints()).hasSameSizeAs(model.operatingPoints());
      for (int k = 0; k < model.operatingPoints().size(); k++) {
        OperatingPoint point = model.operatingPoints().get(k);
        EvaluationResults.OperatingPointRow row = back.operatingPoints().get(k);
        assertThat(row.rule()).isEqualTo(point.rule().describe());
        assertThat(row.threshold()).isEqualTo(asWritten(point.threshold()));
        assertThat(row.decision()).isEqualTo(point.decision());
        assertThat(row.metrics()).isEqualTo(point.metrics());
      }
    }
    assertThat(read.model("model_a").operatingPoints()).extracting(EvaluationResults.OperatingPointRow::decision)
        .containsExactly(RESULT.models().get(0).operatingPoints().stream().map(OperatingPoint::decision).toArray(String[]::new))
        .contains("score >= 2.0");
  }

  @Test
  void comparisonsReadersAndDecisionComparisonsComeBack() {
    EvaluationResults read = readBack();

    assertThat(read.comparisons()).isEqualTo(RESULT.comparisons());
    assertThat(read.readers()).isEqualTo(RESULT.readers());
    assertThat(read.decisionComparisons()).hasSameSizeAs(RESULT.decisionComparisons());
    for (int k = 0; k < RESULT.decisionComparisons().size(); k++) {
      DecisionComparison c = RESULT.decisionComparisons().get(k);
      assertThat(read.decisionComparisons().get(k)).isEqualTo(new EvaluationResults.DecisionComparisonRow(c.rule().describe(),
          c.first(), c.second(), c.sensitivity(), c.specificity()));
    }
    assertThat(read.decisionComparisons()).anySatisfy(c -> assertThat(c.sensitivity().nonInferiority()).isNotNull());
  }

  @Test
  void aMissingKeyIsNamedByItsPointer() {
    ObjectNode tree = ResultsJson.tree(RESULT, COHORT, INPUT, PROVENANCE);
    ((ObjectNode) tree.get("models").get("model_b").get("auc")).remove("se");

    assertThatThrownBy(() -> EvaluationReader.read(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("results.json: /models/model_b/auc has no key 'se'");
  }

  @Test
  void aValueOfTheWrongTypeIsNamedWithWhatWasFound() {
    ObjectNode tree = ResultsJson.tree(RESULT, COHORT, INPUT, PROVENANCE);
    ((ObjectNode) tree.get("cohort")).put("cases", "4000");

    assertThatThrownBy(() -> EvaluationReader.read(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("results.json: /cohort/cases should be an integer, was string \"4000\"");
  }
}

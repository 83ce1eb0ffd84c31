package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtrial.core.audit.AuditResult;
import org.radtrial.core.audit.AuditSpec;
import org.radtrial.core.audit.Auditor;
import org.radtrial.core.audit.FailureSlice;
import org.radtrial.core.audit.Shift;
import org.radtrial.core.audit.Subgroup;
import org.radtrial.core.audit.SubgroupRow;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.evaluate.EvaluationResult;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.evaluate.Evaluator;
import org.radtrial.core.evaluate.OperatingPointRule;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.core.synth.ScreeningCohortGenerator;

/** What AuditJson writes, AuditReader reads back, value for value (with transport and shift). */
class AuditRoundTripTest {
  private static final Cohort COHORT = withoutArbitration(ScreeningCohortGenerator.generate(8000, 23));
  private static final Cohort REFERENCE = withoutArbitration(ScreeningCohortGenerator.generate(3000, 24));
  private static final EvaluationSpec SPEC = EvaluationSpec.defaults().withBootstrap(0, 1)
      .withOperatingPoints(List.of(new OperatingPointRule.ReaderSpecificity("reader_1")));
  private static final EvaluationResult EVALUATION = Evaluator.evaluate(COHORT, SPEC, ProgressListener.NONE);
  private static final AuditResult AUDIT = Auditor.audit(COHORT,
      AuditSpec.of(List.of("density", "vendor", "age")).withSearch(2, 5, 0.5, 10).withTransport(List.of("density"),
          Map.of(List.of("A"), 0.25, List.of("B"), 0.25, List.of("C"), 0.25, List.of("D"), 0.25)),
      EVALUATION, REFERENCE);

  private static Cohort withoutArbitration(Cohort c) {
    return new Cohort(c.caseIds(), c.truth(), c.models(), c.readers().subList(0, 2), c.metadata());
  }

  private static AuditResults readBack() {
    CaseTableSpec input = CaseTableSpec.of("cancer", "1", List.of("model_a", "model_b", "model_c")).withId("case_id")
        .withReaders(List.of("reader_1", "reader_2")).withMetadata(List.copyOf(COHORT.metadata().keySet()));
    ObjectNode root = AuditJson.addTo(ResultsJson.tree(EVALUATION, COHORT, input, TestProvenance.of(1)), AUDIT);
    return AuditReader.read(EvaluationRoundTripTest.parse(ResultsJson.text(root)));
  }

  private static String label(Subgroup s) {
    return s == null ? "overall" : s.label();
  }

  @Test
  void theAuditRanWithEveryPartToCompare() {
    assertThat(AUDIT.subgroups()).isNotEmpty();
    assertThat(AUDIT.failureSlices()).isNotEmpty();
    assertThat(AUDIT.calibration()).isNotEmpty();
    assertThat(AUDIT.transport()).isNotNull();
    assertThat(AUDIT.shifts()).isNotEmpty();
    assertThat(AUDIT.columns()).anySatisfy(c -> assertThat(c.bands()).isNotNull());
  }

  @Test
  void thresholdsColumnsAndNotesComeBack() {
    AuditResults read = readBack();

    assertThat(read.operatingPoint()).isEqualTo(AUDIT.operatingPoint());
    Map<String, Double> thresholds = new LinkedHashMap<>();
    Map<String, Integer> needed = new LinkedHashMap<>();
    for (int k = 0; k < AUDIT.models().size(); k++) {
      thresholds.put(AUDIT.models().get(k), EvaluationRoundTripTest.asWritten(AUDIT.thresholds().get(k)));
      needed.put(AUDIT.models().get(k), AUDIT.positivesNeeded().get(k));
    }
    assertThat(read.thresholds()).isEqualTo(thresholds);
    assertThat(read.positivesNeeded()).isEqualTo(needed);
    assertThat(read.columns()).isEqualTo(AUDIT.columns().stream().map(c -> new AuditResults.Column(c.name(), c.levels(),
        c.bands() == null ? null : c.bands().cuts())).toList());
    assertThat(read.notes()).isEqualTo(AUDIT.notes());
  }

  @Test
  void subgroupRowsComeBack() {
    List<AuditResults.SubgroupRow> expected = new ArrayList<>();
    for (SubgroupRow r : AUDIT.subgroups()) {
      expected.add(new AuditResults.SubgroupRow(r.model(), label(r.subgroup()), r.subgroup() == null ? "" : r.subgroup().columns(),
          r.cases(), r.positives(), r.negatives(), r.underpowered(), EvaluationRoundTripTest.asWritten(r.minimumDetectableDifference()),
          r.auc() == null ? null : new AuditResults.SubgroupAuc(r.auc().estimate(), r.auc().ci()), r.metrics().sensitivity(),
          r.metrics().specificity(), r.falsePositiveRate(), r.metrics().recallRate(), r.metrics().ppv(), r.gaps()));
    }

    assertThat(readBack().subgroups()).isEqualTo(expected);
  }

  @Test
  void testsSlicesErrorsAndCalibrationComeBack() {
    AuditResults read = readBack();

    assertThat(read.heterogeneity()).isEqualTo(AUDIT.heterogeneity());
    assertThat(read.equalizedOdds()).isEqualTo(AUDIT.equalizedOdds());
    assertThat(read.slicesTested()).isEqualTo(AUDIT.slicesTested());
    List<AuditResults.Slice> slices = new ArrayList<>();
    for (FailureSlice s : AUDIT.failureSlices()) {
      slices.add(new AuditResults.Slice(s.model(), s.subgroup().label(), s.subgroup().depth(), s.error(), s.cases(), s.positives(),
          s.errors(), s.trials(), s.sliceRate(), s.restRate(), s.effect(), s.effectCi(), s.p(), s.q(), s.rankingBound(), s.sentence()));
    }
    assertThat(read.failureSlices()).isEqualTo(slices);
    assertThat(read.confidentErrors()).isEqualTo(AUDIT.confidentErrors());
    assertThat(read.calibration()).isEqualTo(AUDIT.calibration().stream().map(c -> new AuditResults.CalibrationRow(c.model(),
        label(c.subgroup()), c.subgroup() == null ? "" : c.subgroup().columns(), c.calibration())).toList());
  }

  @Test
  void transportAndShiftComeBack() {
    AuditResults read = readBack();

    AuditResult.TransportResult t = AUDIT.transport();
    Map<String, List<org.radtrial.core.audit.Transport.Estimate>> models = new LinkedHashMap<>();
    t.models().forEach(m -> models.put(m.model(), m.estimates()));
    assertThat(read.transport()).isEqualTo(new AuditResults.TransportResult(t.weights().columns().stream().map(c -> c.name()).toList(),
        t.weights().strata(), t.weights().warnings(), models));
    List<AuditResults.ShiftRow> shifts = new ArrayList<>();
    for (Shift s : AUDIT.shifts()) {
      Map<String, AuditResults.LevelShares> levels = new LinkedHashMap<>();
      s.levels().forEach((level, shares) -> levels.put(level, new AuditResults.LevelShares(shares[0], shares[1])));
      shifts.add(new AuditResults.ShiftRow(s.variable(), s.kind(), s.type(), s.localCases(), s.referenceCases(),
          EvaluationRoundTripTest.asWritten(s.standardizedDifference()), EvaluationRoundTripTest.asWritten(s.psi()),
          EvaluationRoundTripTest.asWritten(s.ksStatistic()), EvaluationRoundTripTest.asWritten(s.ksP()), s.verdict(), levels));
    }
    assertThat(read.shifts()).isEqualTo(shifts);
  }
}

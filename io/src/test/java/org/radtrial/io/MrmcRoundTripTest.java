package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radtrial.core.mrmc.CurvePoint;
import org.radtrial.core.mrmc.FomAnalysis;
import org.radtrial.core.mrmc.MrmcAnalysis;
import org.radtrial.core.mrmc.MrmcResult;
import org.radtrial.core.mrmc.MrmcSpec;
import org.radtrial.core.mrmc.OrVarianceComponents;
import org.radtrial.core.mrmc.PlanResult;
import org.radtrial.core.mrmc.ReaderCurve;
import org.radtrial.core.mrmc.StudyPlan;

/** What MrmcResultsJson writes for the Van Dyke study, MrmcReader reads back: core's records, value for value. */
class MrmcRoundTripTest {
  private static final StudyPlan PLAN = new StudyPlan(List.of(4, 6, 10), Double.NaN, 0.05, 0.8, 2000);
  private static final MrmcSpec SPEC = MrmcSpec.defaults().withCut(3).withPlan(PLAN);
  private static final RatingsSpec INPUT = RatingsSpec.defaults();
  private static final MrmcResult RESULT = MrmcAnalysis.analyse(
      RatingsReader.read(RatingsReaderTest.resource("vandyke.csv"), INPUT), SPEC);
  private static final Provenance PROVENANCE = TestProvenance.of(0);

  private static MrmcResults readBack() {
    return MrmcReader.read(EvaluationRoundTripTest.parse(MrmcResultsJson.toJson(RESULT, INPUT, RatingsFormat.TABLE, PROVENANCE)));
  }

  @Test
  void theDesignComparisonsAndCurvesComeBack() {
    MrmcResults read = readBack();

    assertThat(read.schemaVersion()).isEqualTo(MrmcResultsJson.SCHEMA_VERSION);
    assertThat(read.design()).isEqualTo(new MrmcResults.Design(List.of("1", "2"), List.of("1", "2", "3", "4", "5"), null, 114, 45, 69));
    assertThat(read.comparisons()).extracting(MrmcResults.Comparison::difference)
        .isEqualTo(RESULT.auc().obuchowskiRockette().randomReadersRandomCases().differences());
    assertThat(read.comparisons()).extracting(MrmcResults.Comparison::method)
        .containsOnly("Obuchowski-Rockette, jackknife covariance, Hillis ddf, random readers and cases");
    assertThat(read.readers()).isEqualTo(RESULT.curves().stream().map(MrmcRoundTripTest::asWritten).toList());
  }

  @Test
  void everyAnalysisComesBack() {
    MrmcResults read = readBack();

    assertField(read.auc(), RESULT.auc());
    assertField(read.sensitivity(), RESULT.sensitivity());
    assertField(read.specificity(), RESULT.specificity());
  }

  private static void assertField(FomAnalysis read, FomAnalysis written) {
    assertThat(read.figureOfMerit()).isEqualTo(written.figureOfMerit());
    assertThat(read.values()).isEqualTo(written.values());
    assertThat(read.obuchowskiRockette().meanSquares()).isEqualTo(written.obuchowskiRockette().meanSquares());
    assertThat(read.obuchowskiRockette().components()).isEqualTo(written.obuchowskiRockette().components());
    assertThat(read.obuchowskiRockette().randomReadersRandomCases()).isEqualTo(written.obuchowskiRockette().randomReadersRandomCases());
    assertThat(read.obuchowskiRockette().fixedReadersRandomCases()).isEqualTo(written.obuchowskiRockette().fixedReadersRandomCases());
    assertThat(read.obuchowskiRockette().randomReadersFixedCases()).isEqualTo(written.obuchowskiRockette().randomReadersFixedCases());
    assertThat(read.obuchowskiRockette()).isEqualTo(written.obuchowskiRockette());
    assertThat(read.dbm().meanSquares()).isEqualTo(written.dbm().meanSquares());
    assertThat(read.dbm()).isEqualTo(written.dbm());
    assertThat(read).isEqualTo(written);
  }

  @Test
  void theSampleSizePlanComesBackWithoutThePilotsUnwrittenReaderVariance() {
    PlanResult plan = RESULT.plan();
    OrVarianceComponents pilot = plan.pilot();
    PlanResult asWritten = new PlanResult(plan.effect(), plan.observedEffect(), plan.alpha(), plan.targetPower(), plan.pilotCases(),
        new OrVarianceComponents(Double.NaN, pilot.varTR(), pilot.cov1(), pilot.cov2(), pilot.cov3(), pilot.varError()), plan.rows());

    MrmcResults read = readBack();

    assertThat(read.plan().rows()).isEqualTo(plan.rows());
    assertThat(read.plan()).isEqualTo(asWritten);
  }

  @Test
  void settingsAndProvenanceComeBack() {
    MrmcResults read = readBack();

    assertThat(read.settings()).isEqualTo(new MrmcResults.Settings(SPEC.ciLevel(), SPEC.covariance(), 3, RatingsFormat.TABLE,
        new MrmcResults.Columns("reader", "modality", "case", "truth", "rating"), "1", false, null, PLAN));
    assertThat(read.provenance()).isEqualTo(PROVENANCE);
  }

  /** A curve as it comes back: the first point's infinite threshold, written as null, reads as NaN. */
  private static ReaderCurve asWritten(ReaderCurve c) {
    return new ReaderCurve(c.modality(), c.reader(), c.auc(), c.points().stream()
        .map(p -> new CurvePoint(Double.isFinite(p.threshold()) ? p.threshold() : Double.NaN, p.sensitivity(), p.specificity()))
        .toList());
  }
}

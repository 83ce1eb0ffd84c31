package org.radtrial.core.mrmc;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.roc.RocCurve;
import org.radtrial.core.roc.RocPoint;

/**
 * The multi-reader multi-case analysis behind {@code radtrial mrmc}: per reader and modality the
 * trapezoidal AUC and ROC curve; the Obuchowski-Rockette analysis (jackknife or DeLong covariances)
 * and the DBM pseudovalue analysis of the AUC for random readers and cases, fixed readers and fixed
 * cases; the same for sensitivity and specificity at a rating cut; the human readers against a
 * stand-alone reader; and sample sizes for a new study. A split-plot study gets the Obuchowski-Rockette
 * analysis only (jackknife covariances; no DBM, stand-alone comparison or sample size). Pure
 * computation: no I/O.
 */
public final class MrmcAnalysis {
  private MrmcAnalysis() {}

  /**
   * Runs the analysis.
   *
   * @throws IllegalArgumentException if sample-size planning is asked of a single-modality study
   */
  public static MrmcResult analyse(ReaderStudy study, MrmcSpec spec) {
    FomEstimates aucEstimates = FomEstimates.of(study, new FigureOfMerit.Auc());
    FomAnalysis auc = analyse(study, new FigureOfMerit.Auc(), aucEstimates, spec.covariance(), spec.ciLevel());
    FomAnalysis sensitivity = null;
    FomAnalysis specificity = null;
    if (spec.hasCut()) {
      FigureOfMerit sensitivityAtCut = new FigureOfMerit.Sensitivity(spec.cut());
      FigureOfMerit specificityAtCut = new FigureOfMerit.Specificity(spec.cut());
      sensitivity = analyse(study, sensitivityAtCut, FomEstimates.of(study, sensitivityAtCut), CovarianceMethod.JACKKNIFE,
          spec.ciLevel());
      specificity = analyse(study, specificityAtCut, FomEstimates.of(study, specificityAtCut), CovarianceMethod.JACKKNIFE,
          spec.ciLevel());
    }
    PlanResult plan = spec.plan() == null ? null : plan(study, auc, spec.plan());
    return new MrmcResult(study.modalities(), study.readers(), study.standalone().map(StandaloneReader::name).orElse(null),
        study.cases().size(), study.positives(), study.negatives(), study.studyBlocks(),
        curves(study, aucEstimates, spec.rocPoints()),
        auc, sensitivity, specificity, plan, spec);
  }

  /**
   * The Obuchowski-Rockette analysis (jackknife covariances, Hillis's ddf) of a figure of merit computed
   * elsewhere, with each reader's value and its jackknife interval; no DBM analysis.
   *
   * @param level confidence level of every interval, e.g. 0.95
   */
  public static FomAnalysis analyseJackknifed(FigureOfMerit.Jackknifed fom, JackknifeValues values, double level) {
    FomEstimates e = FomEstimates.of(values);
    CovarianceMatrix c = CovarianceMatrix.jackknife(e);
    List<ReaderValue> readerValues = new ArrayList<>();
    for (int i = 0; i < values.modalities().size(); i++) {
      for (int j = 0; j < values.readers().size(); j++) {
        int cell = e.cell(i, j);
        readerValues.add(ReaderValue.of(values.modalities().get(i), values.readers().get(j), e.theta(cell),
            c.get(cell, cell), level));
      }
    }
    OrAnalysis or = ObuchowskiRockette.analyse(e, c, values.modalities(), values.readers(), fom,
        CovarianceMethod.JACKKNIFE, level);
    return new FomAnalysis(fom, readerValues, or, null, List.of());
  }

  private static FomAnalysis analyse(ReaderStudy study, FigureOfMerit fom, FomEstimates e, CovarianceMethod method,
      double level) {
    CovarianceMatrix c = CovarianceMatrix.of(e, method);
    List<ReaderValue> values = new ArrayList<>();
    for (int i = 0; i < study.modalities().size(); i++) {
      for (int j = 0; j < study.readers().size(); j++) {
        int cell = e.cell(i, j);
        values.add(ReaderValue.of(study.modalities().get(i), study.readers().get(j), e.theta(cell), c.get(cell, cell),
            level));
      }
    }
    List<StandaloneDifference> standalone = List.of();
    if (e.hasStandalone()) {
      int ai = e.standaloneCell();
      values.add(ReaderValue.of(null, study.standalone().orElseThrow().name(), e.theta(ai), c.get(ai, ai), level));
      standalone = StandaloneComparison.compare(e, c, study, level);
    }
    return new FomAnalysis(fom, values, ObuchowskiRockette.analyse(e, c, study, fom, method, level),
        study.isSplitPlot() ? null : DorfmanBerbaumMetz.analyse(e, study, fom, level), standalone);
  }

  private static @Nullable PlanResult plan(ReaderStudy study, FomAnalysis auc, StudyPlan plan) {
    if (study.isSplitPlot()) {
      throw new IllegalArgumentException("sample-size estimation plans a fully crossed study from a fully crossed pilot;"
          + " this study is split-plot (" + study.blocks() + " blocks of readers, each with its own cases)");
    }
    if (study.modalities().size() < 2) {
      throw new IllegalArgumentException("sample-size estimation needs a pilot study with two modalities; this study has one");
    }
    boolean observed = Double.isNaN(plan.effect());
    double effect = observed ? auc.obuchowskiRockette().randomReadersRandomCases().differences().get(0).estimate() : plan.effect();
    if (effect == 0) {
      throw new IllegalArgumentException("the pilot's observed AUC difference is 0, which no study can detect; name the"
          + " effect size to plan for");
    }
    OrVarianceComponents pilot = auc.obuchowskiRockette().components();
    SampleSize sizes = SampleSize.fromPilot(pilot, study.cases().size());
    List<PlanResult.PlannedReaders> rows = new ArrayList<>();
    for (int readers : plan.readers()) {
      rows.add(new PlanResult.PlannedReaders(readers,
          cases(sizes, Generalization.RANDOM_READERS_RANDOM_CASES, readers, effect, plan),
          cases(sizes, Generalization.FIXED_READERS_RANDOM_CASES, readers, effect, plan),
          cases(sizes, Generalization.RANDOM_READERS_FIXED_CASES, readers, effect, plan)));
    }
    return new PlanResult(effect, observed, plan.alpha(), plan.power(), study.cases().size(), pilot, rows);
  }

  private static @Nullable PowerEstimate cases(SampleSize sizes, Generalization g, int readers, double effect, StudyPlan plan) {
    return sizes.casesFor(g, readers, effect, plan.alpha(), plan.power(), plan.maxCases()).orElse(null);
  }

  private static List<ReaderCurve> curves(ReaderStudy study, FomEstimates e, int maxPoints) {
    List<ReaderCurve> curves = new ArrayList<>();
    for (int i = 0; i < study.modalities().size(); i++) {
      for (int j = 0; j < study.readers().size(); j++) {
        curves.add(curve(study.modalities().get(i), study.readers().get(j), e, e.cell(i, j), study.higherIsPositive(i),
            maxPoints));
      }
    }
    if (e.hasStandalone()) {
      StandaloneReader ai = study.standalone().orElseThrow();
      curves.add(curve(null, ai.name(), e, e.standaloneCell(), ai.higherIsPositive(), maxPoints));
    }
    return curves;
  }

  private static ReaderCurve curve(@Nullable String modality, String reader, FomEstimates e, int cell, boolean higherIsPositive,
      int maxPoints) {
    RocCurve roc = RocCurve.of(e.placements(cell));
    List<CurvePoint> points = new ArrayList<>();
    for (RocPoint p : roc.thinned(maxPoints)) {
      double threshold = higherIsPositive ? p.threshold() : -p.threshold();
      points.add(new CurvePoint(threshold, roc.sensitivity(p), roc.specificity(p)));
    }
    return new ReaderCurve(modality, reader, e.placements(cell).auc(), points);
  }
}

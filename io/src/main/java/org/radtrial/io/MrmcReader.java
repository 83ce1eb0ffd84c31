package org.radtrial.io;

import static org.radtrial.io.ResultsKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.mrmc.CovarianceMethod;
import org.radtrial.core.mrmc.CurvePoint;
import org.radtrial.core.mrmc.DbmAnalysis;
import org.radtrial.core.mrmc.DbmMeanSquares;
import org.radtrial.core.mrmc.DbmVarianceComponents;
import org.radtrial.core.mrmc.FigureOfMerit;
import org.radtrial.core.mrmc.FomAnalysis;
import org.radtrial.core.mrmc.Generalization;
import org.radtrial.core.mrmc.GeneralizationResult;
import org.radtrial.core.mrmc.GlobalTest;
import org.radtrial.core.mrmc.ModalityDifference;
import org.radtrial.core.mrmc.ModalityEstimate;
import org.radtrial.core.mrmc.OrAnalysis;
import org.radtrial.core.mrmc.OrMeanSquares;
import org.radtrial.core.mrmc.OrVarianceComponents;
import org.radtrial.core.mrmc.PlanResult;
import org.radtrial.core.mrmc.PowerEstimate;
import org.radtrial.core.mrmc.ReaderCurve;
import org.radtrial.core.mrmc.ReaderDifference;
import org.radtrial.core.mrmc.ReaderValue;
import org.radtrial.core.mrmc.StandaloneDifference;
import org.radtrial.core.mrmc.StudyPlan;

/**
 * Reads a results.json written by {@code mrmc} (what {@link MrmcResultsJson} writes) back into
 * {@link MrmcResults}, from the tree of its text. A missing key or a value of the wrong type is an
 * {@link IllegalArgumentException} giving its JSON pointer.
 */
public final class MrmcReader {
  private MrmcReader() {}

  public static MrmcResults read(JsonNode tree) {
    ResultsNode root = ResultsNode.root(tree);
    MrmcResults.Settings settings = settings(root.object(SETTINGS));
    double level = settings.ciLevel();
    ResultsNode m = root.object(MRMC);
    ResultsNode d = m.object(DESIGN);
    MrmcResults.Design design = new MrmcResults.Design(d.strings(MODALITIES), d.strings(READERS), d.stringOrNull(STANDALONE_READER),
        d.integer(CASES), d.integer(POSITIVES), d.integer(NEGATIVES));
    double cut = settings.cut();
    return new MrmcResults(
        root.integer(SCHEMA_VERSION),
        design,
        m.list(COMPARISONS, c -> new MrmcResults.Comparison(difference(c, level), c.string(METHOD))),
        m.list(READERS, r -> new ReaderCurve(r.stringOrNull(MODALITY), r.string(READER), r.number(AUC),
            r.list(ROC, p -> new CurvePoint(p.number(THRESHOLD), p.number(SENSITIVITY), p.number(SPECIFICITY))))),
        analysis(m.object(AUC), new FigureOfMerit.Auc(), level),
        m.has(SENSITIVITY) ? analysis(m.object(SENSITIVITY), new FigureOfMerit.Sensitivity(cut), level) : null,
        m.has(SPECIFICITY) ? analysis(m.object(SPECIFICITY), new FigureOfMerit.Specificity(cut), level) : null,
        m.has(SAMPLE_SIZE) ? plan(m.object(SAMPLE_SIZE)) : null,
        settings,
        provenance(root.object(PROVENANCE)));
  }

  private static Provenance provenance(ResultsNode p) {
    return new Provenance(p.string(RADTRIAL_VERSION), p.string(INPUT_FILE), p.string(INPUT_SHA256), p.longIntegerOr(SEED, 0),
        p.string(COMMAND), p.string(JAVA_VERSION), p.string(CREATED_AT));
  }

  private static FomAnalysis analysis(ResultsNode a, FigureOfMerit fom, double level) {
    List<StandaloneDifference> standalone = a.has(STANDALONE) ? a.list(STANDALONE, s -> new StandaloneDifference(s.string(MODALITY),
        s.number(READERS_MEAN), s.number(STANDALONE), s.number(MS_R), s.number(VAR_ERROR), s.number(COV2),
        difference(s.object(key(Generalization.RANDOM_READERS_RANDOM_CASES)), level),
        difference(s.object(key(Generalization.FIXED_READERS_RANDOM_CASES)), level),
        difference(s.object(key(Generalization.RANDOM_READERS_FIXED_CASES)), level))) : List.of();
    return new FomAnalysis(fom,
        a.list(VALUES, v -> new ReaderValue(v.stringOrNull(MODALITY), v.string(READER), v.number(VALUE),
            v.numberOr("se", Double.NaN), v.interval(CI, level))),
        obuchowskiRockette(a.object(OBUCHOWSKI_ROCKETTE), fom, level),
        a.objectOrNull(DBM) == null ? null : dbm(a.object(DBM), fom, level),
        standalone);
  }

  private static OrAnalysis obuchowskiRockette(ResultsNode or, FigureOfMerit fom, double level) {
    ResultsNode ms = or.object(MEAN_SQUARES);
    ResultsNode v = or.object(VARIANCE_COMPONENTS);
    return new OrAnalysis(fom, covariance(or, COVARIANCE_METHOD),
        new OrMeanSquares(ms.number(MODALITY), ms.number(READER), ms.number(MODALITY_BY_READER),
            ms.list(READER_WITHIN_MODALITY, w -> w.number(READER))),
        new OrVarianceComponents(v.number(VAR_R), v.number(VAR_TR), v.number(COV1), v.number(COV2), v.number(COV3), v.number(VAR_ERROR)),
        or.list(MODALITY_COVARIANCES, c -> new OrAnalysis.ModalityCovariances(c.string(MODALITY), c.number(VAR_ERROR), c.number(COV2))),
        or.list(READER_COVARIANCES, c -> new OrAnalysis.ReaderCovariances(c.string(READER), c.number(VAR_ERROR), c.number(COV1))),
        generalization(or, Generalization.RANDOM_READERS_RANDOM_CASES, level),
        generalization(or, Generalization.FIXED_READERS_RANDOM_CASES, level),
        generalization(or, Generalization.RANDOM_READERS_FIXED_CASES, level));
  }

  private static DbmAnalysis dbm(ResultsNode dbm, FigureOfMerit fom, double level) {
    ResultsNode ms = dbm.object(MEAN_SQUARES);
    ResultsNode v = dbm.object(VARIANCE_COMPONENTS);
    return new DbmAnalysis(fom,
        new DbmMeanSquares(ms.number(MODALITY), ms.number(READER), ms.number(CASES), ms.number(MODALITY_BY_READER),
            ms.number(MODALITY_BY_CASE), ms.number(READER_BY_CASE), ms.number(MODALITY_BY_READER_BY_CASE),
            ms.list(WITHIN_MODALITY, w -> new DbmMeanSquares.WithinModality(w.string(MODALITY), w.number(READER), w.number(CASES),
                w.number(READER_BY_CASE))),
            ms.list(WITHIN_READER, w -> new DbmMeanSquares.WithinReader(w.string(READER), w.number(MODALITY), w.number(CASES),
                w.number(MODALITY_BY_CASE)))),
        new DbmVarianceComponents(v.number(VAR_R), v.number(VAR_C), v.number(VAR_TR), v.number(VAR_TC), v.number(VAR_RC),
            v.number(VAR_ERROR)),
        generalization(dbm, Generalization.RANDOM_READERS_RANDOM_CASES, level),
        generalization(dbm, Generalization.FIXED_READERS_RANDOM_CASES, level),
        generalization(dbm, Generalization.RANDOM_READERS_FIXED_CASES, level));
  }

  private static GeneralizationResult generalization(ResultsNode analysis, Generalization g, double level) {
    ResultsNode r = analysis.object(key(g));
    String described = r.string(GENERALIZATION);
    if (!described.equals(g.description())) {
      throw new IllegalArgumentException("results.json: " + r.pointer() + "/" + GENERALIZATION + " is '" + described + "', expected '"
          + g.description() + "'");
    }
    ResultsNode t = r.objectOrNull(TEST);
    GlobalTest test = t == null ? null : new GlobalTest(t.string(DISTRIBUTION), t.number(STATISTIC), t.numberOr(NDF, Double.POSITIVE_INFINITY),
        t.numberOr(DDF, Double.POSITIVE_INFINITY), t.number(P));
    return new GeneralizationResult(g, test,
        r.list(DIFFERENCES, d -> difference(d, level)),
        r.list(MODALITIES, e -> new ModalityEstimate(e.string(MODALITY), e.number(ESTIMATE), e.number(SE),
            e.numberOr(DF, Double.POSITIVE_INFINITY), e.openInterval(CI, level))),
        r.has(READERS) ? r.list(READERS, e -> new ReaderDifference(e.string(READER), difference(e, level))) : List.of());
  }

  /** "modalities", "difference", "se", "df" (null: +∞, a z reference), "statistic", "p", "ci". */
  private static ModalityDifference difference(ResultsNode d, double level) {
    List<String> pair = d.strings(MODALITIES);
    return new ModalityDifference(pair.get(0), pair.get(1), d.number(DIFFERENCE), d.number(SE), d.numberOr(DF, Double.POSITIVE_INFINITY),
        d.number(STATISTIC), d.number(P), d.openInterval(CI, level));
  }

  private static PlanResult plan(ResultsNode p) {
    ResultsNode pilot = p.object(PILOT_COMPONENTS);
    double effect = p.number(EFFECT);
    double alpha = p.number(ALPHA);
    return new PlanResult(effect, p.bool(EFFECT_IS_OBSERVED), alpha, p.number(TARGET_POWER), p.integer(PILOT_CASES),
        new OrVarianceComponents(Double.NaN, pilot.number(VAR_TR), pilot.number(COV1), pilot.number(COV2), pilot.number(COV3),
            pilot.number(VAR_ERROR)),
        p.list(PLANS, row -> {
          int readers = row.integer(READERS);
          return new PlanResult.PlannedReaders(readers,
              power(row, Generalization.RANDOM_READERS_RANDOM_CASES, readers, effect, alpha),
              power(row, Generalization.FIXED_READERS_RANDOM_CASES, readers, effect, alpha),
              power(row, Generalization.RANDOM_READERS_FIXED_CASES, readers, effect, alpha));
        }));
  }

  private static @Nullable PowerEstimate power(ResultsNode row, Generalization g, int readers, double effect, double alpha) {
    ResultsNode e = row.objectOrNull(key(g));
    return e == null ? null : new PowerEstimate(g, readers, e.integer(CASES), effect, alpha, e.numberOr(DDF, Double.POSITIVE_INFINITY),
        e.number(NONCENTRALITY), e.number(CRITICAL_F), e.number(POWER));
  }

  private static MrmcResults.Settings settings(ResultsNode s) {
    ResultsNode c = s.objectOrNull(COLUMNS);
    ResultsNode plan = s.objectOrNull(SAMPLE_SIZE);
    return new MrmcResults.Settings(s.number(CI_LEVEL), covariance(s, COVARIANCE), s.number(CUT),
        s.constant(INPUT_FORMAT, RatingsFormat.class),
        c == null ? null : new MrmcResults.Columns(c.string(READER), c.string(MODALITY), c.string(CASE), c.string(TRUTH), c.string(RATING)),
        s.has(POSITIVE) ? s.string(POSITIVE) : null,
        s.has(LOWER_IS_POSITIVE) ? s.bool(LOWER_IS_POSITIVE) : null,
        s.stringOrNull(STANDALONE_READER),
        plan == null ? null : new StudyPlan(plan.list(READERS, ResultsNode::integer), plan.number(EFFECT), plan.number(ALPHA),
            plan.number(POWER), plan.integer(MAX_CASES)));
  }

  private static CovarianceMethod covariance(ResultsNode node, String key) {
    String label = node.string(key);
    for (CovarianceMethod m : CovarianceMethod.values()) {
      if (m.label().equals(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException("results.json: " + node.pointer() + "/" + key + " is '" + label + "', not one of "
        + java.util.Arrays.stream(CovarianceMethod.values()).map(CovarianceMethod::label).toList());
  }

  /** "rrrc", "frrc", "rrfc". */
  private static String key(Generalization g) {
    return MrmcAnalysisJson.key(g);
  }
}

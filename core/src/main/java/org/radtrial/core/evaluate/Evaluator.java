package org.radtrial.core.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.binary.ProportionIntervals;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.cohort.ReaderDecisions;
import org.radtrial.core.multiplicity.Holm;
import org.radtrial.core.roc.AucEstimate;
import org.radtrial.core.roc.DeLong;
import org.radtrial.core.roc.Placements;
import org.radtrial.core.roc.RocCurve;
import org.radtrial.core.roc.RocPoint;
import org.radtrial.core.roc.StratifiedBootstrap;
import org.radtrial.core.stat.ProgressListener;

/**
 * Evaluates every model of a cohort on the same cases and compares them pairwise: the head-to-head
 * evaluation behind {@code radtrial evaluate}. Pure computation: no I/O.
 *
 * <p>A model with missing scores is evaluated on the cases it scored; a pair of models, or a model
 * and a reader, is compared on the cases both have. What cannot be estimated (a pair whose shared
 * cases lack a class, a variance from a single case) is reported as such, with a note, never
 * dropped silently.
 */
public final class Evaluator {
  private final Cohort cohort;
  private final EvaluationSpec spec;
  private final List<String> notes = new ArrayList<>();
  /** Every case's truth, copied from the cohort once. */
  private final boolean[] truth;
  /** Each model's number of missing scores (by name), counted once: every pair and rule asks. */
  private final Map<String, Integer> missing = new HashMap<>();

  /**
   * A rule's threshold for one model, on the oriented scale, and the cases its accuracy is measured
   * on (null: every case the model scored).
   */
  private record RuleThreshold(double oriented, boolean @Nullable [] cases) {}

  private Evaluator(Cohort cohort, EvaluationSpec spec) {
    this.cohort = cohort;
    this.spec = spec;
    this.truth = cohort.truth();
    cohort.models().forEach(model -> missing.put(model.name(), model.missing()));
  }

  private int missing(ModelScores model) {
    return Objects.requireNonNull(missing.get(model.name()), model.name());
  }

  /**
   * Runs the evaluation.
   *
   * @param progress told of bootstrap replicates done across all models
   * @throws IllegalArgumentException if an operating-point rule names an unknown model or reader, or
   *     a model lacks one of the classes on the cases it scored
   */
  public static EvaluationResult evaluate(Cohort cohort, EvaluationSpec spec, ProgressListener progress) {
    return new Evaluator(cohort, spec).run(progress);
  }

  private EvaluationResult run(ProgressListener progress) {
    checkRulesNameKnownColumns();
    List<ModelScores> models = cohort.models();
    Placements[] placements = new Placements[models.size()];
    RocCurve[] curves = new RocCurve[models.size()];
    for (ModelScores model : models) {
      requireBothClasses(model);
    }
    IntStream.range(0, models.size()).parallel().forEach(k -> {
      // both classes are present (requireBothClasses), so there are placements
      placements[k] = Objects.requireNonNull(placementsOn(models.get(k), presentMask(models.get(k), null)));
      curves[k] = RocCurve.of(placements[k]);
    });
    RuleThreshold[][] thresholds = thresholds(curves);
    long totalReplicates = (long) spec.bootstrapReplicates() * models.size();
    AtomicLong done = new AtomicLong();
    ProgressListener shared = (d, t) -> progress.progress(done.incrementAndGet(), totalReplicates);
    AucEstimate[] bootstrap = new AucEstimate[models.size()];
    if (spec.bootstrapReplicates() > 0) {
      IntStream.range(0, models.size())
          .parallel()
          .forEach(k -> bootstrap[k] = bootstrap(models.get(k), placements[k], shared));
    }
    byte[][][] decisions = decisions(thresholds);
    List<ModelResult> modelResults = eachInParallel(models.size(),
        (k, modelNotes) -> modelResult(k, placements[k], curves[k], thresholds, decisions, bootstrap[k], modelNotes));
    List<AucComparison> comparisons = aucComparisons(List.of(placements));
    return new EvaluationResult(
        cohort.size(),
        cohort.positives(),
        cohort.negatives(),
        modelResults,
        comparisons,
        readerResults(),
        decisionComparisons(thresholds, decisions),
        spec,
        notes);
  }

  /**
   * Computes {@code count} items on all cores; each gets its own list for notes, and the notes are
   * added afterwards in the items' order, so that neither results nor notes depend on the threads.
   */
  private <T> List<T> eachInParallel(int count, BiFunction<Integer, List<String>, T> compute) {
    List<List<String>> itemNotes = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      itemNotes.add(new ArrayList<>());
    }
    Object[] items = new Object[count];
    IntStream.range(0, count).parallel().forEach(k -> items[k] = compute.apply(k, itemNotes.get(k)));
    itemNotes.forEach(notes::addAll);
    List<T> results = new ArrayList<>();
    for (Object item : items) {
      @SuppressWarnings("unchecked") // each is compute's result
      T result = (T) item;
      results.add(result);
    }
    return results;
  }

  private void requireBothClasses(ModelScores model) {
    boolean complete = missing(model) == 0; // then the classes are the cohort's: no need to count
    int m = complete ? cohort.positives() : 0;
    int n = complete ? cohort.negatives() : 0;
    for (int i = 0; i < cohort.size() && !complete; i++) {
      if (model.present(i)) {
        if (cohort.truth(i)) {
          m++;
        } else {
          n++;
        }
      }
    }
    if (m == 0 || n == 0) {
      throw new IllegalArgumentException("model " + model.name() + " has scores for " + m + " positive and " + n
          + " negative cases; it needs both classes (check its missing scores)");
    }
  }

  /** Each rule's threshold for each model, computed once: [rule][model]; null where none applies. */
  private RuleThreshold[][] thresholds(RocCurve[] curves) {
    List<OperatingPointRule> rules = spec.operatingPoints();
    RuleThreshold[][] thresholds = new RuleThreshold[rules.size()][curves.length];
    for (int r = 0; r < rules.size(); r++) {
      for (int k = 0; k < curves.length; k++) {
        ModelScores model = cohort.models().get(k);
        if (rules.get(r).appliesTo(model.name())) {
          thresholds[r][k] = threshold(model, rules.get(r), curves[k]);
        }
      }
    }
    return thresholds;
  }

  private void checkRulesNameKnownColumns() {
    for (OperatingPointRule rule : spec.operatingPoints()) {
      if (rule instanceof OperatingPointRule.ReaderSpecificity r && reader(r.reader()) == null) {
        throw new IllegalArgumentException("operating point '" + rule.describe() + "' names no known reader");
      }
      if (rule instanceof OperatingPointRule.ModelThresholds m) {
        for (String name : m.thresholds().keySet()) {
          if (model(name) == null) {
            throw new IllegalArgumentException("operating point '" + rule.describe() + "' names unknown model " + name);
          }
        }
      }
    }
  }

  /**
   * The bootstrap stream of a model is seeded from the run's seed and the model's name, so a
   * model's interval does not change when other models are added or reordered.
   */
  private AucEstimate bootstrap(ModelScores model, Placements p, ProgressListener progress) {
    long seed = spec.seed() ^ (0x9E3779B97F4A7C15L * (model.name().hashCode() + 1L));
    double[] aucs = StratifiedBootstrap.replicateAucs(p, spec.bootstrapReplicates(), seed, progress);
    return StratifiedBootstrap.percentileInterval(p, aucs, spec.ciLevel());
  }

  /** Each model's decisions at each rule's threshold, [rule][model], computed once; null where no threshold applies. */
  private byte[][][] decisions(RuleThreshold[][] thresholds) {
    List<ModelScores> models = cohort.models();
    byte[][][] decisions = new byte[thresholds.length][models.size()][];
    IntStream.range(0, thresholds.length * models.size()).parallel().forEach(rk -> {
      int r = rk / models.size();
      int k = rk % models.size();
      RuleThreshold threshold = thresholds[r][k];
      if (threshold != null) {
        decisions[r][k] = modelDecisions(models.get(k), threshold.oriented());
      }
    });
    return decisions;
  }

  private ModelResult modelResult(int k, Placements p, RocCurve curve, RuleThreshold[][] thresholds, byte[][][] decisions,
      AucEstimate bootstrap, List<String> notes) {
    ModelScores model = cohort.models().get(k);
    List<ModelResult.RocCurvePoint> roc = new ArrayList<>();
    for (RocPoint point : curve.thinned(spec.rocPoints())) {
      roc.add(new ModelResult.RocCurvePoint(userUnits(model, point.threshold()), curve.sensitivity(point),
          curve.specificity(point), ProportionIntervals.interval(point.truePositives(), curve.positives(),
              spec.proportionCi(), spec.ciLevel())));
    }
    List<OperatingPoint> points = new ArrayList<>();
    for (int r = 0; r < thresholds.length; r++) {
      RuleThreshold threshold = thresholds[r][k];
      if (threshold == null) {
        continue;
      }
      DecisionMetrics metrics = counts(decisions[r][k], threshold.cases())
          .metrics(spec.proportionCi(), spec.ciLevel());
      points.add(new OperatingPoint(spec.operatingPoints().get(r), userUnits(model, threshold.oriented()),
          model.higherIsPositive(), metrics));
    }
    AucEstimate auc = DeLong.auc(p, spec.ciLevel());
    if (auc.ci() == null) {
      notes.add(model.name() + ": a single " + (p.positives() < 2 ? "positive" : "negative")
          + " case, so the DeLong variance and interval cannot be estimated");
    }
    return new ModelResult(model.name(), model.higherIsPositive(), missing(model), auc, bootstrap, roc, points);
  }

  /** The rule's threshold on the oriented scale (higher = more suspicious, positive if ≥), or null. */
  private @Nullable RuleThreshold threshold(ModelScores model, OperatingPointRule rule, RocCurve modelCurve) {
    if (rule instanceof OperatingPointRule.FixedThreshold f) {
      return new RuleThreshold(model.higherIsPositive() ? f.threshold() : -f.threshold(), null);
    }
    if (rule instanceof OperatingPointRule.ModelThresholds m) {
      double t = Objects.requireNonNull(m.thresholds().get(model.name()), "a threshold for " + model.name());
      return new RuleThreshold(model.higherIsPositive() ? t : -t, null);
    }
    if (rule instanceof OperatingPointRule.TargetSensitivity s) {
      return new RuleThreshold(modelCurve.atSensitivity(s.target()).threshold(), null);
    }
    if (rule instanceof OperatingPointRule.TargetSpecificity s) {
      return new RuleThreshold(modelCurve.atSpecificity(s.target()).threshold(), null);
    }
    OperatingPointRule.ReaderSpecificity r = (OperatingPointRule.ReaderSpecificity) rule;
    ReaderDecisions reader = Objects.requireNonNull(reader(r.reader()), r.reader());
    boolean complete = missing(model) == 0 && reader.missing() == 0;
    boolean[] both = presentMask(model, reader);
    ConfusionCounts readerCounts = counts(reader.decisions(), both);
    Placements shared = complete ? null : placementsOn(model, both);
    if (!complete && shared == null || readerCounts.trueNegatives() + readerCounts.falsePositives() == 0) {
      notes.add(model.name() + " at the specificity of " + reader.name() + ": the cases both have hold no case of one"
          + " class, so the operating point cannot be matched");
      return null;
    }
    double readerSpecificity = readerCounts.metrics(spec.proportionCi(), spec.ciLevel()).specificity().estimate();
    RocCurve curve = complete ? modelCurve : RocCurve.of(Objects.requireNonNull(shared));
    return new RuleThreshold(curve.atSpecificity(readerSpecificity).threshold(), complete ? null : both);
  }

  /** A threshold in the model's own units; −0 is shown as 0. */
  private static double userUnits(ModelScores model, double oriented) {
    double t = model.higherIsPositive() ? oriented : -oriented;
    return t == 0 ? 0.0 : t;
  }

  private List<AucComparison> aucComparisons(List<Placements> placements) {
    List<ModelScores> models = cohort.models();
    List<int[]> pairs = new ArrayList<>();
    for (int a = 0; a < models.size(); a++) {
      for (int b = a + 1; b < models.size(); b++) {
        pairs.add(new int[] {a, b});
      }
    }
    List<DeLong.PairedAucTest> tests = eachInParallel(pairs.size(), (k, pairNotes) -> {
      int a = pairs.get(k)[0];
      int b = pairs.get(k)[1];
      return pairedTest(models.get(a), placements.get(a), models.get(b), placements.get(b), pairNotes);
    });
    double[] holm = Holm.adjustIgnoringNaN(tests.stream().mapToDouble(DeLong.PairedAucTest::p).toArray());
    List<AucComparison> comparisons = new ArrayList<>();
    for (int k = 0; k < tests.size(); k++) {
      comparisons.add(new AucComparison(
          models.get(pairs.get(k)[0]).name(), models.get(pairs.get(k)[1]).name(), tests.get(k), holm[k]));
    }
    return comparisons;
  }

  private DeLong.PairedAucTest pairedTest(ModelScores first, Placements firstAll, ModelScores second, Placements secondAll,
      List<String> notes) {
    String pair = first.name() + " vs " + second.name();
    DeLong.PairedAucTest test;
    if (missing(first) == 0 && missing(second) == 0) {
      test = DeLong.paired(firstAll, secondAll, spec.ciLevel());
    } else {
      boolean[] both = presentMask(first, null);
      boolean[] secondPresent = presentMask(second, null);
      for (int i = 0; i < both.length; i++) {
        both[i] &= secondPresent[i];
      }
      Placements a = placementsOn(first, both);
      Placements b = placementsOn(second, both);
      if (a == null || b == null) {
        notes.add(pair + ": the cases both models scored hold no case of one class; the AUCs cannot be compared");
        return new DeLong.PairedAucTest(Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, Double.NaN, Double.NaN, 0, 0);
      }
      test = DeLong.paired(a, b, spec.ciLevel());
    }
    if (Double.isNaN(test.standardError())) {
      notes.add(pair + ": a single case of one class among the shared cases; the paired test cannot be computed");
    } else if (test.standardError() == 0) {
      notes.add(String.format(Locale.ROOT, "%s: the DeLong standard error of the difference is 0 (the two models order"
          + " every positive-negative pair alike, or one model ranks them all equally); z and p are degenerate", pair));
    }
    return test;
  }

  private List<ReaderResult> readerResults() {
    List<ReaderResult> results = new ArrayList<>();
    for (ReaderDecisions reader : cohort.readers()) {
      DecisionMetrics metrics = counts(reader.decisions(), null).metrics(spec.proportionCi(), spec.ciLevel());
      results.add(new ReaderResult(reader.name(), reader.missing(), metrics));
    }
    return results;
  }

  /**
   * At every rule: each model against each reader (for a reader-specificity rule, against that
   * reader only), then each pair of models.
   */
  private List<DecisionComparison> decisionComparisons(RuleThreshold[][] thresholds, byte[][][] modelDecisions) {
    record Pair(OperatingPointRule rule, String firstName, byte[] first, String secondName, byte[] second) {}
    List<Pair> pairs = new ArrayList<>();
    List<ModelScores> models = cohort.models();
    for (int r = 0; r < thresholds.length; r++) {
      OperatingPointRule rule = spec.operatingPoints().get(r);
      List<String> names = new ArrayList<>();
      List<Integer> ks = new ArrayList<>();
      for (int k = 0; k < models.size(); k++) {
        if (thresholds[r][k] != null) {
          names.add(models.get(k).name());
          ks.add(k);
        }
      }
      byte[][] decisions = new byte[ks.size()][];
      for (int k = 0; k < ks.size(); k++) {
        decisions[k] = modelDecisions[r][ks.get(k)];
      }
      for (int k = 0; k < names.size(); k++) {
        for (ReaderDecisions reader : cohort.readers()) {
          if (rule instanceof OperatingPointRule.ReaderSpecificity rs && !rs.reader().equals(reader.name())) {
            continue;
          }
          pairs.add(new Pair(rule, names.get(k), decisions[k], reader.name(), reader.decisions()));
        }
      }
      for (int a = 0; a < names.size(); a++) {
        for (int b = a + 1; b < names.size(); b++) {
          pairs.add(new Pair(rule, names.get(a), decisions[a], names.get(b), decisions[b]));
        }
      }
    }
    DecisionComparison[] comparisons = new DecisionComparison[pairs.size()];
    IntStream.range(0, pairs.size()).parallel().forEach(k -> {
      Pair pair = pairs.get(k);
      comparisons[k] = compare(pair.rule(), pair.firstName(), pair.first(), pair.secondName(), pair.second());
    });
    return List.of(comparisons);
  }

  private DecisionComparison compare(OperatingPointRule rule, String firstName, byte[] first, String secondName, byte[] second) {
    @Nullable PairedRateComparison[] rates = PairedRates.compare(first, second, truth, spec);
    return new DecisionComparison(rule, firstName, secondName, rates[0], rates[1]);
  }

  private byte[] modelDecisions(ModelScores model, double orientedThreshold) {
    byte[] decisions = new byte[cohort.size()];
    for (int i = 0; i < decisions.length; i++) {
      if (!model.present(i)) {
        decisions[i] = ReaderDecisions.MISSING;
      } else {
        decisions[i] = model.oriented(i) >= orientedThreshold ? ReaderDecisions.POSITIVE : ReaderDecisions.NEGATIVE;
      }
    }
    return decisions;
  }

  /** Confusion counts over the cases with a decision (and, if a mask is given, inside it). */
  private ConfusionCounts counts(byte[] decisions, boolean @Nullable [] mask) {
    int tp = 0;
    int fn = 0;
    int tn = 0;
    int fp = 0;
    for (int i = 0; i < decisions.length; i++) {
      if (decisions[i] == ReaderDecisions.MISSING || (mask != null && !mask[i])) {
        continue;
      }
      boolean called = decisions[i] == ReaderDecisions.POSITIVE;
      if (truth[i]) {
        if (called) {
          tp++;
        } else {
          fn++;
        }
      } else if (called) {
        fp++;
      } else {
        tn++;
      }
    }
    return new ConfusionCounts(tp, fn, tn, fp);
  }

  /** Cases where the model has a score and, if a reader is given, the reader a decision. */
  private boolean[] presentMask(ModelScores model, @Nullable ReaderDecisions reader) {
    boolean[] mask = new boolean[cohort.size()];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = model.present(i) && (reader == null || reader.decision(i) != ReaderDecisions.MISSING);
    }
    return mask;
  }

  /** Placements of the model's oriented scores on the masked cases, in case order; null if a class is absent. */
  private @Nullable Placements placementsOn(ModelScores model, boolean[] mask) {
    int m = 0;
    int n = 0;
    for (int i = 0; i < mask.length; i++) {
      if (mask[i]) {
        if (truth[i]) {
          m++;
        } else {
          n++;
        }
      }
    }
    if (m == 0 || n == 0) {
      return null;
    }
    double[] positives = new double[m];
    double[] negatives = new double[n];
    m = 0;
    n = 0;
    for (int i = 0; i < mask.length; i++) {
      if (mask[i]) {
        if (truth[i]) {
          positives[m++] = model.oriented(i);
        } else {
          negatives[n++] = model.oriented(i);
        }
      }
    }
    return Placements.of(positives, negatives);
  }

  private @Nullable ModelScores model(String name) {
    return cohort.models().stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
  }

  private @Nullable ReaderDecisions reader(String name) {
    return cohort.readers().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
  }
}

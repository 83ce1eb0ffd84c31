package org.radtrial.core.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.roc.SortedArrays;
import org.radtrial.core.stat.InvalidSetting;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.ProgressListener;

/**
 * The virtual trial behind {@code radtrial simulate}: every strategy, for every model, at every
 * threshold, against the programme as recorded, with bootstrap intervals and paired differences
 * from the same bootstrap samples. Pure computation: no I/O.
 */
public final class Simulator {
  private final ScreeningExams exams;
  private final Programme programme;
  private final SimulationSpec spec;
  private final int[] codes;
  private final boolean[] possible = new boolean[HumanReading.CODES];
  private final List<String> notes = new ArrayList<>();
  private final Map<Strategy, String> notSimulated = new EnumMap<>(Strategy.class);
  private final List<Strategy> strategies = new ArrayList<>();
  // set by run() before anything reads them
  @SuppressWarnings("NullAway.Init")
  private Assumption assumption;
  @SuppressWarnings("NullAway.Init")
  private String calibration;

  private Simulator(ScreeningExams exams, Programme programme, SimulationSpec spec) {
    this.exams = exams;
    this.programme = programme;
    this.spec = spec;
    this.codes = codes();
  }

  public static SimulationResult run(ScreeningExams exams, Programme programme, SimulationSpec spec, ProgressListener progress) {
    return new Simulator(exams, programme, spec).run(progress);
  }

  private int[] codes() {
    boolean recorded = programme.doubleReading() && programme.arbitration() == Programme.Arbitration.RECORDED;
    if (programme.doubleReading() && exams.reader2() == null) {
      throw new IllegalArgumentException("the programme double reads, but no second reader's decisions were given");
    }
    if (recorded && exams.arbitration() == null) {
      throw new IllegalArgumentException("the programme's arbitration is 'recorded', but no arbitration column was given;"
          + " name it, or set the programme's arbitration to either_recalls or both_recall");
    }
    int[] result = new int[exams.size()];
    int concordantWithArbitration = 0;
    for (int i = 0; i < result.length; i++) {
      boolean r2 = exams.reader2() != null && exams.reader2()[i];
      int arbitration = exams.arbitration() == null ? -1 : exams.arbitration()[i];
      if (recorded && exams.reader1()[i] != r2 && arbitration < 0) {
        throw new IllegalArgumentException("row " + (i + 1) + " of the case table: the readers disagree but no arbitration"
            + " outcome is recorded; fill in the arbitration column for every discordant exam");
      }
      boolean a1 = exams.assisted1() != null && exams.assisted1()[i];
      boolean a2 = exams.assisted2() != null && exams.assisted2()[i];
      if (programme.doubleReading() && exams.reader1()[i] == r2 && arbitration >= 0) {
        concordantWithArbitration++;
        arbitration = -1;
      }
      result[i] = HumanReading.code(exams.cancer()[i], exams.reader1()[i], r2, arbitration, a1, a2);
      possible[result[i]] = true;
    }
    if (concordantWithArbitration > 0) {
      notes.add(concordantWithArbitration + " exams where the readers agreed carry an arbitration value; it is ignored:"
          + " the readers' agreement decides them, as in the programme as recorded");
    }
    return result;
  }

  private SimulationResult run(ProgressListener progress) {
    if (spec.sweepPoints() == 0) {
      for (String model : exams.modelNames()) {
        if (spec.thresholds().getOrDefault(model, List.of()).isEmpty()) {
          throw new InvalidSetting(InvalidSetting.Setting.SWEEP, "no thresholds are swept, so model " + model + " has no"
              + " threshold; sweep some, or give " + model + " a threshold");
        }
      }
    }
    chooseStrategies();
    assumption = spec.assumption() != null ? spec.assumption() : calibratedAssumption();
    if (spec.assumption() != null) {
      calibration = "given by the user";
    }
    OutcomeTable table = new OutcomeTable(strategies, programme, assumption, possible);
    Map<SimulationMetric, SimulationResult.Estimate> baseline = baseline(table);
    List<SimulationResult.ModelSimulation> models = new ArrayList<>();
    List<SimulationResult.Selection> selections = new ArrayList<>();
    List<SimulationResult.SensitivityRow> sensitivity = new ArrayList<>();
    List<SimulationResult.SubgroupEffect> subgroups = new ArrayList<>();
    long total = (long) exams.modelNames().size() * Math.max(1, spec.bootstrap());
    long[] done = {0};
    for (int m = 0; m < exams.modelNames().size(); m++) {
      ModelRun run = new ModelRun(m, table);
      ProgressListener modelProgress = (d, t) -> progress.progress(++done[0], total);
      SimulationResult.ModelSimulation simulated = run.simulate(modelProgress);
      Map<Strategy, List<SimulationResult.ThresholdOfInterest>> interest = new LinkedHashMap<>();
      List<Integer> interesting = new ArrayList<>();
      for (int s = 1; s < strategies.size(); s++) {
        SimulationResult.Selection selection = run.select(s);
        if (selection != null) {
          selections.add(selection);
        }
        List<SimulationResult.ThresholdOfInterest> chosen = thresholdsOfInterest(simulated, selection, baseline);
        interest.put(strategies.get(s), chosen);
        for (SimulationResult.ThresholdOfInterest t : chosen) {
          if (t.reason() != SimulationResult.ThresholdOfInterest.Reason.CLOSEST && !interesting.contains(t.index())) {
            interesting.add(t.index());
          }
        }
      }
      models.add(new SimulationResult.ModelSimulation(simulated.model(), simulated.thresholds(), simulated.curves(), interest));
      sensitivity.addAll(run.sensitivity());
      subgroups.addAll(run.subgroups(interesting, table));
    }
    return new SimulationResult(programme, assumption, calibration, exams.size(), countCancers(), baseline, models,
        notSimulated, selections, sensitivity, subgroups, notes);
  }

  /**
   * The thresholds of interest of one model and strategy: the constraints' choice, the user's, and
   * without either the sweep point whose flag rate is closest to the baseline's recall rate.
   */
  private static List<SimulationResult.ThresholdOfInterest> thresholdsOfInterest(SimulationResult.ModelSimulation m,
      SimulationResult.@Nullable Selection selection, Map<SimulationMetric, SimulationResult.Estimate> baseline) {
    List<SimulationResult.ThresholdOfInterest> chosen = new ArrayList<>();
    if (selection != null && selection.threshold() >= 0) {
      chosen.add(new SimulationResult.ThresholdOfInterest(selection.threshold(), SimulationResult.ThresholdOfInterest.Reason.CONSTRAINTS));
    }
    for (int j = 0; j < m.thresholds().size(); j++) {
      int index = j;
      if (m.thresholds().get(j).userGiven() && chosen.stream().noneMatch(c -> c.index() == index)) {
        chosen.add(new SimulationResult.ThresholdOfInterest(j, SimulationResult.ThresholdOfInterest.Reason.USER));
      }
    }
    if (chosen.isEmpty() && !m.thresholds().isEmpty()) {
      double recall = Objects.requireNonNull(baseline.get(SimulationMetric.RECALL_RATE)).value();
      int best = 0;
      for (int j = 1; j < m.thresholds().size(); j++) {
        if (Math.abs(m.thresholds().get(j).flagRate() - recall) < Math.abs(m.thresholds().get(best).flagRate() - recall)) {
          best = j;
        }
      }
      chosen.add(new SimulationResult.ThresholdOfInterest(best, SimulationResult.ThresholdOfInterest.Reason.CLOSEST));
    }
    return chosen;
  }

  private void chooseStrategies() {
    strategies.add(Strategy.BASELINE);
    for (Strategy s : spec.strategies()) {
      if (s == Strategy.BASELINE || strategies.contains(s)) {
        continue;
      }
      if (s == Strategy.CONCURRENT_ASSISTANCE && !exams.hasAssistedReads()) {
        notSimulated.put(s, "cannot be simulated from retrospective data: how readers decide with the AI's marks on screen"
            + " was never recorded (the unaided decisions say nothing about it). Give the AI-assisted decisions as columns"
            + " (from a reader study or a prospective period), or run a reader study (radtrial mrmc).");
        continue;
      }
      if (s == Strategy.CONCURRENT_ASSISTANCE && programme.doubleReading() && exams.assisted2() == null) {
        throw new IllegalArgumentException("a double-reading programme needs both readers' AI-assisted decisions for"
            + " concurrent_assistance");
      }
      if (s == Strategy.TRIAGE && !programme.doubleReading()) {
        notSimulated.put(s, "needs a double-reading programme: triage sends high-scoring exams to a second reader");
        continue;
      }
      strategies.add(s);
    }
    if (strategies.contains(Strategy.REPLACE_SECOND_READER) && !programme.doubleReading()) {
      notes.add("replace_second_reader in a single-reading programme adds the AI as a second reader");
    }
  }

  /** Arbitration outcomes of the recorded discordances, split by truth. */
  private Assumption calibratedAssumption() {
    long[] perCode = new long[HumanReading.CODES];
    for (int code : codes) {
      perCode[code]++;
    }
    long[][] counts = arbitrationCounts(perCode);
    if (counts[0][1] == 0 || counts[1][1] == 0) {
      boolean needed = strategies.stream().anyMatch(this::usesAssumption);
      if (needed) {
        throw new InvalidSetting(InvalidSetting.Setting.ASSUMPTION, "the data record no arbitration of a discordant exam " + (counts[1][1] == 0
            ? "with cancer" : "without cancer") + ", so the assumption for unrecorded decisions cannot be calibrated; give"
            + " it (always, never, P or P_CANCER:P_NORMAL), or leave out the strategies that need it");
      }
    }
    calibration = String.format(Locale.ROOT, "recorded arbitrations recalled %d of %d discordant exams with cancer and"
        + " %d of %d without", counts[1][0], counts[1][1], counts[0][0], counts[0][1]);
    return calibrated(perCode);
  }

  /** {recalled, arbitrated} of the recorded discordances without [0] and with [1] cancer, from counts per code. */
  private long[][] arbitrationCounts(long[] perCode) {
    long[][] counts = new long[2][2];
    for (int code = 0; code < perCode.length; code++) {
      boolean discordant = programme.doubleReading() && HumanReading.reader1(code) != HumanReading.reader2(code);
      if (discordant && HumanReading.arbitration(code) >= 0 && perCode[code] > 0) {
        int t = HumanReading.cancer(code) ? 1 : 0;
        counts[t][1] += perCode[code];
        counts[t][0] += HumanReading.arbitration(code) * perCode[code];
      }
    }
    return counts;
  }

  /** The calibrated assumption of these counts (0.5 where a class has no recorded arbitration). */
  private Assumption calibrated(long[] perCode) {
    long[][] c = arbitrationCounts(perCode);
    double cancer = c[1][1] == 0 ? 0.5 : c[1][0] / (double) c[1][1];
    double normal = c[0][1] == 0 ? 0.5 : c[0][0] / (double) c[0][1];
    return new Assumption("calibrated", cancer, normal,
        "an unrecorded arbitration or extra review recalls with the probability recorded arbitrations had, by truth: "
            + (calibration == null ? "" : calibration) + "; re-estimated in every bootstrap replicate");
  }

  private boolean usesAssumption(Strategy s) {
    return s.needsAssumption()
        || (s == Strategy.CONCURRENT_ASSISTANCE && programme.doubleReading() && programme.arbitration() == Programme.Arbitration.RECORDED);
  }

  private int countCancers() {
    int c = 0;
    for (boolean b : exams.cancer()) {
      c += b ? 1 : 0;
    }
    return c;
  }

  /** The recorded programme's metrics with bootstrap intervals (no threshold involved). */
  private Map<SimulationMetric, SimulationResult.Estimate> baseline(OutcomeTable table) {
    int[] none = new int[codes.length];
    ExamTypes types = ExamTypes.of(codes, none, 2, null);
    Counters observed = types.counters(types.counts, table)[0][0];
    Map<SimulationMetric, double[]> replicates = new EnumMap<>(SimulationMetric.class);
    for (SimulationMetric metric : SimulationMetric.values()) {
      replicates.put(metric, new double[spec.bootstrap()]);
    }
    Multinomial multinomial = new Multinomial(types.counts);
    SplittableRandom random = new SplittableRandom(spec.seed());
    int[] draw = new int[types.counts.length];
    for (int r = 0; r < spec.bootstrap(); r++) {
      multinomial.draw(random, draw);
      Counters c = types.counters(draw, table)[0][0];
      for (SimulationMetric metric : SimulationMetric.values()) {
        Objects.requireNonNull(replicates.get(metric))[r] = metric.value(c, c, programme);
      }
    }
    Map<SimulationMetric, SimulationResult.Estimate> result = new EnumMap<>(SimulationMetric.class);
    for (SimulationMetric metric : SimulationMetric.values()) {
      result.put(metric, new SimulationResult.Estimate(metric.value(observed, observed, programme),
          percentile(Objects.requireNonNull(replicates.get(metric))), 0, null));
    }
    return result;
  }

  @Nullable Interval percentile(double[] values) {
    double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
    if (finite.length < 2 || finite.length < values.length * 0.99) {
      return null;
    }
    Arrays.sort(finite);
    double alpha = 1 - spec.ciLevel();
    return new Interval(SortedArrays.quantileType7(finite, alpha / 2), SortedArrays.quantileType7(finite, 1 - alpha / 2), spec.ciLevel());
  }

  /** Sweep quantile levels: 25 evenly from 0.04 to 0.96, then 25 into the upper tail up to 0.999. */
  static double[] sweepLevels(int points) {
    if (points == 0) {
      return new double[0];
    }
    int linear = (points + 1) / 2;
    int tail = points - linear;
    double[] levels = new double[points];
    for (int k = 0; k < linear; k++) {
      levels[k] = linear == 1 ? 0.5 : 0.04 + 0.92 * k / (linear - 1);
    }
    for (int k = 0; k < tail; k++) {
      double upper = Math.log10(0.035);
      double lower = Math.log10(0.001);
      double exponent = tail == 1 ? lower : upper + (lower - upper) * k / (tail - 1);
      levels[linear + k] = 1 - Math.pow(10, exponent);
    }
    return levels;
  }

  /** One model's simulation. */
  private final class ModelRun {
    private final int m;
    private final String name;
    private final OutcomeTable table;
    private final double[] scores;
    private final double[] thresholds;
    private final boolean[] userGiven;
    private final int[] bucket;
    private final ExamTypes types;
    // both set by measure(), before anything reads them
    @SuppressWarnings("NullAway.Init")
    private Counters[][] observed;
    @SuppressWarnings("NullAway.Init")
    private List<Map<SimulationMetric, SimulationResult.Estimate>>[] curves;

    ModelRun(int m, OutcomeTable table) {
      this.m = m;
      this.name = exams.modelNames().get(m);
      this.table = table;
      this.scores = exams.models().get(m);
      double[] sorted = scores.clone();
      Arrays.sort(sorted);
      TreeSet<Double> all = new TreeSet<>();
      for (double q : sweepLevels(spec.sweepPoints())) {
        all.add(sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)]);
      }
      List<Double> given = spec.thresholds().getOrDefault(name, List.of());
      all.addAll(given);
      thresholds = all.stream().mapToDouble(Double::doubleValue).toArray();
      userGiven = new boolean[thresholds.length];
      for (int j = 0; j < thresholds.length; j++) {
        userGiven[j] = given.contains(thresholds[j]);
      }
      bucket = new int[scores.length];
      for (int i = 0; i < scores.length; i++) {
        bucket[i] = SortedArrays.upperBound(thresholds, scores[i]);
      }
      types = ExamTypes.of(codes, bucket, thresholds.length + 1, null);
    }

    List<Integer> userThresholds() {
      List<Integer> indices = new ArrayList<>();
      for (int j = 0; j < thresholds.length; j++) {
        if (userGiven[j]) {
          indices.add(j);
        }
      }
      return indices;
    }

    @SuppressWarnings("unchecked")
    SimulationResult.ModelSimulation simulate(ProgressListener progress) {
      observed = types.counters(types.counts, table);
      int strategyCount = strategies.size();
      int thresholdCount = thresholds.length;
      SimulationMetric[] metrics = SimulationMetric.values();
      int replicates = spec.bootstrap();
      float[][][][] values = new float[strategyCount][thresholdCount][metrics.length][replicates];
      float[][][][] differences = new float[strategyCount][thresholdCount][metrics.length][replicates];
      Multinomial multinomial = new Multinomial(types.counts);
      SplittableRandom random = new SplittableRandom(spec.seed() ^ (0x9E3779B97F4A7C15L * (name.hashCode() + 1L)));
      int[] draw = new int[types.counts.length];
      boolean recalibrate = spec.assumption() == null;
      long[] perCode = new long[HumanReading.CODES];
      for (int r = 0; r < replicates; r++) {
        multinomial.draw(random, draw);
        OutcomeTable replicateTable = table;
        if (recalibrate) {
          java.util.Arrays.fill(perCode, 0);
          for (int cell = 0; cell < draw.length; cell++) {
            perCode[cell / types.buckets] += draw[cell];
          }
          replicateTable = new OutcomeTable(strategies, programme, calibrated(perCode), possible);
        }
        Counters[][] c = types.counters(draw, replicateTable);
        Counters base = c[0][0];
        for (int s = 0; s < strategyCount; s++) {
          for (int j = 0; j < thresholdCount; j++) {
            for (int k = 0; k < metrics.length; k++) {
              double v = metrics[k].value(c[s][j], base, programme);
              values[s][j][k][r] = (float) v;
              differences[s][j][k][r] = (float) (v - metrics[k].value(base, base, programme));
            }
          }
        }
        progress.progress(r + 1, replicates);
      }
      Map<Strategy, List<Map<SimulationMetric, SimulationResult.Estimate>>> byStrategy = new LinkedHashMap<>();
      curves = new List[strategyCount];
      Counters base = observed[0][0];
      for (int s = 1; s < strategyCount; s++) {
        List<Map<SimulationMetric, SimulationResult.Estimate>> curve = new ArrayList<>();
        for (int j = 0; j < thresholdCount; j++) {
          Map<SimulationMetric, SimulationResult.Estimate> point = new EnumMap<>(SimulationMetric.class);
          for (int k = 0; k < metrics.length; k++) {
            double v = metrics[k].value(observed[s][j], base, programme);
            point.put(metrics[k], new SimulationResult.Estimate(v, percentile(toDouble(values[s][j][k])),
                v - metrics[k].value(base, base, programme), percentile(toDouble(differences[s][j][k]))));
          }
          curve.add(point);
        }
        curves[s] = curve;
        byStrategy.put(strategies.get(s), curve);
      }
      checkCapacity();
      List<SimulationResult.Threshold> list = new ArrayList<>();
      for (int j = 0; j < thresholdCount; j++) {
        double flagged = 0;
        for (int i = 0; i < scores.length; i++) {
          flagged += bucket[i] > j ? 1 : 0;
        }
        list.add(new SimulationResult.Threshold(thresholds[j], flagged / scores.length, userGiven[j]));
      }
      return new SimulationResult.ModelSimulation(name, list, byStrategy, Map.of());
    }

    private void checkCapacity() {
      if (programme.arbitrationCapacityPer1000() <= 0) {
        return;
      }
      Counters base = observed[0][0];
      double baseLoad = 1000 * (base.arbitrations() + base.reviews()) / base.exams();
      String capacityNote = String.format(Locale.ROOT, "the programme as recorded needs %.1f arbitrations per 1,000 exams"
          + " against a capacity of %.1f", baseLoad, programme.arbitrationCapacityPer1000());
      if (!notes.contains(capacityNote)) {
        notes.add(capacityNote);
      }
      for (int s = 1; s < strategies.size(); s++) {
        int over = 0;
        for (int j = 0; j < thresholds.length; j++) {
          Counters c = observed[s][j];
          over += 1000 * (c.arbitrations() + c.reviews()) / c.exams() > programme.arbitrationCapacityPer1000() ? 1 : 0;
        }
        if (over > 0) {
          notes.add(String.format(Locale.ROOT, "%s, %s: at %d of %d thresholds the arbitrations and reviews exceed the"
              + " capacity of %.1f per 1,000 exams", name, strategies.get(s).key(), over, thresholds.length,
              programme.arbitrationCapacityPer1000()));
        }
      }
    }

    /** The threshold meeting every constraint with the fewest reading hours (ties: more cancers found). */
    SimulationResult.@Nullable Selection select(int s) {
      if (spec.constraints().isEmpty()) {
        return null;
      }
      String text = String.join(",", spec.constraints().stream().map(Constraint::describe).toList());
      Counters base = observed[0][0];
      int best = -1;
      for (int j = 0; j < thresholds.length; j++) {
        Counters c = observed[s][j];
        boolean ok = true;
        for (Constraint constraint : spec.constraints()) {
          ok &= constraint.holds(constraint.metric().value(c, base, programme), constraint.metric().value(base, base, programme));
        }
        if (ok && (best < 0 || better(c, observed[s][best]))) {
          best = j;
        }
      }
      return new SimulationResult.Selection(name, strategies.get(s), text, best,
          best < 0 ? "no threshold of the sweep meets the constraints" : "fewest reading hours among the thresholds that meet them");
    }

    private boolean better(Counters a, Counters b) {
      double ha = SimulationMetric.hours(a, programme);
      double hb = SimulationMetric.hours(b, programme);
      return ha < hb - 1e-9 || (Math.abs(ha - hb) <= 1e-9 && a.detected() > b.detected());
    }

    /** Key metrics of the assumption-dependent strategies under each assumption, at every threshold. */
    List<SimulationResult.SensitivityRow> sensitivity() {
      List<SimulationResult.SensitivityRow> rows = new ArrayList<>();
      List<Assumption> alternatives = List.of(assumption, Assumption.alwaysRecall(), Assumption.neverRecall());
      for (Assumption alternative : alternatives) {
        OutcomeTable t = new OutcomeTable(strategies, programme, alternative, possible);
        Counters[][] c = types.counters(types.counts, t);
        for (int s = 1; s < strategies.size(); s++) {
          if (!usesAssumption(strategies.get(s))) {
            continue;
          }
          for (int j = 0; j < thresholds.length; j++) {
            Map<SimulationMetric, Double> metrics = new EnumMap<>(SimulationMetric.class);
            for (SimulationMetric metric : List.of(SimulationMetric.CDR, SimulationMetric.RECALL_RATE,
                SimulationMetric.DETECTED, SimulationMetric.RECALLS)) {
              metrics.put(metric, metric.value(c[s][j], c[0][0], programme));
            }
            rows.add(new SimulationResult.SensitivityRow(name, strategies.get(s), j, alternative.name(), metrics));
          }
        }
      }
      return rows;
    }

    /** Each strategy's effect per level of each group column, at the thresholds of interest. */
    List<SimulationResult.SubgroupEffect> subgroups(List<Integer> interesting, OutcomeTable table) {
      List<SimulationResult.SubgroupEffect> effects = new ArrayList<>();
      if (interesting.isEmpty()) {
        return effects;
      }
      SimulationMetric[] metrics = {SimulationMetric.CDR, SimulationMetric.RECALL_RATE, SimulationMetric.SENSITIVITY,
          SimulationMetric.READING_HOURS};
      for (GroupColumn column : spec.groups()) {
        for (int level = 0; level < column.levelCount(); level++) {
          int[] subset = subset(column, level);
          if (subset.length == 0) {
            continue;
          }
          ExamTypes local = ExamTypes.of(codes, bucket, thresholds.length + 1, subset);
          Counters[][] point = local.counters(local.counts, table);
          Multinomial multinomial = new Multinomial(local.counts);
          SplittableRandom random = new SplittableRandom(spec.seed() ^ (31L * level + column.name().hashCode()) ^ m);
          int[] draw = new int[local.counts.length];
          int replicates = spec.bootstrap();
          double[][][][] values = new double[strategies.size()][interesting.size()][metrics.length][replicates];
          double[][][][] differences = new double[strategies.size()][interesting.size()][metrics.length][replicates];
          for (int r = 0; r < replicates; r++) {
            multinomial.draw(random, draw);
            Counters[][] c = local.counters(draw, table);
            for (int s = 1; s < strategies.size(); s++) {
              for (int k = 0; k < interesting.size(); k++) {
                for (int q = 0; q < metrics.length; q++) {
                  double v = metrics[q].value(c[s][interesting.get(k)], c[0][0], programme);
                  values[s][k][q][r] = v;
                  differences[s][k][q][r] = v - metrics[q].value(c[0][0], c[0][0], programme);
                }
              }
            }
          }
          int cancers = (int) point[0][0].cancers();
          for (int s = 1; s < strategies.size(); s++) {
            for (int k = 0; k < interesting.size(); k++) {
              Map<SimulationMetric, SimulationResult.Estimate> estimates = new EnumMap<>(SimulationMetric.class);
              for (int q = 0; q < metrics.length; q++) {
                double v = metrics[q].value(point[s][interesting.get(k)], point[0][0], programme);
                estimates.put(metrics[q], new SimulationResult.Estimate(v, percentile(values[s][k][q]),
                    v - metrics[q].value(point[0][0], point[0][0], programme), percentile(differences[s][k][q])));
              }
              effects.add(new SimulationResult.SubgroupEffect(name, strategies.get(s), interesting.get(k), column.name(),
                  column.levels().get(level), subset.length, cancers, estimates));
            }
          }
        }
      }
      return effects;
    }

    private int[] subset(GroupColumn column, int level) {
      int[] codesOfColumn = column.codes();
      return java.util.stream.IntStream.range(0, codesOfColumn.length).filter(i -> codesOfColumn[i] == level).toArray();
    }
  }

  private static double[] toDouble(float[] values) {
    double[] d = new double[values.length];
    for (int k = 0; k < values.length; k++) {
      d[k] = values[k];
    }
    return d;
  }
}

package org.radtrial.core.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.binary.TwoProportions;
import java.util.stream.IntStream;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.evaluate.EvaluationResult;
import org.radtrial.core.multiplicity.BenjaminiHochberg;

/**
 * The subgroup and failure audit of every model of a cohort at its single deployed threshold:
 * per-subgroup performance with tested gaps, heterogeneity and equalized odds, failure-slice
 * discovery, confident errors, calibration, transport to a target population and shift from a
 * reference cohort. Pure computation: no I/O.
 */
public final class Auditor {
  /** More levels than this in one column make an unreadable audit (and a huge results.json). */
  static final int MAX_LEVELS = 100;

  private final Cohort cohort;
  private final AuditSpec spec;
  private final List<GroupColumn> columns = new ArrayList<>();

  private Auditor(Cohort cohort, AuditSpec spec) {
    this.cohort = cohort;
    this.spec = spec;
    for (String name : spec.groupColumns()) {
      List<String> values = cohort.metadata().get(name);
      if (values == null) {
        throw new IllegalArgumentException("--group names " + name + ", which is not one of the metadata columns "
            + cohort.metadata().keySet());
      }
      if (columns.stream().anyMatch(c -> c.name().equals(name))) {
        throw new IllegalArgumentException("--group names " + name + " twice");
      }
      GroupColumn column = GroupColumn.of(name, values, spec.bands().get(name));
      if (column.levelCount() > MAX_LEVELS) {
        throw new IllegalArgumentException("--group " + name + " has " + column.levelCount() + " levels; an audit needs at most "
            + MAX_LEVELS + " per column: band it (--bands), group its values, or leave it out");
      }
      columns.add(column);
    }
    for (String name : spec.bands().keySet()) {
      if (!spec.groupColumns().contains(name)) {
        throw new IllegalArgumentException("--bands names " + name + ", which is not a --group column");
      }
    }
  }

  /**
   * Runs the audit.
   *
   * @param rule the operating-point rule that chose the thresholds, for the record
   * @param orientedThresholds each model's threshold on the oriented scale (higher = more suspicious)
   * @param reference a reference cohort for the shift analysis, or null
   */
  public static AuditResult audit(Cohort cohort, AuditSpec spec, String rule, double[] orientedThresholds, Cohort reference) {
    return new Auditor(cohort, spec).run(rule, orientedThresholds, reference);
  }

  /**
   * Audits every model at the threshold it would be deployed with: the evaluation's first
   * operating-point rule ({@link EvaluationResult#deployedThresholds()}).
   *
   * @param reference a cohort to measure shift from, or null
   */
  public static AuditResult audit(Cohort cohort, AuditSpec spec, EvaluationResult evaluation, Cohort reference) {
    return audit(cohort, spec, evaluation.deployedRule().describe(), evaluation.deployedThresholds(), reference);
  }

  /**
   * Says when single-column groups hold too few cancers for the slice search to look for missed
   * cancers in them, so that "no failure slice found" is not read as "no weakness": how many, the
   * cancers a slice needs, and the size of cohort in which a group holding 10% of the cancers could be
   * searched.
   */
  private Optional<String> tooFewCancersToSearch(ModelView view, List<SubgroupRow> rows) {
    if (view.positives == 0) {
      return Optional.empty();
    }
    int minimum = spec.minimumSliceTrials();
    List<SubgroupRow> single = rows.stream()
        .filter(r -> r.model().equals(view.model.name()) && r.subgroup().depth() == 1).toList();
    List<SubgroupRow> unsearched = single.stream().filter(r -> r.positives() < minimum)
        .sorted(Comparator.comparingInt(SubgroupRow::positives).reversed()).toList();
    if (unsearched.isEmpty()) {
      return Optional.empty();
    }
    long exams = Math.round((view.positives + view.negatives) * (double) minimum / (0.10 * view.positives) / 1000.0) * 1000;
    List<String> examples = unsearched.stream().limit(3)
        .map(r -> r.subgroup().label() + " (" + r.positives() + ")").toList();
    return Optional.of(String.format(Locale.ROOT, "%s: the cohort is too small to search %d of its %d single-column"
        + " groups for missed cancers: a slice needs at least %d cancers before its miss rate is tested,"
        + " and the cohort has %d in all, so a weakness confined to a smaller group, e.g. %s, cannot be found here; a"
        + " group holding 10%% of the cancers could be searched in a similar cohort of about %,d exams",
        view.model.name(), unsearched.size(), single.size(), minimum, view.positives, String.join(", ", examples),
        exams));
  }

  private AuditResult run(String rule, double[] orientedThresholds, Cohort reference) {
    List<ModelScores> models = cohort.models();
    if (orientedThresholds.length != models.size()) {
      throw new IllegalArgumentException("one threshold per model is needed");
    }
    List<ModelView> views = IntStream.range(0, models.size()).parallel()
        .mapToObj(k -> new ModelView(cohort, models.get(k), orientedThresholds[k])).toList();
    List<Double> thresholds = new ArrayList<>();
    for (int k = 0; k < models.size(); k++) {
      thresholds.add(models.get(k).higherIsPositive() ? orientedThresholds[k] : -orientedThresholds[k]);
    }
    List<List<GroupColumn>> partitions = new ArrayList<>();
    for (int d = 1; d <= Math.min(spec.intersections(), columns.size()); d++) {
      partitions.addAll(Partition.combinations(columns, d));
    }
    List<SubgroupRow> rows = new ArrayList<>();
    List<Heterogeneity> heterogeneity = new ArrayList<>();
    List<EqualizedOdds> equalizedOdds = new ArrayList<>();
    List<Integer> needed = new ArrayList<>();
    List<SubgroupAnalysis> analyses = analyse(views, partitions);
    for (int j = 0; j < analyses.size(); j++) {
      SubgroupAnalysis analysis = analyses.get(j);
      rows.addAll(analysis.rows);
      heterogeneity.addAll(analysis.heterogeneity);
      equalizedOdds.add(analysis.equalizedOdds);
      if (j % partitions.size() == 0) {
        needed.add(analysis.positivesNeeded());
      }
    }
    Adjusted adjusted = adjustSubgroupTests(rows, heterogeneity);
    List<String> notes = new ArrayList<>();
    SliceDiscovery.Outcome search = new SliceDiscovery.Outcome(0, 0, Double.NaN, List.of(), List.of());
    if (spec.sliceDepth() > 0) {
      search = SliceDiscovery.of(
          SliceSearch.candidates(views, columns, spec.sliceDepth(), spec.minimumSliceTrials(), spec.ciLevel()),
          spec.fdr(), spec.topSlices());
      for (ModelView view : views) {
        tooFewCancersToSearch(view, rows).ifPresent(notes::add);
      }
    }
    return new AuditResult(
        rule,
        views.stream().map(ModelView::name).toList(),
        thresholds,
        List.copyOf(columns),
        needed,
        adjusted.rows(),
        adjusted.heterogeneity(),
        equalizedOdds,
        spec.minimumSliceTrials(),
        search.considered(),
        search.tested(),
        search.screen(),
        search.discoveries(),
        search.tooFew(),
        confidentErrors(views),
        calibration(views, notes),
        transport(views, notes),
        reference == null ? List.of() : shifts(reference),
        notes);
  }

  /**
   * Every model × partition, in parallel: each column's codes are gathered once in each model's
   * score order, so every partition's walk reads memory in sequence.
   */
  private List<SubgroupAnalysis> analyse(List<ModelView> views, List<List<GroupColumn>> partitions) {
    List<Integer> cellCounts = partitions.stream().map(Partition::cellCount).toList();
    List<List<byte[]>> codesInOrder = views.parallelStream()
        .map(view -> columns.stream().map(c -> view.inOrder(c.codes())).toList()).toList();
    return IntStream.range(0, views.size() * partitions.size()).parallel()
        .mapToObj(j -> {
          int m = j / partitions.size();
          List<GroupColumn> partition = partitions.get(j % partitions.size());
          List<byte[]> codes = partition.stream().map(c -> codesInOrder.get(m).get(columns.indexOf(c))).toList();
          int[] levels = partition.stream().mapToInt(GroupColumn::levelCount).toArray();
          return new SubgroupAnalysis(views.get(m), partition, ModelView.keysInOrder(codes, levels),
              cellCounts.get(j % partitions.size()), spec.ciLevel());
        })
        .toList();
  }

  private record Adjusted(List<SubgroupRow> rows, List<Heterogeneity> heterogeneity) {}

  /** One Benjamini-Hochberg family: every tested gap to the overall value and every heterogeneity test. */
  private Adjusted adjustSubgroupTests(List<SubgroupRow> rows, List<Heterogeneity> heterogeneity) {
    List<Double> p = new ArrayList<>();
    for (SubgroupRow row : rows) {
      row.gaps().stream().filter(MetricGap::tested).forEach(g -> p.add(g.p()));
    }
    heterogeneity.forEach(h -> p.add(h.p()));
    double[] q = BenjaminiHochberg.adjust(p.stream().mapToDouble(Double::doubleValue).toArray());
    int k = 0;
    List<SubgroupRow> newRows = new ArrayList<>();
    for (SubgroupRow row : rows) {
      List<MetricGap> gaps = new ArrayList<>();
      for (MetricGap gap : row.gaps()) {
        gaps.add(gap.tested() ? gap.withQ(q[k++]) : gap);
      }
      newRows.add(row.withGaps(gaps));
    }
    List<Heterogeneity> newHeterogeneity = new ArrayList<>();
    for (Heterogeneity h : heterogeneity) {
      newHeterogeneity.add(h.withQ(q[k++]));
    }
    return new Adjusted(newRows, newHeterogeneity);
  }

  private List<ConfidentError> confidentErrors(List<ModelView> views) {
    List<ConfidentError> errors = new ArrayList<>();
    if (spec.confidentErrors() == 0) {
      return errors;
    }
    for (ModelView view : views) {
      // the order holds tie blocks in ascending score, cases ascending within a block
      List<Integer> missed = new ArrayList<>();
      for (int b = 0; b + 1 < view.blockStart.length && missed.size() < spec.confidentErrors(); b++) {
        for (int t = view.blockStart[b]; t < view.blockStart[b + 1] && missed.size() < spec.confidentErrors(); t++) {
          int i = view.order[t];
          if (view.truth[i] && !view.calledPositive[i]) {
            missed.add(i);
          }
        }
      }
      List<Integer> alarms = new ArrayList<>();
      for (int b = view.blockStart.length - 2; b >= 0 && alarms.size() < spec.confidentErrors(); b--) {
        for (int t = view.blockStart[b]; t < view.blockStart[b + 1] && alarms.size() < spec.confidentErrors(); t++) {
          int i = view.order[t];
          if (!view.truth[i] && view.calledPositive[i]) {
            alarms.add(i);
          }
        }
      }
      for (int i : missed) {
        errors.add(error(view, i, "false_negative"));
      }
      for (int i : alarms) {
        errors.add(error(view, i, "false_positive"));
      }
    }
    return errors;
  }

  private ConfidentError error(ModelView view, int i, String kind) {
    Map<String, String> metadata = new LinkedHashMap<>();
    cohort.metadata().forEach((column, values) -> metadata.put(column, values.get(i)));
    return new ConfidentError(view.name(), cohort.caseIds().get(i), kind, view.model.score(i), metadata);
  }

  /** Calibration for models whose every score lies in [0, 1]: overall and per level of each column. */
  private List<AuditResult.CalibrationRow> calibration(List<ModelView> views, List<String> notes) {
    List<AuditResult.CalibrationRow> rows = new ArrayList<>();
    for (ModelView view : views) {
      double[] scores = view.model.scores();
      boolean probabilities = true;
      for (int i = 0; i < scores.length && probabilities; i++) {
        probabilities = !view.present[i] || (scores[i] >= 0 && scores[i] <= 1);
      }
      if (!probabilities) {
        notes.add("calibration skipped for " + view.name() + ": its scores are not probabilities (some lie outside [0, 1])");
        continue;
      }
      if (!view.model.higherIsPositive()) {
        notes.add("calibration skipped for " + view.name() + ": its lower scores are more suspicious, so its scores are not"
            + " probabilities of disease");
        continue;
      }
      rows.add(new AuditResult.CalibrationRow(view.name(), null, calibrateByLevel(view, new byte[view.order.length], 1)[0]));
      List<Calibration[]> fits = columns.parallelStream()
          .map(column -> calibrateByLevel(view, view.inOrder(column.codes()), column.levelCount())).toList();
      for (int c = 0; c < columns.size(); c++) {
        GroupColumn column = columns.get(c);
        boolean[] occurs = new boolean[column.levelCount()];
        for (int code : column.codes()) {
          occurs[code] = true;
        }
        for (int level = 0; level < column.levelCount(); level++) {
          Subgroup subgroup = new Subgroup(List.of(new Subgroup.Condition(column.name(), column.levels().get(level))));
          if (fits.get(c)[level] != null) {
            rows.add(new AuditResult.CalibrationRow(view.name(), subgroup, fits.get(c)[level]));
          } else if (occurs[level]) {
            notes.add("calibration of " + view.name() + " in " + subgroup.label() + " skipped: no scored case");
          }
        }
      }
    }
    return rows;
  }

  /**
   * Calibration of one model in each level of a column (its codes in the model's order), from
   * the model's sorted scores: the cases of a tie block that share a level form one group of equal
   * predictions, so each fit runs over distinct scores, not cases. Null for a level without a scored case.
   */
  private Calibration[] calibrateByLevel(ModelView view, byte[] codesInOrder, int levels) {
    int capacity = Math.min(view.blockStart.length, 1024);
    double[][] predicted = new double[levels][capacity];
    int[][] cases = new int[levels][capacity];
    int[][] events = new int[levels][capacity];
    int[] size = new int[levels];
    int[] count = new int[levels];
    int[] positives = new int[levels];
    int[] touched = new int[levels];
    double[] scores = view.model.scores();
    for (int b = 0; b + 1 < view.blockStart.length; b++) {
      int from = view.blockStart[b];
      int touchedCount = 0;
      for (int t = from; t < view.blockStart[b + 1]; t++) {
        int level = codesInOrder[t];
        if (count[level]++ == 0) {
          touched[touchedCount++] = level;
        }
        positives[level] += view.truthInOrder[t] ? 1 : 0;
      }
      double value = scores[view.order[from]];
      for (int k = 0; k < touchedCount; k++) {
        int level = touched[k];
        if (size[level] == predicted[level].length) {
          int grown = Math.min(view.blockStart.length, 2 * size[level]);
          predicted[level] = java.util.Arrays.copyOf(predicted[level], grown);
          cases[level] = java.util.Arrays.copyOf(cases[level], grown);
          events[level] = java.util.Arrays.copyOf(events[level], grown);
        }
        predicted[level][size[level]] = value;
        cases[level][size[level]] = count[level];
        events[level][size[level]++] = positives[level];
        count[level] = 0;
        positives[level] = 0;
      }
    }
    Calibration[] fits = new Calibration[levels];
    for (int level = 0; level < levels; level++) {
      if (size[level] > 0) {
        fits[level] = Calibration.ofGroups(predicted[level], cases[level], events[level], size[level], spec.ciLevel());
      }
    }
    return fits;
  }

  private AuditResult.@Nullable TransportResult transport(List<ModelView> views, List<String> notes) {
    if (spec.transportColumns().isEmpty()) {
      return null;
    }
    List<GroupColumn> strata = new ArrayList<>();
    for (String name : spec.transportColumns()) {
      GroupColumn column = columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
      if (column == null) {
        throw new IllegalArgumentException("the target population's column " + name + " is not one of the --group columns "
            + spec.groupColumns() + "; add it to --group");
      }
      strata.add(column);
    }
    Transport.Weights weights = Transport.weights(strata, spec.targetShares());
    notes.addAll(weights.warnings());
    List<AuditResult.ModelTransport> models = new ArrayList<>();
    for (ModelView view : views) {
      int missing = view.model.missing();
      if (missing > 0) {
        notes.add(view.name() + " has no score for " + missing + " exams: its transported estimates reweight the scored"
            + " exams only, so a stratum it never scored does not count");
      }
      models.add(new AuditResult.ModelTransport(view.name(), Transport.estimates(view, weights.caseWeights(), spec.ciLevel())));
    }
    return new AuditResult.TransportResult(weights, models);
  }

  private List<Shift> shifts(Cohort reference) {
    List<Shift> shifts = new ArrayList<>();
    for (GroupColumn column : columns) {
      List<String> local = java.util.Objects.requireNonNull(cohort.metadata().get(column.name()));
      List<String> other = reference.metadata().get(column.name());
      if (other == null) {
        throw new IllegalArgumentException("the reference cohort has no column " + column.name());
      }
      if (column.bands() != null) {
        shifts.add(Shift.continuous(column.name(), "metadata", numbers(local), numbers(other)));
      } else {
        shifts.add(Shift.categorical(column.name(), local, other));
      }
    }
    for (ModelScores model : cohort.models()) {
      ModelScores other = reference.models().stream().filter(m -> m.name().equals(model.name())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("the reference cohort has no scores of model " + model.name()));
      shifts.add(Shift.continuous(model.name(), "score", model.scores(), other.scores()));
    }
    return shifts;
  }

  private static double[] numbers(List<String> values) {
    double[] x = new double[values.size()];
    for (int i = 0; i < x.length; i++) {
      String v = values.get(i);
      try {
        x[i] = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
      } catch (NumberFormatException e) {
        x[i] = Double.NaN;
      }
    }
    return x;
  }
}

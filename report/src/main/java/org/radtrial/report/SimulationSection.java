package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radtrial.core.simulate.SimulationMetric;
import org.radtrial.report.Simulation.Choice;

/**
 * The virtual trial of 'radtrial simulate': the programme and the named assumption for decisions
 * never recorded (with its bounds), the baseline, each model's workload-versus-detection trade-off
 * over its threshold sweep, every strategy at the thresholds of interest with intervals and paired
 * differences from the baseline, the constraints, the subgroups and the capacity.
 */
final class SimulationSection implements Section {
  private static final MetricFormat ARBITRATIONS = MetricFormat.of(SimulationMetric.ARBITRATIONS);
  private static final MetricFormat CDR = MetricFormat.of(SimulationMetric.CDR);
  private static final MetricFormat MISSED = MetricFormat.of(SimulationMetric.MISSED_VS_BASELINE);
  private static final MetricFormat PPV = MetricFormat.of(SimulationMetric.PPV);
  private static final MetricFormat READING_HOURS = MetricFormat.of(SimulationMetric.READING_HOURS);
  private static final MetricFormat RECALL_RATE = MetricFormat.of(SimulationMetric.RECALL_RATE);
  private static final MetricFormat SENSITIVITY = MetricFormat.of(SimulationMetric.SENSITIVITY);
  private static final MetricFormat WORKLOAD = MetricFormat.of(SimulationMetric.WORKLOAD_CHANGE_PCT);
  /** The metrics of the strategy tables, in their order. */
  private static final List<MetricFormat> TABLE = List.of(CDR, RECALL_RATE, PPV, MISSED, READING_HOURS, WORKLOAD);
  /** The metrics of the subgroup effects (docs/results-schema.md). */
  private static final List<MetricFormat> SUBGROUP = List.of(CDR, RECALL_RATE, SENSITIVITY, READING_HOURS);

  @Override
  public String id() {
    return "simulation";
  }

  @Override
  public String title() {
    return "Virtual trial: each role of the AI against the programme as recorded";
  }

  @Override
  public String findingsHeading() {
    return "Virtual trial: the AI's roles against the programme as recorded";
  }

  @Override
  public boolean presentIn(Results results) {
    return Simulation.presentIn(results);
  }

  // ---------------------------------------------------------------- key findings

  @Override
  public List<Finding> findings(Results results) {
    Simulation sim = new Simulation(results);
    List<Finding> findings = new ArrayList<>();
    JsonNode b = sim.baseline();
    findings.add(new Finding(Finding.Strength.FACT, "The programme as recorded (" + reading(sim) + ") detected "
        + estimate(CDR, b, " cancers per 1,000 exams", results) + ", recalled "
        + estimate(RECALL_RATE, b, " of women", results) + " and took "
        + estimate(READING_HOURS, b, " reading hours", results) + ".", id()));
    int comparisons = 0;
    for (String model : sim.models()) {
      for (String strategy : sim.simulated(model)) {
        for (Choice choice : sim.choices(model, strategy)) {
          findings.add(strategyFinding(results, sim, model, strategy, choice));
          comparisons += 3;
        }
      }
    }
    if (sim.anyNeedsAssumption()) {
      JsonNode a = sim.get("assumption");
      List<String> strategies = assumptionStrategies(sim);
      findings.add(new Finding(Finding.Strength.CAUTION, String.join(" and ", strategies)
          + (strategies.size() == 1 ? " rests" : " rest") + " on decisions the programme never made, counted with the assumption \u201C" + sim.assumptionName()
          + "\u201D: an unrecorded arbitration or review recalls " + Fmt.percent(Json.number(a, "recall_if_cancer"))
          + " of women with cancer and " + Fmt.percent(Json.number(a, "recall_if_normal")) + " of those without. "
          + sim.assumptionUncertainty() + " The bounds \u201Calways recall\u201D and \u201Cnever recall\u201D are"
          + " given under Virtual trial.", id()));
    }
    for (Map.Entry<String, String> e : sim.notSimulated().entrySet()) {
      findings.add(new Finding(Finding.Strength.CAUTION, e.getKey() + " was not simulated: " + e.getValue(), id()));
    }
    Map<String, List<String>> unmet = unmetConstraints(sim);
    if (!unmet.isEmpty()) {
      List<String> parts = new ArrayList<>();
      unmet.forEach((model, strategies) -> parts.add(model + " as " + String.join(", ", strategies)));
      findings.add(new Finding(Finding.Strength.CAUTION, "No threshold meets the constraints " + sim.constraintsText()
          + " for " + String.join("; ", parts) + ".", id()));
    }
    findings.addAll(overCapacity(results, sim));
    List<String> notes = sim.notes();
    if (notes.size() == 1) {
      findings.add(new Finding(Finding.Strength.CAUTION, notes.get(0) + ".", id()));
    } else if (notes.size() > 1) {
      findings.add(new Finding(Finding.Strength.CAUTION, notes.size() + " notes on the threshold sweep (capacity and other"
          + " remarks) are under Virtual trial, Capacity and notes.", id()));
    }
    findings.add(new Finding(Finding.Strength.CAUTION, "These " + comparisons + " comparisons with the baseline are not"
        + " adjusted for multiple comparisons, and the simulation assumes every reader would have decided as recorded in"
        + " the new reading mode: a retrospective simulation suggests which role to test, a prospective study shows what"
        + " it does.", id()));
    return findings;
  }

  /** One model in one role at one threshold: detection, recall and reading hours, each said no more strongly than its interval. */
  private Finding strategyFinding(Results results, Simulation sim, String model, String strategy, Choice choice) {
    JsonNode p = sim.point(model, strategy, choice.index());
    double alpha = results.alpha();
    String level = results.level() + " CI ";
    Judgement cdr = CDR.judge(p, alpha);
    StringBuilder s = new StringBuilder(model + " as " + strategy + " (threshold " + sim.thresholdValue(model, choice.index())
        + ", flagging " + Fmt.prevalence(sim.flagRate(model, choice.index())) + " of exams; " + choice.shortReason() + "): ");
    s.append(clause(CDR, cdr, p.path("cdr"), level, "detects more cancers", "detects fewer cancers",
        "cancer detection"));
    if (cdr == Judgement.LOWER) {
      s.append(", a net ").append(MISSED.value(MISSED.estimate(p))).append(" of the baseline's cancers missed");
    }
    s.append("; ").append(clause(RECALL_RATE, RECALL_RATE.judge(p, alpha), p.path("recall_rate"), level,
        "recalls more women", "recalls fewer women", "recall rate"));
    JsonNode w = p.path(WORKLOAD.key);
    if (Json.number(w, "estimate") == -100) {
      s.append("; no human reads (\u2212100% reading hours).");
    } else {
      s.append("; ").append(clause(WORKLOAD, WORKLOAD.judge(p, alpha), w, level, "needs more reading hours",
          "needs fewer reading hours", "reading hours")).append('.');
    }
    Finding.Strength strength = cdr.strength();
    if (sim.needsAssumption(model, strategy)) {
      JsonNode always = sim.sensitivity(model, strategy, choice.index(), "always recall");
      JsonNode never = sim.sensitivity(model, strategy, choice.index(), "never recall");
      double hi = Json.number(always, "cdr");
      double lo = Json.number(never, "cdr");
      double base = CDR.estimate(sim.baseline());
      s.append(" This rests on the assumption \u201C").append(sim.assumptionName()).append("\u201D for decisions never made");
      if (Double.isFinite(hi) && Double.isFinite(lo)) {
        s.append(": CDR would be ").append(CDR.value(hi)).append(" per 1,000 if every one recalled and ")
            .append(CDR.value(lo)).append(" if none did (baseline ").append(CDR.value(base)).append(")");
        boolean holds = cdr == Judgement.HIGHER ? lo > base + 1e-9 : cdr == Judgement.LOWER ? hi < base - 1e-9 : true;
        if (!holds) {
          s.append(", so whether it detects ").append(cdr == Judgement.HIGHER ? "more" : "fewer")
              .append(" cancers depends on that assumption");
          strength = Finding.Strength.CAUTION;
        }
      }
      s.append('.');
    }
    return new Finding(strength, s.toString(), id());
  }

  /**
   * "detects fewer cancers: −0.54 per 1,000 (95% CI −0.64 to −0.38)", worded by the judgement;
   * {@code what} names the measure ("cancer detection") for the sentences that do not call a direction.
   */
  private static String clause(MetricFormat metric, Judgement judgement, JsonNode m, String level, String higher, String lower,
      String what) {
    double d = Json.number(m, "difference_vs_baseline");
    Interval ci = Interval.of(m.get("difference_ci"));
    int extra = metric.extraDigits(d, ci);
    String numbers = metric.difference(d, extra) + metric.differenceUnit() + " (" + level
        + metric.differenceInterval(ci, extra) + ")";
    return switch (judgement) {
      case HIGHER -> higher + ": " + numbers;
      case LOWER -> lower + ": " + numbers;
      case NOT_SHOWN, NOT_SHOWN_BY_TEST -> "no difference in " + what + " is shown: " + numbers;
      case NOT_ESTIMABLE -> Double.isFinite(d) ? "the difference in " + what + " (" + metric.difference(d)
          + metric.differenceUnit() + ") has no interval, so it is not judged"
          : "the difference in " + what + " could not be estimated";
    };
  }

  /** The thresholds of interest whose arbitrations and reviews lie above the programme's capacity, interval and all. */
  private List<Finding> overCapacity(Results results, Simulation sim) {
    double capacity = sim.programme("arbitration_capacity_per_1000");
    if (!(capacity > 0)) {
      return List.of();
    }
    double per1000 = 1000.0 / Math.max(1, results.cases());
    List<String> over = new ArrayList<>();
    for (String model : sim.models()) {
      for (String strategy : sim.simulated(model)) {
        for (Choice choice : sim.choices(model, strategy)) {
          JsonNode m = sim.point(model, strategy, choice.index()).path(ARBITRATIONS.key);
          Interval ci = Interval.of(m.get("ci")).times(per1000);
          if (ci.above(capacity)) {
            over.add(model + " as " + strategy + " at " + sim.thresholdValue(model, choice.index()) + " ("
                + Fmt.decimal(per1000 * Json.number(m, "estimate"), 1) + ", " + results.level() + " CI " + Fmt.interval(ci, 1)
                + ")");
          }
        }
      }
    }
    JsonNode b = sim.baseline().path(ARBITRATIONS.key);
    Interval baseline = Interval.of(b.get("ci")).times(per1000);
    String already = baseline.above(capacity) ? " The programme as recorded already needs "
        + Fmt.decimal(per1000 * Json.number(b, "estimate"), 1) + " (" + results.level() + " CI " + Fmt.interval(baseline, 1)
        + ")." : "";
    if (over.isEmpty()) {
      return already.isEmpty() ? List.of() : List.of(new Finding(Finding.Strength.CAUTION, ("The arbitrations and extra"
          + " reviews per 1,000 exams exceed the programme's capacity of " + Fmt.trimmed(capacity, 1) + "." + already).trim(),
          id()));
    }
    return List.of(new Finding(Finding.Strength.CAUTION, "Arbitrations and extra reviews would exceed the programme's"
        + " capacity of " + Fmt.trimmed(capacity, 1) + " per 1,000 exams, interval and all, for " + String.join("; ", over)
        + "." + already, id()));
  }

  /** "5.73 cancers per 1,000 exams (95% CI 5.26–6.21)"; without an interval, the estimate alone. */
  private static String estimate(MetricFormat metric, JsonNode point, String unit, Results results) {
    JsonNode m = point.path(metric.key);
    Interval ci = Interval.of(m.get("ci"));
    return metric.value(Json.number(m, "estimate")) + unit + (ci.exists() ? " (" + results.level() + " CI "
        + metric.interval(ci) + ")" : "");
  }

  private static List<String> assumptionStrategies(Simulation sim) {
    Set<String> strategies = new LinkedHashSet<>();
    for (String model : sim.models()) {
      sim.simulated(model).stream().filter(s -> sim.needsAssumption(model, s)).forEach(strategies::add);
    }
    return new ArrayList<>(strategies);
  }

  private static Map<String, List<String>> unmetConstraints(Simulation sim) {
    Map<String, List<String>> unmet = new LinkedHashMap<>();
    for (JsonNode s : sim.selections()) {
      if (!s.path("threshold_index").isNumber()) {
        unmet.computeIfAbsent(s.path("model").asText(), k -> new ArrayList<>()).add(s.path("strategy").asText());
      }
    }
    return unmet;
  }

  private static String reading(Simulation sim) {
    JsonNode p = sim.get("programme");
    if (!"double".equals(p.path("reading").asText())) {
      return "single reading";
    }
    return "double reading, " + switch (p.path("arbitration").asText()) {
      case "recorded" -> "discordances decided by the recorded arbitration";
      case "either_recalls" -> "a discordance recalled when either reader recalls";
      case "both_recall" -> "a discordance recalled only when both readers recall";
      default -> "arbitration " + p.path("arbitration").asText();
    };
  }

  // ---------------------------------------------------------------- the section

  @Override
  public void write(Results results, Html html) {
    Simulation sim = new Simulation(results);
    intro(results, sim, html);
    programme(sim, html);
    assumption(results, sim, html);
    baseline(results, sim, html);
    strategies(sim, html);
    List<String> models = sim.models();
    for (int k = 0; k < models.size(); k++) {
      model(results, sim, models.get(k), k, html);
    }
    constraints(sim, html);
    subgroups(results, sim, html);
    capacity(results, sim, html);
  }

  private static void intro(Results results, Simulation sim, Html html) {
    long replicates = sim.replicates();
    String intervals = replicates == 0
        ? "No bootstrap was run (--bootstrap 0), so no estimate has an interval and no difference is judged."
        : "Every estimate has a " + results.level() + " bootstrap percentile interval" + (replicates > 0 ? " ("
            + Fmt.count(replicates) + " replicates resampling exams)" : "") + "; \u0394 is the paired difference from the"
            + " baseline, computed on the same bootstrap samples, and is called higher or lower only when its interval"
            + " excludes 0.";
    html.element("p", "These " + Fmt.count(results.cases()) + " exams were replayed as the programme recorded them (the"
        + " baseline) and under each role the AI could take, for every model at every threshold of a sweep. Cancers are"
        + " those diagnosed within the follow-up window (" + Fmt.count(results.positives()) + " here); the cancer detection"
        + " rate (CDR) is per 1,000 exams. " + intervals + " Thresholds are on each model's score oriented so that a higher"
        + " score flags" + (Json.text(results.get("settings"), "threshold_by").isEmpty() ? ""
        : " (with --threshold-by " + Json.text(results.get("settings"), "threshold_by") + ", a quantile level within each"
        + " of its groups)") + ". This is a retrospective simulation: it assumes every reader's recorded decision would"
        + " have been the same in the new reading mode, which only a prospective trial can confirm.");
  }

  private static void programme(Simulation sim, Html html) {
    html.element("h3", "The programme");
    JsonNode p = sim.get("programme");
    boolean twice = "double".equals(p.path("reading").asText());
    HtmlTable table = new HtmlTable("The programme as read from its YAML file, defaults filled in", "setting", "value")
        .row("Reading", twice ? "double reading" : "single reading");
    if (twice) {
      table.row("Discordant readers", switch (p.path("arbitration").asText()) {
        case "recorded" -> "decided by the arbitration recorded in the case table";
        case "either_recalls" -> "recalled when either reader recalls";
        case "both_recall" -> "recalled only when both readers recall";
        default -> p.path("arbitration").asText();
      });
    }
    table.row("Minutes per read", Fmt.trimmed(sim.programme("minutes_per_read"), 2))
        .row("Minutes per arbitration", Fmt.trimmed(sim.programme("minutes_per_arbitration"), 2))
        .row("Minutes per extra review (safety net)", Fmt.trimmed(sim.programme("minutes_per_review"), 2))
        .row("Cost per recall", cost(sim.programme("cost_per_recall")))
        .row("Cost per reading hour", cost(sim.programme("cost_per_reading_hour")))
        .row("Energy per recall, kWh", given(sim.programme("energy_per_recall_kwh")))
        .row("Arbitration capacity per 1,000 exams", given(sim.programme("arbitration_capacity_per_1000")))
        .row("Follow-up for cancers", followUp(sim));
    table.write(html);
  }

  private static String followUp(Simulation sim) {
    double applied = sim.followUpApplied();
    double given = sim.programme("follow_up_months");
    if (applied > 0) {
      return Fmt.trimmed(applied, 1) + " months: a cancer diagnosed later counts as no cancer";
    }
    return given > 0
        ? Fmt.trimmed(given, 1) + " months in the programme, not applied (no --diagnosis-months column was given): every"
            + " cancer in the case table counts"
        : "not given: every cancer in the case table counts";
  }

  /** A cost as used: 0 is shown as 0 (whether written or left out, the run counted no cost of this kind). */
  private static String cost(double value) {
    return value > 0 ? Fmt.trimmed(value, 2) : "0 (not counted)";
  }

  private static String given(double value) {
    return value > 0 ? Fmt.trimmed(value, 2) : "not given";
  }

  private static void assumption(Results results, Simulation sim, Html html) {
    html.element("h3", "Decisions never recorded: the named assumption");
    JsonNode a = sim.get("assumption");
    html.element("p", "Two strategies need human decisions that never happened: replace_second_reader creates"
        + " discordances between reader 1 and the AI that nobody arbitrated, and safety_net sends exams the AI flags but"
        + " the readers did not recall to an extra review whose outcome is unknown. These decisions are not observed: they"
        + " follow the assumption below and enter the counts as expected values (a new discordance with cancer adds the"
        + " probability of recall to the cancers detected), never as invented decisions of individual women.");
    new HtmlTable(null, "assumption", "value")
        .row("Name", sim.assumptionName())
        .row("Recalls a woman with cancer with probability", Fmt.percent(Json.number(a, "recall_if_cancer")))
        .row("Recalls a woman without cancer with probability", Fmt.percent(Json.number(a, "recall_if_normal")))
        .row("Source", Json.text(a, "source"))
        .write(html);
    if (!sim.anyNeedsAssumption()) {
      html.element("p", "No strategy simulated here needed it (replace_second_reader and safety_net were not simulated).");
      return;
    }
    List<String> assumptions = sim.assumptions();
    html.element("p", sim.assumptionUncertainty() + " The table shows how much"
        + " rests on it: the same strategies if every unrecorded decision recalled (always recall) or none did (never"
        + " recall). Whatever the real recall probabilities are, the detection and recall rates lie between these bounds"
        + " (point estimates, at the thresholds of interest).");
    List<String> headers = new ArrayList<>(List.of("model, strategy", "threshold (flags)"));
    for (String name : assumptions) {
      headers.add("CDR per 1,000: " + name);
    }
    for (String name : assumptions) {
      headers.add("recall rate: " + name);
    }
    HtmlTable table = new HtmlTable("Sensitivity to the assumption (baseline: CDR "
        + CDR.value(CDR.estimate(sim.baseline())) + " per 1,000, recall rate "
        + RECALL_RATE.value(RECALL_RATE.estimate(sim.baseline())) + ")", headers.toArray(String[]::new));
    for (String model : sim.models()) {
      for (String strategy : sim.simulated(model)) {
        if (!sim.needsAssumption(model, strategy)) {
          continue;
        }
        for (Choice choice : sim.choices(model, strategy)) {
          List<String> cells = new ArrayList<>(List.of(model + ", " + strategy, sim.threshold(model, choice.index())));
          for (String metric : List.of("cdr", "recall_rate")) {
            MetricFormat m = metric.equals("cdr") ? CDR : RECALL_RATE;
            for (String name : assumptions) {
              cells.add(m.value(Json.number(sim.sensitivity(model, strategy, choice.index(), name), metric)));
            }
          }
          table.row(cells.toArray(String[]::new));
        }
      }
    }
    table.write(html);
  }

  private static void baseline(Results results, Simulation sim, Html html) {
    html.element("h3", "The programme as recorded (baseline)");
    HtmlTable table = new HtmlTable("Every strategy is compared with these numbers, on the same exams", "measure",
        "estimate (" + results.level() + " CI)");
    for (MetricFormat metric : sim.baselineMetrics()) {
      table.row(metric.longLabel, metric.withInterval(sim.baseline().path(metric.key)));
    }
    table.write(html);
  }

  private static void strategies(Simulation sim, Html html) {
    html.element("h3", "The strategies");
    Map<String, String> not = sim.notSimulated();
    List<String> simulated = sim.simulated();
    HtmlTable table = new HtmlTable(null, "strategy", "what happens to an exam", "simulated");
    table.row("baseline", sim.description("baseline").isEmpty() ? "the programme as recorded" : sim.description("baseline"),
        "yes: every other strategy is compared with it");
    for (String strategy : sim.strategyKeys()) {
      String status = simulated.contains(strategy) ? "yes"
          : not.containsKey(strategy) ? "not simulated: " + not.get(strategy) : "not requested (--strategies)";
      table.styledRow(simulated.contains(strategy) ? null : "not-simulated", strategy, sim.description(strategy), status);
    }
    table.write(html);
  }

  private void model(Results results, Simulation sim, String model, int k, Html html) {
    html.element("h3", model + ": workload against detection");
    List<String> strategies = sim.simulated(model);
    List<TradeOffChart.Line> lines = new ArrayList<>();
    List<TradeOffChart.Mark> marks = new ArrayList<>();
    List<Figure.Key> legend = new ArrayList<>();
    StringBuilder description = new StringBuilder("Cancers detected per 1,000 exams against the change in reading hours"
        + " from the baseline, for each strategy over " + model + "'s " + sim.thresholds(model).size() + " thresholds. The"
        + " baseline detects " + CDR.value(CDR.estimate(sim.baseline())) + " per 1,000 at 0%.");
    boolean drawable = false;
    for (String strategy : strategies) {
      int i = sim.strategyIndex(strategy);
      List<JsonNode> curve = sim.curve(model, strategy);
      double[] x = new double[curve.size()];
      double[] y = new double[curve.size()];
      for (int j = 0; j < curve.size(); j++) {
        x[j] = WORKLOAD.estimate(curve.get(j));
        y[j] = CDR.estimate(curve.get(j));
        drawable |= Double.isFinite(x[j]) && Double.isFinite(y[j]);
      }
      lines.add(new TradeOffChart.Line(i, x, y));
      legend.add(new Figure.Key(strategy, Palette.model(i), Palette.shape(i), Palette.dash(i), true, false));
      for (Choice choice : sim.choices(model, strategy)) {
        JsonNode p = sim.point(model, strategy, choice.index());
        marks.add(new TradeOffChart.Mark(i, WORKLOAD.estimate(p), CDR.estimate(p),
            Interval.of(p.path("cdr").get("ci"))));
        description.append(' ').append(strategy).append(" at ").append(sim.thresholdValue(model, choice.index()))
            .append(": reading hours ").append(WORKLOAD.value(WORKLOAD.estimate(p))).append(", ")
            .append(CDR.value(CDR.estimate(p))).append(" per 1,000.");
      }
    }
    legend.add(Figure.Key.marker("baseline (as recorded)", Palette.READER, Palette.Shape.DIAMOND, false));
    if (drawable) {
      description.append(" The table below the chart gives every point.");
      Figure.write(html, TradeOffChart.svg("tradeoff-" + k, model + ": reading hours against cancers detected",
          description.toString(), lines, marks, CDR.estimate(sim.baseline()),
          Interval.of(sim.baseline().path("cdr").get("ci"))),
          "Each line is a strategy over " + model + "'s thresholds (a lower threshold flags more exams). Up is more"
              + " cancers detected, left is fewer reading hours. Markers are the thresholds in the table below, with the "
              + results.level() + " interval of their detection rate; the black diamond is the programme as recorded,"
              + " with its interval, and the dashed lines cross at it.", legend);
      sweepTable(sim, model, strategies).writeCollapsed(html, "Data behind the chart: every threshold of " + model);
    } else {
      html.element("p", "The programme gives no reading time, so the workload of the strategies cannot be drawn.");
    }
    strategyTable(results, sim, model).write(html);
  }

  private static HtmlTable sweepTable(Simulation sim, String model, List<String> strategies) {
    List<String> headers = new ArrayList<>(List.of("threshold (flags)"));
    strategies.forEach(s -> headers.add(s + ": reading hours, CDR"));
    HtmlTable table = new HtmlTable("Point estimates over the sweep; the intervals at the thresholds of interest are in the"
        + " table below", headers.toArray(String[]::new));
    for (int j = 0; j < sim.thresholds(model).size(); j++) {
      List<String> cells = new ArrayList<>(List.of(sim.threshold(model, j)));
      for (String strategy : strategies) {
        JsonNode p = sim.point(model, strategy, j);
        cells.add(WORKLOAD.value(WORKLOAD.estimate(p)) + ", " + CDR.value(CDR.estimate(p)));
      }
      table.row(cells.toArray(String[]::new));
    }
    return table;
  }

  private static HtmlTable strategyTable(Results results, Simulation sim, String model) {
    String level = " (" + results.level() + " CI)";
    List<String> headers = new ArrayList<>(List.of("strategy", "threshold (flags)"));
    for (MetricFormat metric : TABLE) {
      headers.add(metric.label + level + (metric.fromBaseline() ? "" : "; \u0394 vs baseline"));
    }
    headers.add("why this threshold");
    HtmlTable table = new HtmlTable(model + " in each role at the thresholds of interest. \u0394: the paired difference from"
        + " the baseline" + level + ", in percentage points for rates in %. Cancers missed and the workload change are"
        + " themselves differences from the baseline.", headers.toArray(String[]::new));
    List<String> base = new ArrayList<>(List.of("baseline", ""));
    for (MetricFormat metric : TABLE) {
      base.add(metric.fromBaseline() ? "0" : metric.withInterval(sim.baseline().path(metric.key)));
    }
    base.add("the programme as recorded");
    table.styledRow("baseline", base.toArray(String[]::new));
    for (String strategy : sim.simulated(model)) {
      for (Choice choice : sim.choices(model, strategy)) {
        JsonNode p = sim.point(model, strategy, choice.index());
        List<String> cells = new ArrayList<>(List.of(strategy, sim.threshold(model, choice.index())));
        for (MetricFormat metric : TABLE) {
          JsonNode m = p.path(metric.key);
          cells.add(metric.fromBaseline() ? metric.withInterval(m)
              : metric.withInterval(m) + "\n" + metric.differenceWithInterval(m));
        }
        cells.add(choice.reason());
        table.row(cells.toArray(String[]::new));
      }
    }
    return table;
  }

  private static void constraints(Simulation sim, Html html) {
    List<JsonNode> selections = sim.selections();
    if (selections.isEmpty()) {
      return;
    }
    html.element("h3", "Constraints");
    html.element("p", "With the constraints " + sim.constraintsText() + ", each model's threshold for each strategy"
        + " is the one that meets every condition with the fewest reading hours (ties: more cancers detected). The"
        + " conditions are checked on the point estimates only: the intervals in the tables above say how sure each is"
        + " (a detection rate at least the baseline's by its estimate does not show that detection is not lower).");
    HtmlTable table = new HtmlTable(null, "model", "strategy", "threshold chosen (flags)", "result");
    for (JsonNode s : selections) {
      String model = s.path("model").asText();
      boolean met = s.path("threshold_index").isNumber();
      table.styledRow(met ? null : "unmet", model, s.path("strategy").asText(),
          met ? sim.threshold(model, s.path("threshold_index").asInt()) : "none",
          s.path("reason").asText());
    }
    table.write(html);
  }

  private static void subgroups(Results results, Simulation sim, Html html) {
    List<JsonNode> all = Json.elements(sim.get("subgroups"));
    if (all.isEmpty()) {
      return;
    }
    Set<String> columns = new LinkedHashSet<>();
    all.forEach(r -> columns.add(r.path("column").asText()));
    html.element("h3", "By subgroup: " + String.join(", ", columns));
    html.element("p", "Each strategy's effect in every group of " + String.join(", ", columns) + ", at the thresholds the"
        + " constraints chose or the user gave (every strategy of a model at each of them). \u0394 is the difference from"
        + " the baseline in the same group, paired on the same bootstrap samples. These " + Fmt.count(all.size())
        + " results are not adjusted for multiple comparisons: a difference in one group is a lead to check, not a finding.");
    String level = " (" + results.level() + " CI); \u0394";
    for (String model : sim.models()) {
      List<JsonNode> rows = sim.subgroups(model);
      if (rows.isEmpty()) {
        continue;
      }
      List<String> headers = new ArrayList<>(List.of("strategy at threshold: group", "exams", "cancers"));
      SUBGROUP.forEach(m -> headers.add(m.label + level));
      HtmlTable table = new HtmlTable(null, headers.toArray(String[]::new));
      for (JsonNode r : rows) {
        List<String> cells = new ArrayList<>(List.of(r.path("strategy").asText() + " at "
            + sim.thresholdValue(model, r.path("threshold_index").asInt()) + ": " + r.path("column").asText() + " = "
            + r.path("level").asText(), Fmt.count(r.path("exams").asLong()), Fmt.count(r.path("cancers").asLong())));
        for (MetricFormat metric : SUBGROUP) {
          JsonNode m = r.path("metrics").path(metric.key);
          cells.add(metric.withInterval(m) + "\n" + metric.differenceWithInterval(m));
        }
        table.row(cells.toArray(String[]::new));
      }
      table.writeCollapsed(html, model + ": " + Fmt.count(rows.size()) + " subgroup results");
    }
  }

  private static void capacity(Results results, Simulation sim, Html html) {
    html.element("h3", "Capacity and notes");
    double capacity = sim.programme("arbitration_capacity_per_1000");
    double per1000 = 1000.0 / Math.max(1, results.cases());
    if (capacity > 0) {
      JsonNode b = sim.baseline().path(ARBITRATIONS.key);
      Interval baseline = Interval.of(b.get("ci")).times(per1000);
      html.element("p", "The programme can staff " + Fmt.trimmed(capacity, 1) + " arbitrations and extra reviews per 1,000"
          + " exams; the baseline needed " + Fmt.decimal(per1000 * Json.number(b, "estimate"), 1) + (baseline.exists()
          ? " (" + results.level() + " CI " + Fmt.interval(baseline, 1) + ")" : "") + ".");
      HtmlTable table = new HtmlTable("Arbitrations and extra reviews per 1,000 exams at the thresholds of interest",
          "model, strategy", "threshold (flags)", "per 1,000 (" + results.level() + " CI)", "against the capacity");
      for (String model : sim.models()) {
        for (String strategy : sim.simulated(model)) {
          for (Choice choice : sim.choices(model, strategy)) {
            JsonNode m = sim.point(model, strategy, choice.index()).path(ARBITRATIONS.key);
            Interval ci = Interval.of(m.get("ci")).times(per1000);
            String verdict = ci.above(capacity) ? "above it (the whole interval)" : ci.below(capacity)
                ? "within it (the whole interval)" : ci.exists() ? "not shown either way (the interval includes it)"
                : Json.number(m, "estimate") * per1000 > capacity ? "estimate above it" : "estimate within it";
            table.styledRow(ci.above(capacity) ? "unmet" : null, model + ", " + strategy, sim.threshold(model, choice.index()),
                Fmt.decimal(per1000 * Json.number(m, "estimate"), 1) + (ci.exists() ? " (" + Fmt.interval(ci, 1) + ")" : ""),
                verdict);
          }
        }
      }
      table.write(html);
    } else {
      html.element("p", "The programme gives no arbitration capacity (arbitration_capacity_per_1000), so none was checked.");
    }
    List<String> notes = sim.notes();
    if (!notes.isEmpty()) {
      html.open("ul", "class", "notes");
      notes.forEach(n -> html.element("li", n));
      html.close("ul");
    }
  }

  // ---------------------------------------------------------------- methods

  /** What 'radtrial simulate' ran, for the Methods section. */
  static String methods(Results results) {
    Simulation sim = new Simulation(results);
    JsonNode settings = results.get("settings");
    List<String> models = sim.models();
    StringBuilder s = new StringBuilder("Virtual trial: the " + Fmt.count(results.cases()) + " exams of the case table ("
        + Fmt.count(results.positives()) + " with cancer within the follow-up window");
    double followUp = sim.followUpApplied();
    s.append(followUp > 0 ? " of " + Fmt.trimmed(followUp, 1) + " months" : "").append(") were replayed as the programme"
        + " recorded them (baseline: ").append(reading(sim)).append("; ")
        .append(Fmt.trimmed(sim.programme("minutes_per_read"), 2))
        .append(sim.programme("minutes_per_read") == 1 ? " minute per read, " : " minutes per read, ")
        .append(Fmt.trimmed(sim.programme("minutes_per_arbitration"), 2)).append(" per arbitration and ")
        .append(Fmt.trimmed(sim.programme("minutes_per_review"), 2)).append(" per extra review) and under the strategies ")
        .append(String.join(", ", sim.simulated())).append(" for ").append(models.size() == 1 ? "the model " : "the models ")
        .append(String.join(", ", models)).append(", each at ");
    Set<Integer> counts = new LinkedHashSet<>();
    models.forEach(m -> counts.add(sim.thresholds(m).size()));
    s.append(counts.size() == 1 ? counts.iterator().next() + " thresholds" : "between " + counts.stream().mapToInt(i -> i).min()
        .orElse(0) + " and " + counts.stream().mapToInt(i -> i).max().orElse(0) + " thresholds");
    double sweep = Json.number(settings, "sweep");
    s.append(Double.isFinite(sweep) ? " (" + Fmt.count((long) sweep) + " at quantiles of its scores, plus any given by the"
        + " user)" : "");
    String by = Json.text(settings, "threshold_by");
    s.append(by.isEmpty() ? ". " : ", calibrated within each level of " + by + " (thresholds are quantile levels there). ");
    Map<String, String> not = sim.notSimulated();
    not.forEach((strategy, reason) -> s.append(strategy).append(" was not simulated: ").append(reason)
        .append(reason.endsWith(".") ? " " : ". "));
    JsonNode a = sim.get("assumption");
    s.append("Decisions the programme never made (arbitrations of new discordances, extra reviews) followed the assumption \u201C")
        .append(sim.assumptionName()).append("\u201D (recall with probability ")
        .append(Fmt.decimal(Json.number(a, "recall_if_cancer"), 3)).append(" with cancer and ")
        .append(Fmt.decimal(Json.number(a, "recall_if_normal"), 3)).append(" without; ").append(Json.text(a, "source"))
        .append("), counted as expected values, with a sensitivity analysis under \u201Calways recall\u201D and \u201Cnever"
            + " recall\u201D. ");
    long replicates = sim.replicates();
    if (replicates > 0) {
      s.append("Intervals are ").append(results.level()).append(" bootstrap percentile intervals from ")
          .append(Fmt.count(replicates)).append(" replicates resampling exams (multinomial draws over exam cells; seed ")
          .append(Json.text(settings, "seed").isEmpty() ? Json.text(results.get("provenance"), "seed") : Json.text(settings, "seed"))
          .append("); each difference from the baseline was computed on the same bootstrap samples, and none was adjusted"
              + " for multiple comparisons. ");
    } else if (replicates == 0) {
      s.append("No bootstrap was run, so no estimate has an interval. ");
    }
    String constraints = sim.constraints();
    if (!constraints.isEmpty()) {
      s.append("The constraints ").append(sim.constraintsText()).append(" chose, per model and strategy, the threshold"
          + " meeting every condition on the point estimates with the fewest reading hours. ");
    }
    Set<String> columns = new LinkedHashSet<>();
    Json.elements(sim.get("subgroups")).forEach(r -> columns.add(r.path("column").asText()));
    if (!columns.isEmpty()) {
      s.append("Effects were estimated in every group of ").append(String.join(", ", columns))
          .append(" at the thresholds of interest. ");
    }
    s.append("Assumed throughout: a reader's recorded decision would have been the same in the new reading mode.");
    return s.toString();
  }
}

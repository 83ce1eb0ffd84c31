package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Every pair of models compared on the same cases: AUC difference, its interval and Holm-adjusted p. */
final class HeadToHeadSection implements Section {
  @Override
  public String id() {
    return "head-to-head";
  }

  @Override
  public String findingsHeading() {
    return "Models head-to-head";
  }

  @Override
  public String title() {
    return "Head-to-head: AUC differences on the same cases";
  }

  @Override
  public boolean presentIn(Results results) {
    return !Json.elements(results.get("comparisons")).isEmpty();
  }

  @Override
  public List<Finding> findings(Results results) {
    List<Finding> findings = new ArrayList<>();
    List<JsonNode> pairs = Json.elements(results.get("comparisons"));
    for (JsonNode pair : pairs) {
      Judgement judgement = judge(results, pair);
      findings.add(new Finding(judgement.strength(), sentence(results, pair, judgement, pairs.size()), id()));
    }
    if (results.models().size() >= 3) {
      findings.add(ranking(results, pairs));
    }
    return findings;
  }

  @Override
  public void write(Results results, Html html) {
    List<JsonNode> pairs = Json.elements(results.get("comparisons"));
    html.element("p", "Each pair of models is compared on the cases both scored, with DeLong's paired test, which accounts"
        + " for both models reading the same exams. p-values are adjusted for the " + pairs.size()
        + (pairs.size() == 1 ? " comparison" : " comparisons") + " with Holm's method. A difference is called higher or"
        + " lower only when its interval excludes 0 and the adjusted p is at most "
        + Fmt.decimal(results.alpha(), 2) + "; otherwise the data do not show which model is better.");
    ForestPlot plot = new ForestPlot(List.of(ForestPlot.Panel.fitted("AUC difference (first \u2212 second)", 0, false)));
    HtmlTable table = new HtmlTable(null, "first \u2212 second", "AUC first", "AUC second",
        "difference (" + results.level() + " CI)", "p", "p (Holm)", "cases (positives / negatives)", "what the interval shows");
    for (JsonNode pair : pairs) {
      Judgement judgement = judge(results, pair);
      String label = label(pair);
      double difference = Json.number(pair, "auc_difference");
      Interval ci = Interval.of(pair.get("ci"));
      plot.add(new ForestPlot.Row(label, Fmt.count(pair.path("positives").asLong()) + " positives, "
          + Fmt.count(pair.path("negatives").asLong()) + " negatives", "#000000", Palette.Shape.SQUARE, false,
          List.of(new ForestPlot.Value(difference, ci, judgement.mark()))));
      table.row(label, Fmt.decimal(Json.number(pair, "auc_a"), 3), Fmt.decimal(Json.number(pair, "auc_b"), 3),
          Fmt.signed(difference, 3) + " (" + Fmt.interval(ci, 3) + ")", Fmt.p(Json.number(pair, "p")),
          Fmt.p(Json.number(pair, "p_holm")), Fmt.count(pair.path("positives").asLong()) + " / "
              + Fmt.count(pair.path("negatives").asLong()), verdict(judgement));
    }
    if (!plot.isEmpty()) {
      Figure.write(html, plot.svg("auc-differences", "AUC differences between models",
          "Each row is a pair of models; the square is the difference in AUC and the line its " + results.level()
              + " confidence interval; the dashed line is no difference."),
          "Differences in AUC with " + results.level() + " confidence intervals. An interval crossing the dashed line"
              + " at 0 means the data do not show which model separates the cases better. \u25B2/\u25BC: the first model's"
              + " AUC is higher/lower (interval excludes 0, Holm-adjusted p \u2264 " + Fmt.decimal(results.alpha(), 2) + ").",
          List.of());
    }
    table.write(html);
  }

  static Judgement judge(Results results, JsonNode pair) {
    return Judgement.of(Json.number(pair, "auc_difference"), Interval.of(pair.get("ci")), Json.number(pair, "p_holm"),
        results.alpha());
  }

  private static String label(JsonNode pair) {
    return pair.at("/models/0").asText() + " \u2212 " + pair.at("/models/1").asText();
  }

  private static String verdict(Judgement judgement) {
    return switch (judgement) {
      case HIGHER -> "first higher";
      case LOWER -> "first lower";
      case NOT_SHOWN -> "no difference shown";
      case NOT_SHOWN_BY_TEST -> "not shown after adjustment";
      case NOT_ESTIMABLE -> "not estimable";
    };
  }

  private static String sentence(Results results, JsonNode pair, Judgement judgement, int pairs) {
    String a = pair.at("/models/0").asText();
    String b = pair.at("/models/1").asText();
    double d = Json.number(pair, "auc_difference");
    Interval ci = Interval.of(pair.get("ci"));
    String level = results.level() + " CI ";
    return switch (judgement) {
      case HIGHER, LOWER -> {
        boolean firstHigher = judgement == Judgement.HIGHER;
        String high = firstHigher ? a : b;
        String low = firstHigher ? b : a;
        double sign = firstHigher ? 1 : -1;
        yield high + "'s AUC is higher than " + low + "'s by " + Fmt.decimal(sign * d, 3) + " (" + level
            + Fmt.interval(firstHigher ? ci : new Interval(-ci.upper(), -ci.lower()), 3) + "; Holm-adjusted "
            + Fmt.pEquals("p", Json.number(pair, "p_holm")) + ").";
      }
      case NOT_SHOWN -> "The data do not show whether " + a + " or " + b + " has the higher AUC: difference "
          + Fmt.signed(d, 3) + " (" + level + Fmt.interval(ci, 3) + ").";
      case NOT_SHOWN_BY_TEST -> a + " vs " + b + ": the AUC difference " + Fmt.signed(d, 3) + " (" + level
          + Fmt.interval(ci, 3) + ") is not shown after adjusting for " + pairs + (pairs == 1 ? " comparison" : " comparisons")
          + " (Holm-adjusted "
          + Fmt.pEquals("p", Json.number(pair, "p_holm")) + ").";
      case NOT_ESTIMABLE -> a + " vs " + b + ": the AUC difference could not be estimated (see Notes).";
    };
  }

  /** Names a best model only when it beats every other one with the intervals to show it. */
  private Finding ranking(Results results, List<JsonNode> pairs) {
    for (String model : results.models()) {
      boolean beatsAll = true;
      for (String other : results.models()) {
        if (other.equals(model)) {
          continue;
        }
        JsonNode pair = pairs.stream().filter(p -> involves(p, model, other)).findFirst().orElse(null);
        Judgement j = pair == null ? Judgement.NOT_ESTIMABLE : judge(results, pair);
        boolean first = pair != null && pair.at("/models/0").asText().equals(model);
        beatsAll &= first ? j == Judgement.HIGHER : j == Judgement.LOWER;
      }
      if (beatsAll) {
        return new Finding(Finding.Strength.SHOWN, model + " has the highest AUC of the " + results.models().size()
            + " models: each of its differences to the others has an interval above 0 and a Holm-adjusted p of at most "
            + Fmt.decimal(results.alpha(), 2) + ".", id());
      }
    }
    return new Finding(Finding.Strength.NOT_SHOWN, "No model's AUC is shown to be higher than every other model's, so"
        + " the models are not ranked.", id());
  }

  private static boolean involves(JsonNode pair, String a, String b) {
    String first = pair.at("/models/0").asText();
    String second = pair.at("/models/1").asText();
    return first.equals(a) && second.equals(b) || first.equals(b) && second.equals(a);
  }
}

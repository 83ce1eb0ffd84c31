package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A proportion from results.json: {@code {estimate, ci, successes, trials}}. The estimate is NaN
 * when results.json has null (no trials).
 */
record Proportion(double estimate, Interval ci, long successes, long trials) {
  static Proportion of(JsonNode node) {
    if (node == null || !node.isObject()) {
      return new Proportion(Double.NaN, Interval.NONE, 0, 0);
    }
    return new Proportion(Json.number(node, "estimate"), Interval.of(node.get("ci")), node.path("successes").asLong(),
        node.path("trials").asLong());
  }

  boolean exists() {
    return Double.isFinite(estimate);
  }

  /** "68.6% (63.8–73.2%)" and, on a second line, "254/370". */
  String withInterval() {
    if (!exists()) {
      return Fmt.NOT_ESTIMABLE + "\n" + successes + "/" + trials;
    }
    return Fmt.percent(estimate) + " (" + Fmt.percentInterval(ci) + ")\n" + Fmt.count(successes) + "/" + Fmt.count(trials);
  }
}

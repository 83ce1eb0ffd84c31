package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;

/** A confidence interval as results.json writes it ({@code [lower, upper]}); NaN bounds when it is null. */
public record Interval(double lower, double upper) {
  static final Interval NONE = new Interval(Double.NaN, Double.NaN);

  public static Interval of(JsonNode node) {
    if (node == null || !node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
      return NONE;
    }
    return new Interval(node.get(0).asDouble(), node.get(1).asDouble());
  }

  public boolean exists() {
    return Double.isFinite(lower) && Double.isFinite(upper);
  }

  /** The interval lies entirely above or entirely below the value. */
  boolean excludes(double value) {
    return exists() && (lower > value || upper < value);
  }

  boolean above(double value) {
    return exists() && lower > value;
  }

  boolean below(double value) {
    return exists() && upper < value;
  }

  Interval times(double factor) {
    return new Interval(lower * factor, upper * factor);
  }
}

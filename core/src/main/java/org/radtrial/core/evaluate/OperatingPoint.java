package org.radtrial.core.evaluate;

/**
 * A model's decisions at one threshold.
 *
 * @param rule the rule that chose the threshold
 * @param threshold threshold in the model's own score units
 * @param higherIsPositive true when "positive" means score ≥ threshold, false for score ≤ threshold
 * @param metrics accuracy at the threshold
 */
public record OperatingPoint(OperatingPointRule rule, double threshold, boolean higherIsPositive, DecisionMetrics metrics) {
  /** The threshold on the oriented scale the core computes on (higher = more suspicious, positive if ≥). */
  public double orientedThreshold() {
    return higherIsPositive ? threshold : -threshold;
  }

  /** The decision rule as a user reads it, for example "score >= 0.42". */
  public String decision() {
    if (Double.isInfinite(threshold)) {
      return "no case called positive";
    }
    return (higherIsPositive ? "score >= " : "score <= ") + threshold;
  }
}

package org.radtrial.core.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * A condition a deployment must meet, e.g. {@code recall_rate<=0.03} or {@code cdr>=baseline}.
 *
 * @param metric the metric constrained
 * @param atMost true for ≤, false for ≥
 * @param bound the bound; NaN when it is the baseline's value
 */
public record Constraint(SimulationMetric metric, boolean atMost, double bound) {

  /** Parses a comma-separated list such as "recall_rate<=0.03,cdr>=baseline". */
  public static List<Constraint> parseAll(String text) {
    List<Constraint> constraints = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        constraints.add(parse(part.trim()));
      }
    }
    return constraints;
  }

  static Constraint parse(String text) {
    int le = text.indexOf("<=");
    int ge = text.indexOf(">=");
    if ((le < 0) == (ge < 0)) {
      throw new IllegalArgumentException("constraint '" + text + "': write METRIC<=VALUE or METRIC>=VALUE (VALUE may be 'baseline')");
    }
    int at = Math.max(le, ge);
    SimulationMetric metric = SimulationMetric.of(text.substring(0, at));
    String right = text.substring(at + 2).trim();
    double bound;
    if (right.equalsIgnoreCase("baseline")) {
      bound = Double.NaN;
    } else {
      try {
        bound = Double.parseDouble(right);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("constraint '" + text + "': '" + right + "' is neither a number nor 'baseline'");
      }
    }
    return new Constraint(metric, le >= 0, bound);
  }

  boolean holds(double value, double baseline) {
    double b = Double.isNaN(bound) ? baseline : bound;
    if (Double.isNaN(value)) {
      return false;
    }
    // A tolerance of 1e-9 relative keeps "cdr>=baseline" true where a strategy ties the baseline.
    double slack = 1e-9 * Math.max(1, Math.abs(b));
    return atMost ? value <= b + slack : value >= b - slack;
  }

  public String describe() {
    return metric.key() + (atMost ? "<=" : ">=") + (Double.isNaN(bound) ? "baseline" : Double.toString(bound));
  }
}

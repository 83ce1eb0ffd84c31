package org.radtrial.core.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How a model's decision threshold is chosen for an operating point. */
public sealed interface OperatingPointRule {

  /**
   * The rules used when none is asked for: every reader's observed specificity, or specificity ≥
   * 0.9 when there are no readers.
   */
  static List<OperatingPointRule> defaultsFor(List<String> readers) {
    List<OperatingPointRule> rules = new java.util.ArrayList<>();
    readers.forEach(r -> rules.add(new ReaderSpecificity(r)));
    if (rules.isEmpty()) {
      rules.add(new TargetSpecificity(0.9));
    }
    return List.copyOf(rules);
  }

  /** A readable name used in results, for example "specificity of reader_1". */
  String describe();

  /** Whether the rule gives the named model a threshold. */
  default boolean appliesTo(String model) {
    return true;
  }

  /** The same fixed score threshold, in the models' own units, for every model. */
  record FixedThreshold(double threshold) implements OperatingPointRule {
    public FixedThreshold {
      checkFinite(threshold, "threshold");
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "threshold %s", threshold);
    }
  }

  /**
   * Each named model at its own threshold, for example each vendor's recommended operating point;
   * the models are compared with each other at these thresholds.
   */
  record ModelThresholds(Map<String, Double> thresholds) implements OperatingPointRule {
    public ModelThresholds {
      thresholds = new LinkedHashMap<>(thresholds);
      if (thresholds.isEmpty()) {
        throw new IllegalArgumentException("name at least one model threshold");
      }
      thresholds.forEach((model, t) -> checkFinite(t, "threshold of " + model));
      thresholds = java.util.Collections.unmodifiableMap(thresholds);
    }

    @Override
    public String describe() {
      return "thresholds " + thresholds.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    @Override
    public boolean appliesTo(String model) {
      return thresholds.containsKey(model);
    }
  }

  /** The highest threshold that reaches at least this sensitivity. */
  record TargetSensitivity(double target) implements OperatingPointRule {
    public TargetSensitivity {
      checkRate(target, "target sensitivity");
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "sensitivity >= %s", target);
    }
  }

  /** The lowest threshold that keeps at least this specificity. */
  record TargetSpecificity(double target) implements OperatingPointRule {
    public TargetSpecificity {
      checkRate(target, "target specificity");
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "specificity >= %s", target);
    }
  }

  /**
   * The model at (at least) a human reader's observed specificity on the cases both decided: the
   * common "AI at radiologist specificity" comparison.
   */
  record ReaderSpecificity(String reader) implements OperatingPointRule {
    @Override
    public String describe() {
      return "specificity of " + reader;
    }
  }

  private static void checkRate(double value, String what) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(what + " must lie in [0, 1], was " + value);
    }
  }

  private static void checkFinite(double value, String what) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number, was " + value);
    }
  }
}

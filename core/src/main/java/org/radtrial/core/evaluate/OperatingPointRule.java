package org.radtrial.core.evaluate;

import java.util.Locale;

/** How a model's decision threshold is chosen for an operating point. */
public sealed interface OperatingPointRule {

  /** A readable name used in results, for example "specificity of reader_1". */
  String describe();

  /** A fixed score threshold in the model's own units; {@code model} null applies it to every model. */
  record FixedThreshold(String model, double threshold) implements OperatingPointRule {
    @Override
    public String describe() {
      return String.format(Locale.ROOT, "threshold %s", threshold);
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
   * The model at (at least) a human reader's observed specificity on the same cases: the common
   * "AI at radiologist specificity" comparison.
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
}

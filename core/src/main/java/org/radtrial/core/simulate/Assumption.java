package org.radtrial.core.simulate;

/**
 * What an unrecorded human decision (a new discordance's arbitration, an extra review) is assumed
 * to be: recall with probability {@code recallIfCancer} for a woman with cancer and
 * {@code recallIfNormal} for one without. Outcomes enter the counts as expected values, never as
 * invented individual decisions.
 *
 * @param name short name, e.g. "calibrated", "always recall", "never recall"
 * @param recallIfCancer probability that the decision recalls a case with cancer
 * @param recallIfNormal probability that it recalls a case without
 * @param source where the probabilities come from
 */
public record Assumption(String name, double recallIfCancer, double recallIfNormal, String source) {
  public Assumption {
    if (!(recallIfCancer >= 0 && recallIfCancer <= 1 && recallIfNormal >= 0 && recallIfNormal <= 1)) {
      throw new IllegalArgumentException("assumed recall probabilities must lie in [0, 1]");
    }
  }

  public static Assumption alwaysRecall() {
    return new Assumption("always recall", 1, 1, "upper bound: every unrecorded decision recalls");
  }

  public static Assumption neverRecall() {
    return new Assumption("never recall", 0, 0, "lower bound: no unrecorded decision recalls");
  }

  double recall(boolean cancer) {
    return cancer ? recallIfCancer : recallIfNormal;
  }
}

package org.radtrial.core.mrmc;

import java.util.Locale;

/**
 * What is measured of each reader in each modality. A call is positive when the rating is at or
 * beyond the cut in the modality's own direction: rating ≥ cut, or rating ≤ cut for a modality whose
 * lower ratings are the more suspicious.
 */
public sealed interface FigureOfMerit {
  /** A short name for tables and results.json. */
  String label();

  /**
   * The empirical (trapezoidal) area under the ROC curve, which equals the Mann-Whitney statistic:
   * P(rating of a positive case > rating of a negative case) + ½ P(tie).
   */
  record Auc() implements FigureOfMerit {
    @Override
    public String label() {
      return "AUC";
    }
  }

  /** The fraction of cases with disease called positive at the cut. */
  record Sensitivity(double cut) implements FigureOfMerit {
    public Sensitivity {
      requireFinite(cut);
    }

    @Override
    public String label() {
      return String.format(Locale.ROOT, "sensitivity at cut %s", Cuts.format(cut));
    }
  }

  /** The fraction of cases without disease called negative at the cut. */
  record Specificity(double cut) implements FigureOfMerit {
    public Specificity {
      requireFinite(cut);
    }

    @Override
    public String label() {
      return String.format(Locale.ROOT, "specificity at cut %s", Cuts.format(cut));
    }
  }

  private static void requireFinite(double cut) {
    if (!Double.isFinite(cut)) {
      throw new IllegalArgumentException("a rating cut must be a finite number, was " + cut);
    }
  }
}

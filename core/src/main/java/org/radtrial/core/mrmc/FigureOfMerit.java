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

  /**
   * A figure of merit computed outside this package and handed in with its value with each case
   * deleted ({@link JackknifeValues}), such as the weighted AFROC figure of merit of lesion
   * localization data (core.lesions). Only the jackknife covariance applies to it.
   */
  record Jackknifed(String label) implements FigureOfMerit {
    public Jackknifed {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("name the figure of merit");
      }
    }
  }

  private static void requireFinite(double cut) {
    if (!Double.isFinite(cut)) {
      throw new IllegalArgumentException("a rating cut must be a finite number, was " + cut);
    }
  }
}

package org.radtrial.core.lesions;

/**
 * The area-type figures of merit of localization data, each a Wilcoxon-type comparison of
 * "false-positive" scores F (one per case that counts as a false-positive case) with "target" ratings
 * T (lesions or abnormal cases) carrying weights w: θ = Σ_f Σ_t w_t ψ(f, t) / (|F| · M), with ψ(f, t) =
 * 1 if t &gt; f, ½ if t = f, 0 otherwise (−∞ = −∞ is a tie), and M the total weight. A case's
 * false-positive score is its highest NL rating (−∞ without NL marks); an unmarked lesion rates −∞.
 * These are RJafroc's definitions (its {@code src/MyFOM.cpp}).
 */
public enum LocalizationFigure {
  /**
   * Weighted AFROC (the JAFROC figure of merit): F = normal cases, T = every lesion with its weight (the
   * weights of a case sum to 1), M = K2 abnormal cases.
   */
  WAFROC("wAFROC", true, true, false),
  /** AFROC: F = normal cases, T = every lesion with weight 1, M = L_T lesions. */
  AFROC("AFROC", false, true, false),
  /** Weighted AFROC1 (for studies without normal cases): F = every case, T and M as {@link #WAFROC}. */
  WAFROC1("wAFROC1", true, false, false),
  /** AFROC1: F = every case, T and M as {@link #AFROC}. */
  AFROC1("AFROC1", false, false, false),
  /**
   * Inferred-ROC AUC (RJafroc's HrAuc): each case rated by its highest mark, NL or LL (−∞ without
   * marks); F = normal cases, T = abnormal cases with weight 1, M = K2: the Mann-Whitney AUC, ties ½.
   */
  INFERRED_ROC("inferred ROC AUC", false, true, true);

  private final String label;
  private final boolean weighted;
  private final boolean normalsOnly;
  private final boolean perCase;

  LocalizationFigure(String label, boolean weighted, boolean normalsOnly, boolean perCase) {
    this.label = label;
    this.weighted = weighted;
    this.normalsOnly = normalsOnly;
    this.perCase = perCase;
  }

  /** The name RJafroc gives it. */
  public String label() {
    return label;
  }

  boolean weighted() {
    return weighted;
  }

  /** Whether only normal cases supply false-positive scores (else every case does). */
  boolean normalsOnly() {
    return normalsOnly;
  }

  /** Whether the targets are cases (highest mark) rather than lesions. */
  boolean perCase() {
    return perCase;
  }
}

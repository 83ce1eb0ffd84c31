package org.radtrial.core.binary;

/** How a confidence interval for a binomial proportion is made. */
public enum CiMethod {
  /** Wilson score interval without continuity correction (R's {@code prop.test(correct = FALSE)}). */
  WILSON("Wilson"),
  /** Clopper-Pearson "exact" interval from beta quantiles (R's {@code binom.test}). */
  CLOPPER_PEARSON("Clopper-Pearson");

  private final String label;

  CiMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

package org.radtrial.core.mrmc;

/**
 * To which population a conclusion applies (Hillis, Obuchowski, Schartz and Berbaum 2005;
 * OR-DBM MRMC's "Analysis 1–3").
 */
public enum Generalization {
  /** Readers and cases are random samples: conclusions apply to both populations. */
  RANDOM_READERS_RANDOM_CASES("RRRC", "random readers, random cases"),
  /** Only cases are random: conclusions apply to these readers reading other cases. */
  FIXED_READERS_RANDOM_CASES("FRRC", "fixed readers, random cases"),
  /** Only readers are random: conclusions apply to other readers reading these cases. */
  RANDOM_READERS_FIXED_CASES("RRFC", "random readers, fixed cases");

  private final String code;
  private final String description;

  Generalization(String code, String description) {
    this.code = code;
    this.description = description;
  }

  /** RRRC, FRRC or RRFC. */
  public String code() {
    return code;
  }

  public String description() {
    return description;
  }
}

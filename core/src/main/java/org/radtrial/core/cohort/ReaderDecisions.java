package org.radtrial.core.cohort;

/**
 * One human reader's recorded binary decisions (recall or not) on every case, in case order.
 *
 * @param name the reader's name (its column in the case table)
 * @param decisions per case: {@link #POSITIVE}, {@link #NEGATIVE} or {@link #MISSING}
 */
public record ReaderDecisions(String name, byte[] decisions) {
  public static final byte POSITIVE = 1;
  public static final byte NEGATIVE = 0;
  public static final byte MISSING = -1;

  public ReaderDecisions {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a reader needs a name");
    }
    decisions = decisions.clone();
    for (byte d : decisions) {
      if (d != POSITIVE && d != NEGATIVE && d != MISSING) {
        throw new IllegalArgumentException("reader " + name + " has decision code " + d);
      }
    }
  }

  /** A copy of every case's decision: the record's own array never leaves it. */
  @Override
  public byte[] decisions() {
    return decisions.clone();
  }

  /** One case's decision: {@link #POSITIVE}, {@link #NEGATIVE} or {@link #MISSING}. */
  public byte decision(int caseIndex) {
    return decisions[caseIndex];
  }

  /** How many cases the reader decided or left missing. */
  public int size() {
    return decisions.length;
  }

  public int missing() {
    int missing = 0;
    for (byte d : decisions) {
      if (d == MISSING) {
        missing++;
      }
    }
    return missing;
  }
}

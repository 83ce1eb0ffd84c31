package org.radtrial.io;

/** What to do with a case whose model score or reader decision is missing. */
public enum MissingPolicy {
  /** Stop with an error naming the first missing value (the default: nothing is dropped unasked). */
  ERROR,
  /** Leave the case out of that model's (or reader's) analysis only, and count it in the results. */
  EXCLUDE
}

package org.radtrial.io;

/**
 * A check of every results.json text before it leaves {@link ResultsJson#text}. Implementations are
 * found with {@link java.util.ServiceLoader}; none ships, so in production this is a no-op. The test
 * suites register one (io's test-jar) that validates against docs/results-schema.json, so every
 * results.json any test writes is checked against the published schema.
 */
public interface ResultsCheck {
  /**
   * Checks one results.json.
   *
   * @param resultsJson the text about to be returned or written
   * @throws RuntimeException naming the JSON path and what is wrong, when the text is not acceptable
   */
  void check(String resultsJson);
}

package org.radtrial.core.evaluate;

/**
 * A human reader's recorded accuracy.
 *
 * @param name the reader
 * @param excludedMissing cases without a decision by this reader
 * @param metrics accuracy of the recorded decisions
 */
public record ReaderResult(String name, int excludedMissing, DecisionMetrics metrics) {}

package org.radtrial.io;

/** Provenance as a run would record it, for tests that write results.json. */
final class TestProvenance {
  private TestProvenance() {}

  static Provenance of(long seed) {
    return new Provenance("0.1.0-test", "cases.csv", "0".repeat(64), seed, "radtrial test", System.getProperty("java.version"),
        "2026-01-01T00:00:00Z");
  }
}

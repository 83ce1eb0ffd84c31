package org.radtrial.core.simulate;

/**
 * One exam's recorded human reading, compressed into a small code: cancer (2) × reader 1 (2) ×
 * reader 2 (2) × recorded arbitration (3: none, no recall, recall) × AI-assisted reads (4). Every
 * strategy's outcome for an exam depends only on this code and on whether the AI flags the exam,
 * which is what lets the simulator bootstrap millions of exams as counts of a few hundred codes.
 */
final class HumanReading {
  static final int CODES = 2 * 2 * 2 * 3 * 4;

  private HumanReading() {}

  static int code(boolean cancer, boolean r1, boolean r2, int arbitration, boolean a1, boolean a2) {
    int code = cancer ? 1 : 0;
    code = code * 2 + (r1 ? 1 : 0);
    code = code * 2 + (r2 ? 1 : 0);
    code = code * 3 + (arbitration + 1);
    return code * 4 + (a1 ? 2 : 0) + (a2 ? 1 : 0);
  }

  static boolean cancer(int code) {
    return code / 48 == 1;
  }

  static boolean reader1(int code) {
    return (code / 24) % 2 == 1;
  }

  static boolean reader2(int code) {
    return (code / 12) % 2 == 1;
  }

  /** −1 none recorded, 0 no recall, 1 recall. */
  static int arbitration(int code) {
    return (code / 4) % 3 - 1;
  }

  static boolean assisted1(int code) {
    return (code % 4) >= 2;
  }

  static boolean assisted2(int code) {
    return code % 2 == 1;
  }
}

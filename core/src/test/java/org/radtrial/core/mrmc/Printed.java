package org.radtrial.core.mrmc;

import org.assertj.core.data.Offset;

/** Tolerances for numbers that a reference program printed rounded to a number of decimals. */
final class Printed {
  private Printed() {}

  /** Half a unit in the last printed decimal: what rounding to that many decimals can hide. */
  static Offset<Double> decimals(int decimals) {
    return Offset.offset(0.5 * Math.pow(10, -decimals) + 1e-12);
  }
}

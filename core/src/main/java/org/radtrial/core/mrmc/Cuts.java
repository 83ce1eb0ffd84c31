package org.radtrial.core.mrmc;

import java.math.BigDecimal;

/** Rating cuts in the user's units and on the oriented scale. */
final class Cuts {
  private Cuts() {}

  /** The cut on the oriented scale (higher = more suspicious) of a modality. */
  static double oriented(double cut, boolean higherIsPositive) {
    return higherIsPositive ? cut : -cut;
  }

  /** The shortest plain decimal: 3 rather than 3.0, 0.25 as is. */
  static String format(double cut) {
    return BigDecimal.valueOf(cut).stripTrailingZeros().toPlainString();
  }
}

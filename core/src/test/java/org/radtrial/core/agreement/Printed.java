package org.radtrial.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

/** Asserts that a number rounds to a reference's printed value: within half a unit of its last decimal. */
final class Printed {
  private Printed() {}

  static void matches(double actual, String printed, String what) {
    BigDecimal reference = new BigDecimal(printed);
    double halfUnit = 0.5 * Math.pow(10, -reference.scale()) + 1e-12;
    assertThat(actual).as(what + " (printed " + printed + ")").isCloseTo(reference.doubleValue(), within(halfUnit));
  }
}

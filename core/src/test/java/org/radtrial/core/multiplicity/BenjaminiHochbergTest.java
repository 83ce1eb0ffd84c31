package org.radtrial.core.multiplicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {
  /** R 4.2.2 p.adjust(method = "BH"), src/test/reference/asah_audit.out. */
  @Test
  void matchesRPAdjust() {
    double[] p = {0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216};
    assertThat(BenjaminiHochberg.adjust(p)).containsExactly(new double[] {0.010000000000, 0.040000000000, 0.084000000000,
        0.084000000000, 0.084000000000, 0.100000000000, 0.105714285714, 0.216000000000, 0.216000000000, 0.216000000000},
        within(1e-11));
  }

  @Test
  void qIsAtLeastPAtMostHolmAndMonotone() {
    Random random = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      double[] p = random.doubles(1 + random.nextInt(30)).map(x -> x * x).toArray();
      double[] q = BenjaminiHochberg.adjust(p);
      double[] holm = Holm.adjust(p);
      for (int i = 0; i < p.length; i++) {
        assertThat(q[i]).isBetween(p[i], 1.0).isLessThanOrEqualTo(holm[i] + 1e-15);
        for (int j = 0; j < p.length; j++) {
          if (p[i] < p[j]) {
            assertThat(q[i]).isLessThanOrEqualTo(q[j]);
          }
        }
      }
    }
  }
}

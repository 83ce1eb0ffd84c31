package org.radtrial.core.multiplicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Holm's adjustment against R's p.adjust (src/test/reference/asah_delong.out). */
class HolmTest {

  @Test
  void matchesRPAdjust() {
    assertThat(Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}))
        .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-12));
    assertThat(Holm.adjust(new double[] {0.164295175223, 0.027175782229, 0.005145579707}))
        .containsExactly(new double[] {0.164295175223, 0.054351564458, 0.015436739121}, within(1e-11));
  }

  @Test
  void adjustedPIsNeverBelowRawNorAboveOneAndKeepsOrder() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      double[] p = random.doubles(1 + random.nextInt(20)).toArray();
      double[] adjusted = Holm.adjust(p);
      for (int i = 0; i < p.length; i++) {
        assertThat(adjusted[i]).isBetween(p[i], 1.0);
        for (int j = 0; j < p.length; j++) {
          if (p[i] < p[j]) {
            assertThat(adjusted[i]).isLessThanOrEqualTo(adjusted[j]);
          }
        }
      }
    }
  }

  @Test
  void rejectsValuesOutsideTheUnitInterval() {
    assertThatThrownBy(() -> Holm.adjust(new double[] {0.2, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 1]");
  }
}

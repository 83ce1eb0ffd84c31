package org.radtrial.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScaleTest {
  @Test
  void mapsTheDomainOntoTheRangeEvenWhenTheRangeIsReversed() {
    Scale y = new Scale(0, 1, 400, 20);
    assertThat(y.map(0)).isEqualTo(400);
    assertThat(y.map(1)).isEqualTo(20);
    assertThat(y.map(0.5)).isEqualTo(210);
    assertThat(y.mapClamped(1.7)).isEqualTo(20);
  }

  @Test
  void ticksAreRoundStepsInsideTheDomain() {
    List<Double> unit = new Scale(0, 1, 0, 100).ticks(5);
    assertThat(unit).hasSize(6);
    for (int k = 0; k < unit.size(); k++) {
      assertThat(unit.get(k)).isCloseTo(0.2 * k, within(1e-12));
    }
    List<Double> ticks = new Scale(0.9405, 0.9562, 0, 100).ticks(4);
    assertThat(ticks).allSatisfy(t -> assertThat(t).isBetween(0.9405, 0.9562));
    assertThat(ticks.get(1) - ticks.get(0)).isCloseTo(0.005, within(1e-12));
  }

  @Test
  void aPaddedDomainHoldsTheDataAndStaysWithinItsLimits() {
    Random random = new Random(7);
    for (int k = 0; k < 500; k++) {
      double low = random.nextDouble();
      double high = low + random.nextDouble() * (1 - low);
      double[] domain = Scale.paddedDomain(low, high, 0, 1);
      assertThat(domain[0]).isLessThanOrEqualTo(low).isGreaterThanOrEqualTo(0);
      assertThat(domain[1]).isGreaterThanOrEqualTo(high).isLessThanOrEqualTo(1);
      assertThat(domain[1]).isGreaterThan(domain[0]);
    }
  }

  @Test
  void anEmptyDomainIsABug() {
    assertThatThrownBy(() -> new Scale(1, 1, 0, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}

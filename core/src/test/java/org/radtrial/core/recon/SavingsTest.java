package org.radtrial.core.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed totals and savings; energy from minutes and the scanner's power; unpaired exams counted. */
class SavingsTest {
  private static final double NAN = Double.NaN;

  @Test
  void totalsAndSavingsAddUpByHand() {
    // three exams; the fast protocol takes 5 and 6 minutes where the standard takes 20 and 18; exam 3 has no fast time
    ExamCost[][] costs = {
      {new ExamCost(20, 10, 400, NAN), new ExamCost(5, 4, 160, NAN)},
      {new ExamCost(18, 12, 500, NAN), new ExamCost(6, 6, 250, NAN)},
      {new ExamCost(22, NAN, NAN, NAN), ExamCost.UNKNOWN},
    };
    Savings.Result r = Savings.of(List.of("standard", "fast"), costs, 30);
    Savings.Total minutes = r.protocols().get(0).quantities().get(0);
    assertThat(minutes.quantity()).isEqualTo(SavingsQuantity.MINUTES);
    assertThat(minutes.exams()).isEqualTo(3);
    assertThat(minutes.total()).isEqualTo(60);
    assertThat(minutes.mean()).isEqualTo(20);
    assertThat(r.protocols().get(0).quantities()).extracting(Savings.Total::quantity)
        .containsExactly(SavingsQuantity.MINUTES, SavingsQuantity.CTDI_VOL, SavingsQuantity.DLP, SavingsQuantity.ENERGY);
    Savings.Saving time = r.savings().get(0);
    assertThat(time.quantity()).isEqualTo(SavingsQuantity.MINUTES);
    assertThat(time.exams()).isEqualTo(2);
    assertThat(time.unpaired()).isEqualTo(1);
    assertThat(time.reference()).isEqualTo(38);
    assertThat(time.candidate()).isEqualTo(11);
    assertThat(time.saved()).isEqualTo(27);
    assertThat(time.savedPerExam()).isEqualTo(13.5);
    assertThat(time.fraction()).isCloseTo(27.0 / 38, within(1e-15));
    Savings.Saving energy = r.savings().stream().filter(s -> s.quantity() == SavingsQuantity.ENERGY).findFirst().orElseThrow();
    // 27 minutes at 30 kW = 13.5 kWh
    assertThat(energy.saved()).isCloseTo(13.5, within(1e-12));
    Savings.Saving dlp = r.savings().stream().filter(s -> s.quantity() == SavingsQuantity.DLP).findFirst().orElseThrow();
    assertThat(dlp.saved()).isEqualTo(490);
    assertThat(dlp.unpaired()).isZero();
  }

  @Test
  void withoutAPowerFigureThereIsNoEnergy() {
    ExamCost[][] costs = {{new ExamCost(20, NAN, NAN, NAN), new ExamCost(5, NAN, NAN, NAN)}};
    Savings.Result r = Savings.of(List.of("standard", "fast"), costs, NAN);
    assertThat(r.savings()).extracting(Savings.Saving::quantity).containsExactly(SavingsQuantity.MINUTES);
  }

  @Test
  void refusesNegativeCostsAndPower() {
    assertThatThrownBy(() -> new ExamCost(-1, NAN, NAN, NAN)).hasMessage("scanner minutes must be a finite number ≥ 0, was -1.0");
    assertThatThrownBy(() -> Savings.of(List.of("a", "b"), new ExamCost[0][], 0))
        .hasMessage("the scanner's power must be a positive number of kW, was 0.0");
  }
}

package org.radtrial.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radtrial.core.Fixtures;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;

/**
 * The audit on real public data against R: per-subgroup AUCs and DeLong intervals against pROC
 * 1.18.0 on each subgroup of pROC's aSAH data set (gender; age banded at 40/50/60/70), calibration
 * against glm, the Kolmogorov-Smirnov shift against ks.test(exact = FALSE). Expected numbers:
 * src/test/reference/asah_audit.out, printed by asah_audit.R.
 */
class AuditReferenceTest {
  private static final Fixtures ASAH = Fixtures.asah();
  private static final boolean[] POOR = ASAH.is("outcome", "Poor");

  static Cohort cohort() {
    List<String> ids = ASAH.strings("case_id");
    return new Cohort(ids, POOR, List.of(
        new ModelScores("s100b", ASAH.numbers("s100b"), true),
        new ModelScores("ndka", ASAH.numbers("ndka"), true),
        new ModelScores("wfns", ASAH.numbers("wfns"), true)), List.of(),
        Map.of("gender", ASAH.strings("gender"), "age", ASAH.strings("age")));
  }

  static AuditResult audit() {
    AuditSpec spec = AuditSpec.of(List.of("gender", "age")).withGrouping(Map.of(), 1).withSearch(0, 10, 0.05, 20);
    return Auditor.audit(cohort(), spec, "fixed", new double[] {0.2, 12, 3}, null);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "s100b| gender = Male| 42| 20| 0.7727272727| 0.6317098665| 0.9137446790",
    "s100b| gender = Female| 71| 21| 0.7200000000| 0.5699530943| 0.8700469057",
    "s100b| age = <40| 26| 5| 0.7238095238| 0.4245219303| 1.0000000000",
    "s100b| age = [40, 50)| 25| 10| 0.7466666667| 0.5253349105| 0.9679984228",
    "s100b| age = [50, 60)| 30| 12| 0.6481481481| 0.4428998424| 0.8533964539",
    "s100b| age = [60, 70)| 19| 6| 0.8397435897| 0.6438116320| 1.0000000000",
    "s100b| age = >=70| 13| 8| 0.8250000000| 0.5741251568| 1.0000000000",
    "ndka| gender = Male| 42| 20| 0.5522727273| 0.3705663737| 0.7339790808",
    "ndka| gender = Female| 71| 21| 0.6671428571| 0.5261398281| 0.8081458862",
    "ndka| age = <40| 26| 5| 0.7619047619| 0.5750549553| 0.9487545685",
    "ndka| age = [40, 50)| 25| 10| 0.5733333333| 0.3367933735| 0.8098732932",
    "ndka| age = [50, 60)| 30| 12| 0.6944444444| 0.4918540882| 0.8970348007",
    "ndka| age = [60, 70)| 19| 6| 0.5128205128| 0.1562189670| 0.8694220586",
    "ndka| age = >=70| 13| 8| 0.7250000000| 0.4176028184| 1.0000000000",
    "wfns| gender = Male| 42| 20| 0.8761363636| 0.7730557050| 0.9792170222",
    "wfns| gender = Female| 71| 21| 0.7785714286| 0.6699916328| 0.8871512243",
    "wfns| age = <40| 26| 5| 0.9142857143| 0.7936385771| 1.0000000000",
    "wfns| age = [40, 50)| 25| 10| 0.9266666667| 0.8397946980| 1.0000000000",
    "wfns| age = [50, 60)| 30| 12| 0.7500000000| 0.5721141857| 0.9278858143",
    "wfns| age = [60, 70)| 19| 6| 0.8717948718| 0.7087063316| 1.0000000000",
    "wfns| age = >=70| 13| 8| 0.5750000000| 0.2364728028| 0.9135271972"
  })
  void subgroupAucAndDelongIntervalMatchProc(String model, String subgroup, int n, int positives, double auc, double lower,
      double upper) {
    SubgroupRow row = audit().subgroups().stream()
        .filter(r -> r.model().equals(model) && r.subgroup().label().equals(subgroup)).findFirst().orElseThrow();
    assertThat(row.cases()).isEqualTo(n);
    assertThat(row.positives()).isEqualTo(positives);
    assertThat(row.auc().estimate()).isCloseTo(auc, within(1e-9));
    assertThat(row.auc().ci().lower()).isCloseTo(lower, within(1e-9));
    assertThat(row.auc().ci().upper()).isCloseTo(upper, within(1e-9));
  }

  @Test
  void calibrationMatchesGlm() {
    double[] s100b = ASAH.numbers("s100b");
    double[] p = new double[s100b.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = 1 - Math.exp(-s100b[i]);
    }
    Calibration c = Calibration.of(p, POOR, 0.95);
    assertThat(c.intercept()).isCloseTo(1.0344601369, within(1e-8));
    assertThat(c.slope()).isCloseTo(1.0037495465, within(1e-8));
    assertThat((c.slopeCi().upper() - c.slopeCi().lower()) / (2 * 1.959963984540054)).isCloseTo(0.2407482855, within(1e-8));
    assertThat(c.calibrationInTheLarge()).isCloseTo(1.0286665815, within(1e-8));
    assertThat((c.calibrationInTheLargeCi().upper() - c.calibrationInTheLargeCi().lower()) / (2 * 1.959963984540054))
        .isCloseTo(0.2166819594, within(1e-8));
    assertThat(c.brier()).isCloseTo(0.2158969898, within(1e-10));
    assertThat(c.events()).isEqualTo(41);
  }

  @Test
  void kolmogorovSmirnovShiftMatchesKsTest() {
    List<String> gender = ASAH.strings("gender");
    double[] s100b = ASAH.numbers("s100b");
    double[] female = java.util.stream.IntStream.range(0, s100b.length).filter(i -> gender.get(i).equals("Female"))
        .mapToDouble(i -> s100b[i]).toArray();
    double[] male = java.util.stream.IntStream.range(0, s100b.length).filter(i -> gender.get(i).equals("Male"))
        .mapToDouble(i -> s100b[i]).toArray();
    Shift shift = Shift.continuous("s100b", "score", female, male);
    assertThat(shift.ksStatistic()).isCloseTo(0.0928906774, within(1e-9));
    assertThat(shift.ksP()).isCloseTo(0.976697081286, within(1e-9));
    double[] age = ASAH.numbers("age");
    Shift byOutcome = Shift.continuous("age", "metadata", Fixtures.select(age, POOR, false), Fixtures.select(age, POOR, true));
    assertThat(byOutcome.ksStatistic()).isCloseTo(0.2035907859, within(1e-9));
    assertThat(byOutcome.ksP()).isCloseTo(0.229009572633, within(1e-9));
  }
}

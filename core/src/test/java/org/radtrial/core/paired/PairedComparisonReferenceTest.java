package org.radtrial.core.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.radtrial.core.paired.ScipyOutput.number;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.radtrial.core.Fixtures;

/**
 * Every non-bootstrap number of {@link PairedComparison} against numpy and scipy 1.10.1: per-method n,
 * mean, median and SD; per pair the complete cases, mean and median of the differences, the Wilcoxon
 * test and Holm's adjustment over the pairs. Data: four ratings of the same 43 judges (R's
 * USJudgeRatings, many ties and zeros) and five seeded random data sets of three Dice-like methods
 * (unrounded at 12 and at 50 cases, the exact test; 51 cases; rounded with 5–10% missing at 40 and 300
 * cases). Expected values: src/test/reference/paired/wilcoxon_scipy.out (wilcoxon_scipy.py).
 */
class PairedComparisonReferenceTest {
  @Test
  void judgeRatingsMatchScipy() {
    Fixtures judges = Fixtures.paired("judge_ratings.csv");
    List<String> ratings = List.of("INTG", "DMNR", "DILG", "CFMG");
    double[][] values = ratings.stream().map(judges::numbers).toArray(double[][]::new);
    check("judges", ratings, values);
  }

  @Test
  void randomDataSetsWithTiesZerosAndMissingValuesMatchScipy() {
    Fixtures random = Fixtures.paired("paired_random.csv");
    List<String> sets = random.strings("dataset").stream().distinct().toList();
    assertThat(sets).containsExactly("small_exact", "rounded_missing", "large", "fifty", "fifty_one");
    for (String set : sets) {
      List<String> names = random.strings("dataset");
      int[] rows = IntStream.range(0, names.size()).filter(i -> names.get(i).equals(set)).toArray();
      double[][] values = List.of("a", "b", "c").stream().map(random::numbers)
          .map(column -> IntStream.of(rows).mapToDouble(i -> column[i]).toArray()).toArray(double[][]::new);
      check(set, List.of("a", "b", "c"), values);
    }
  }

  private static void check(String dataset, List<String> methods, double[][] values) {
    PairedComparisonResult result = PairedComparison.compare(methods, values, Direction.HIGHER_IS_BETTER, 200, 1, 0.95);
    List<Map<String, String>> expectedMethods =
        ScipyOutput.read("method").stream().filter(f -> f.get("dataset").equals(dataset)).toList();
    assertThat(expectedMethods).hasSize(methods.size());
    for (int j = 0; j < methods.size(); j++) {
      Map<String, String> e = expectedMethods.get(j);
      MethodSummary s = result.methods().get(j);
      String what = dataset + " " + s.name();
      assertThat(s.name()).isEqualTo(e.get("method"));
      assertThat(s.n()).as(what).isEqualTo((int) number(e, "n"));
      assertThat(s.n() + s.missing()).as(what).isEqualTo(values[0].length);
      assertThat(s.mean()).as(what).isCloseTo(number(e, "mean"), within(1e-13));
      assertThat(s.median()).as(what).isEqualTo(number(e, "median"));
      assertThat(s.sd()).as(what).isCloseTo(number(e, "sd"), within(1e-13));
    }
    List<Map<String, String>> expectedPairs =
        ScipyOutput.read("pair").stream().filter(f -> dataset.equals(f.get("dataset")) && f.containsKey("first")).toList();
    assertThat(expectedPairs).hasSize(result.pairs().size());
    for (int q = 0; q < expectedPairs.size(); q++) {
      Map<String, String> e = expectedPairs.get(q);
      PairComparison p = result.pairs().get(q);
      String what = dataset + " " + p.first() + " − " + p.second();
      assertThat(p.first()).isEqualTo(e.get("first"));
      assertThat(p.second()).isEqualTo(e.get("second"));
      assertThat(p.n()).as(what).isEqualTo((int) number(e, "complete"));
      assertThat(p.leftOut()).as(what).isEqualTo((int) number(e, "left_out"));
      assertThat(p.meanDifference()).as(what).isCloseTo(number(e, "mean_difference"), within(1e-13));
      assertThat(p.medianDifference()).as(what).isEqualTo(number(e, "median_difference"));
      WilcoxonReferenceTest.matches(p.wilcoxon(), e, what);
      double holm = number(e, "holm");
      assertThat(p.holmP()).as(what + ": Holm").isCloseTo(holm, WilcoxonReferenceTest.relative(holm));
    }
  }
}

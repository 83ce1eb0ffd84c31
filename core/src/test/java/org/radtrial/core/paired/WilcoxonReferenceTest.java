package org.radtrial.core.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.radtrial.core.paired.ScipyOutput.number;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.radtrial.core.Fixtures;

/**
 * The Wilcoxon signed-rank test against scipy 1.10.1 (Debian's python3-scipy; for tied data at 50 or fewer
 * non-zero differences, the exact conditional p counted in wilcoxon_crosscheck.py) on real paired data sets
 * from R's packages (Hollander & Wolfe's depression example, sleep, immer, anorexia, shoes; written by
 * src/test/reference/paired/datasets.R). Expected values: src/test/reference/paired/wilcoxon_scipy.out,
 * printed by wilcoxon_scipy.py, read here line by line.
 */
class WilcoxonReferenceTest {
  private final Fixtures data = Fixtures.paired("wilcoxon_pairs.csv");

  private WilcoxonResult test(String dataset) {
    List<String> names = data.strings("dataset");
    double[] x = data.numbers("x");
    double[] y = data.numbers("y");
    int[] rows = IntStream.range(0, names.size()).filter(i -> names.get(i).equals(dataset)).toArray();
    return WilcoxonSignedRank.test(IntStream.of(rows).mapToDouble(i -> x[i]).toArray(),
        IntStream.of(rows).mapToDouble(i -> y[i]).toArray());
  }

  @Test
  void everyRealDataSetMatchesScipy() {
    List<Map<String, String>> expected = ScipyOutput.read("pair").stream().filter(f -> !f.containsKey("first")).toList();
    assertThat(expected).extracting(f -> f.get("dataset"))
        .containsExactly("depression", "sleep", "immer", "anorexia", "shoes");
    for (Map<String, String> e : expected) {
      matches(test(e.get("dataset")), e, e.get("dataset"));
    }
  }

  @Test
  void theDepressionExampleGivesRsTwoSidedExactTest() {
    // R's wilcox.test(x, y, paired = TRUE), two-sided: V = 40, p-value = 0.03906 (exact); scipy reports
    // W = min(R+, R−) = 5. (R's ?wilcox.test example itself is one-sided, alternative = "greater":
    // p-value = 0.01953, half of this.)
    WilcoxonResult r = test("depression");
    assertThat(r.method()).isEqualTo(WilcoxonSignedRank.Method.EXACT);
    assertThat(r.rankSumPositive()).isEqualTo(40);
    assertThat(r.statistic()).isEqualTo(5);
    assertThat(r.p()).isEqualTo(0.0390625);
  }

  @Test
  void tiedSmallDataSetsTakeTheExactConditionalTestNotScipysTruncatedExactValueNorItsApproximation() {
    // shoes: 10 pairs, no zero, tied |d|: scipy's "auto" gives 0.009765625 from int(R+), its "approx"
    // 0.0124; the exact conditional p is 0.0078125 (exactRankTests and coin, wilcoxon_exact_conditional.out)
    WilcoxonResult shoes = test("shoes");
    assertThat(shoes.ties()).isTrue();
    assertThat(shoes.method()).isEqualTo(WilcoxonSignedRank.Method.EXACT_CONDITIONAL);
    assertThat(shoes.p()).isEqualTo(0.0078125);
  }

  /** Compares one result with one line of scipy's output. */
  static void matches(WilcoxonResult r, Map<String, String> e, String what) {
    assertThat(r.complete()).as(what).isEqualTo((int) number(e, "complete"));
    assertThat(r.leftOut()).as(what).isEqualTo((int) number(e, "left_out"));
    assertThat(r.zeros()).as(what).isEqualTo((int) number(e, "zeros"));
    assertThat(r.n()).as(what).isEqualTo((int) number(e, "n"));
    assertThat(r.ties()).as(what).isEqualTo(Boolean.parseBoolean(e.get("ties").toLowerCase(java.util.Locale.ROOT)));
    assertThat(r.method().name()).as(what).isEqualTo(e.get("method"));
    if (r.method() == WilcoxonSignedRank.Method.NOT_COMPUTED) {
      assertThat(r.p()).as(what).isNaN();
      return;
    }
    assertThat(r.rankSumPositive()).as(what).isEqualTo(number(e, "r_plus"));
    assertThat(r.statistic()).as(what).isEqualTo(number(e, "statistic"));
    double p = number(e, "expected_p");
    if (r.method() == WilcoxonSignedRank.Method.EXACT || r.method() == WilcoxonSignedRank.Method.EXACT_CONDITIONAL) {
      // both counted exactly (scipy's pmf, the script's integer subset sums): the same double
      assertThat(r.p()).as(what + ": exact p, the same double").isEqualTo(p);
    } else {
      assertThat(r.z()).as(what + ": z").isCloseTo(number(e, "z_approx"), within(1e-12));
      assertThat(r.p()).as(what + ": p").isCloseTo(p, relative(p));
    }
  }

  /** Relative 1e-11 (Hipparchus' and scipy's normal tails agree to about 1e-15 relative). */
  static Offset<Double> relative(double p) {
    return within(Math.max(1e-11 * p, 1e-300));
  }
}

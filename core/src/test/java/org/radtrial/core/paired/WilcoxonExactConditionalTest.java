package org.radtrial.core.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The exact conditional signed-rank test used for tied |d| at 50 or fewer non-zero differences: against
 * R's exactRankTests::wilcox.exact and coin::wilcoxsign_test (committed output of
 * src/test/reference/paired/wilcoxon_exact_conditional.R: sleep, MASS immer and shoes, the review's
 * example, the judges' ratings and rounded pairs of wilcoxon_scipy.out, 40 random tied data sets),
 * against brute-force enumeration of every sign pattern, and against the untied exact distribution
 * when nothing is tied.
 */
class WilcoxonExactConditionalTest {
  private static final Path REFERENCE = Path.of("src/test/reference/paired/wilcoxon_exact_conditional.out");

  @Test
  void everyReferenceDataSetMatchesExactRankTestsAndCoin() throws IOException {
    List<Map<String, String>> lines = ScipyOutput.parse(Files.readAllLines(REFERENCE), "exact");
    assertThat(lines).hasSize(53);
    int conditional = 0;
    for (Map<String, String> e : lines) {
      String what = e.get("dataset");
      WilcoxonResult r = ofDifferences(e.get("d"));
      assertThat(r.n()).as(what).isEqualTo((int) ScipyOutput.number(e, "n"));
      assertThat(r.zeros()).as(what).isEqualTo((int) ScipyOutput.number(e, "zeros"));
      assertThat(r.ties()).as(what).isEqualTo(e.get("ties").equals("TRUE"));
      assertThat(r.rankSumPositive()).as(what).isEqualTo(ScipyOutput.number(e, "r_plus"));
      double ert = ScipyOutput.number(e, "p_exactRankTests");
      assertThat(ScipyOutput.number(e, "p_coin")).as(what + ": the two R packages").isCloseTo(ert, within(1e-12 * ert));
      if (r.ties()) {
        assertThat(r.method()).as(what).isEqualTo(WilcoxonSignedRank.Method.EXACT_CONDITIONAL);
        conditional++;
      } else if (r.zeros() == 0) {
        assertThat(r.method()).as(what).isEqualTo(WilcoxonSignedRank.Method.EXACT);
      } else {
        assertThat(r.method()).as(what + ": zeros without ties keep scipy's approximation")
            .isEqualTo(WilcoxonSignedRank.Method.NORMAL);
        continue;
      }
      // R sums double probabilities; radtrial counts exactly: agreement to rounding
      assertThat(r.p()).as(what + ": p").isCloseTo(ert, within(1e-12 * ert));
    }
    assertThat(conditional).isEqualTo(50);
  }

  @Test
  void theReviewsSmallTiedExampleGetsTheExactConditionalP() {
    // the tie-corrected normal approximation gave 0.0403 here; exactly: 4 of the 128 sign patterns
    // have R− ≤ 2, so p = 2 · 4/128
    WilcoxonResult r = WilcoxonSignedRank.test(new double[] {.02, .02, .01, .01, .03, .03, -.01}, new double[7]);
    assertThat(r.method()).isEqualTo(WilcoxonSignedRank.Method.EXACT_CONDITIONAL);
    assertThat(r.rankSumNegative()).isEqualTo(2);
    assertThat(r.z()).isNaN();
    assertThat(r.p()).isEqualTo(0.0625);
  }

  @RepeatedTest(200)
  void theExactConditionalPIsTheShareOfSignPatternsAtLeastAsFarFromTheCentre(RepetitionInfo repetition) {
    SplittableRandom random = new SplittableRandom(20261130L + repetition.getCurrentRepetition());
    int n = 1 + random.nextInt(16);
    int levels = 1 + random.nextInt(6);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = (1 + random.nextInt(levels)) * (random.nextBoolean() ? 1 : -1) * 0.01;
    }
    WilcoxonResult r = WilcoxonSignedRank.test(d, new double[n]);
    assertThat(r.method()).isIn(WilcoxonSignedRank.Method.EXACT, WilcoxonSignedRank.Method.EXACT_CONDITIONAL);
    assertThat(r.method() == WilcoxonSignedRank.Method.EXACT_CONDITIONAL).isEqualTo(r.ties());
    assertThat(r.p()).as(Arrays.toString(d)).isEqualTo(bruteForceP(d));
  }

  @Test
  void withoutTiesTheConditionalDistributionIsTheExactOne() {
    for (int n = 1; n <= 20; n++) {
      int[] doubled = new int[n];
      for (int i = 0; i < n; i++) {
        doubled[i] = 2 * (i + 1);
      }
      for (int r = 0; r <= n * (n + 1) / 2; r++) {
        assertThat(WilcoxonSignedRank.exactConditionalP(doubled, 2 * r)).as("n %d, R+ %d", n, r)
            .isEqualTo(WilcoxonSignedRank.exactP(n, r));
      }
    }
  }

  @Test
  void theConditionalCountsCoverEverySignPatternOnceAndAreSymmetric() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 50; trial++) {
      int[] scores = random.ints(1 + random.nextInt(50), 1, 101).toArray();
      long[] counts = WilcoxonSignedRank.conditionalCounts(scores);
      assertThat(counts).hasSize(Arrays.stream(scores).sum() + 1);
      assertThat(Arrays.stream(counts).sum()).isEqualTo(1L << scores.length);
      for (int s = 0; s < counts.length; s++) {
        assertThat(counts[s]).isEqualTo(counts[counts.length - 1 - s]);
      }
    }
  }

  @Test
  void fiftyTiedDifferencesAreExactAndFiftyOneAreNormal() {
    assertThat(WilcoxonSignedRank.test(tied(50), new double[50]).method())
        .isEqualTo(WilcoxonSignedRank.Method.EXACT_CONDITIONAL);
    assertThat(WilcoxonSignedRank.test(tied(51), new double[51]).method()).isEqualTo(WilcoxonSignedRank.Method.NORMAL);
  }

  /** n differences in {−3, …, 3} \ {0}: ties throughout, no zero. */
  private static double[] tied(int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = (i % 3 + 1) * (i % 4 == 0 ? -1 : 1);
    }
    return d;
  }

  /** p = P(|T − E| ≥ |t − E|) over all 2^n sign patterns of the average ranks, counted one by one. */
  private static double bruteForceP(double[] d) {
    int n = d.length;
    double[] rank = new double[n];
    for (int i = 0; i < n; i++) {
      int below = 0;
      int equal = 0;
      for (double v : d) {
        below += Math.abs(v) < Math.abs(d[i]) ? 1 : 0;
        equal += Math.abs(v) == Math.abs(d[i]) ? 1 : 0;
      }
      rank[i] = below + (equal + 1) / 2.0;
    }
    double observed = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      observed += d[i] > 0 ? rank[i] : 0;
      total += rank[i];
    }
    double centre = total / 2;
    long atLeastAsFar = 0;
    for (long signs = 0; signs < 1L << n; signs++) {
      double t = 0;
      for (int i = 0; i < n; i++) {
        t += (signs >> i & 1) == 1 ? rank[i] : 0;
      }
      atLeastAsFar += Math.abs(t - centre) >= Math.abs(observed - centre) ? 1 : 0;
    }
    return (double) atLeastAsFar / (1L << n);
  }

  private static WilcoxonResult ofDifferences(String list) {
    double[] d = Arrays.stream(list.split(";")).mapToDouble(Double::parseDouble).toArray();
    return WilcoxonSignedRank.test(d, new double[d.length]);
  }
}

package org.radtrial.core.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.Rscript;

/**
 * Live cross-check of the exact conditional signed-rank test against R's exactRankTests::wilcox.exact on
 * 60 random tied data sets: 2 to 50 non-zero differences, integer differences or differences of scores
 * rounded to 2 or 3 decimals (ties), some zeros, shifts from none to large. The test writes the
 * differences, runs src/test/reference/paired/wilcoxon_exact_conditional_crosscheck.R and compares V = R+
 * and p (to 1e-12 relative: R sums double probabilities, radtrial counts exactly).
 *
 * <p>Needs Rscript with exactRankTests (Debian: r-cran-exactranktests, installed by .ci/run); skipped, and
 * reported as skipped, where it is absent. The committed reference values of
 * {@link WilcoxonExactConditionalTest} do not need R.
 */
class WilcoxonExactConditionalLiveCrossCheckTest {
  private static final Path SCRIPT = Path.of("src/test/reference/paired/wilcoxon_exact_conditional_crosscheck.R");
  @TempDir Path dir;

  @Test
  void exactConditionalPMatchesExactRankTestsOnRandomTiedDataSets() throws Exception {
    assumeTrue(Rscript.hasPackage("exactRankTests"),
        "Rscript with exactRankTests is not installed (apt-get install r-cran-exactranktests)");
    SplittableRandom random = new SplittableRandom(20261130);
    List<double[]> sets = new ArrayList<>();
    StringBuilder csv = new StringBuilder("dataset,d\n");
    for (int k = 0; k < 60; k++) {
      int n = 2 + random.nextInt(49);
      double scale = switch (k % 3) {
        case 0 -> 1; // integer differences
        case 1 -> 100;
        default -> 1000;
      };
      double shift = random.nextDouble() * (k % 4 == 0 ? 0 : 0.04);
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        double base = 0.6 + 0.3 * random.nextDouble();
        double other = base + shift + 0.03 * gaussian(random);
        d[i] = scale == 1 ? Math.round(3 * gaussian(random) + 40 * shift)
            : Math.round(other * scale) / scale - Math.round(base * scale) / scale;
      }
      d[0] = d[0] == 0 ? 1 : d[0]; // something to rank
      for (double v : d) {
        csv.append(k).append(',').append(v).append('\n');
      }
      sets.add(d);
    }
    Path input = dir.resolve("differences.csv");
    Files.writeString(input, csv);
    List<String> lines = Rscript.run(SCRIPT, input, 300);
    assertThat(lines).hasSize(sets.size() + 1);
    int conditional = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double[] d = sets.get(Integer.parseInt(f[0]));
      String context = "data set " + f[0] + " (" + d.length + " differences)";
      WilcoxonResult r = WilcoxonSignedRank.test(d, new double[d.length]);
      assertThat(r.rankSumPositive()).as(context + ": V").isEqualTo(Double.parseDouble(f[1]));
      if (r.method() != WilcoxonSignedRank.Method.EXACT_CONDITIONAL) {
        continue;
      }
      conditional++;
      double p = Double.parseDouble(f[2]);
      assertThat(r.p()).as(context + ": p").isCloseTo(p, within(1e-12 * p));
    }
    assertThat(conditional).isGreaterThan(50);
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}

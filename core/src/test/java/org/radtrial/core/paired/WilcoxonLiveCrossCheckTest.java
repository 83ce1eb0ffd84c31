package org.radtrial.core.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.Python;

/**
 * Live cross-check against scipy 1.10.1 on 80 random paired data sets: 1 to 150 cases, continuous or
 * rounded values (ties), zeros, missing values, shifts from none to large, one data set where every
 * difference is zero. The test writes the data, runs src/test/reference/paired/wilcoxon_crosscheck.py
 * with Debian's /usr/bin/python3 and compares counts, R+, W, z and p (the same double for the exact p; for
 * tied data at 50 or fewer non-zero differences the script counts the exact conditional p itself, scipy
 * 1.10.1 having none: {@link WilcoxonExactConditionalLiveCrossCheckTest} checks that against R).
 *
 * <p>Needs python3-scipy (installed by .ci/run); skipped, and reported as skipped, where it is absent.
 * The committed reference values of {@link WilcoxonReferenceTest} do not need Python.
 */
class WilcoxonLiveCrossCheckTest {
  private static final Path SCRIPT = Path.of("src/test/reference/paired/wilcoxon_crosscheck.py");
  @TempDir Path dir;

  @Test
  void wilcoxonMatchesScipyOnRandomDataSets() throws Exception {
    assumeTrue(Python.hasModule("scipy.stats"), "/usr/bin/python3 with scipy is not installed (apt-get install python3-scipy)");
    SplittableRandom random = new SplittableRandom(20261130);
    List<double[][]> sets = new ArrayList<>();
    StringBuilder csv = new StringBuilder("dataset,x,y\n");
    for (int k = 0; k < 80; k++) {
      int n = 1 + random.nextInt(k < 40 ? 55 : 150);
      double scale = switch (k % 4) {
        case 0 -> 1e9; // effectively continuous
        case 1 -> 100;
        case 2 -> 10; // heavy ties and zeros
        default -> 1000;
      };
      double shift = random.nextDouble() * (k % 5 == 0 ? 0 : 0.8);
      double missing = k % 3 == 0 ? 0.15 : 0;
      double[][] set = new double[2][n];
      for (int i = 0; i < n; i++) {
        double base = gaussian(random);
        set[0][i] = Math.round((base + shift + 0.5 * gaussian(random)) * scale) / scale;
        set[1][i] = k == 7 ? set[0][i] : Math.round((base + 0.5 * gaussian(random)) * scale) / scale;
        if (random.nextDouble() < missing) {
          set[random.nextInt(2)][i] = Double.NaN;
        }
        csv.append(k).append(',').append(set[0][i]).append(',').append(set[1][i]).append('\n');
      }
      sets.add(set);
    }
    Path input = dir.resolve("pairs.csv");
    Files.writeString(input, csv);
    List<Map<String, String>> lines = ScipyOutput.parse(Python.run(SCRIPT, input, 300), "pair");
    assertThat(lines).hasSize(sets.size());
    int exact = 0;
    int conditional = 0;
    int normal = 0;
    for (Map<String, String> e : lines) {
      int k = Integer.parseInt(e.get("dataset"));
      double[][] set = sets.get(k);
      WilcoxonResult r = WilcoxonSignedRank.test(set[0], set[1]);
      WilcoxonReferenceTest.matches(r, e, "data set " + k + " (" + set[0].length + " cases)");
      exact += r.method() == WilcoxonSignedRank.Method.EXACT ? 1 : 0;
      conditional += r.method() == WilcoxonSignedRank.Method.EXACT_CONDITIONAL ? 1 : 0;
      normal += r.method() == WilcoxonSignedRank.Method.NORMAL && r.ties() ? 1 : 0;
    }
    // the random data reach every branch
    assertThat(exact).isGreaterThan(5);
    assertThat(conditional).isGreaterThan(5);
    assertThat(normal).as("tied data with more than 50 non-zero differences").isGreaterThan(5);
    assertThat(WilcoxonSignedRank.test(sets.get(7)[0], sets.get(7)[1]).method())
        .isEqualTo(WilcoxonSignedRank.Method.NOT_COMPUTED);
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}

package org.radtrial.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.Rscript;

/**
 * Live cross-check against R's metafor on 30 random meta-analyses: 2 to 40 sites, sampling
 * variances spread over two orders of magnitude, true τ² from 0 (many fits at the boundary) to 1.
 * The test writes the data, runs src/test/reference/metafor/metafor_crosscheck.R and compares,
 * for REML and DL, with and without Knapp-Hartung, the estimate, se, CI, statistic, p, prediction
 * interval, τ² and its SE, I², H², Q and its p and the Q-profile intervals. Where the upper
 * Q-profile bound lies beyond metafor's search range (τ² above max(100, 10τ̂²), with k = 2 or 3
 * sites), metafor prints the end of the range; there ours must lie above it.
 *
 * <p>Needs Rscript with metafor (Debian: r-cran-metafor, installed by .ci/run); skipped, and
 * reported as skipped, where they are absent. RandomEffectsReferenceTest needs no R.
 */
class MetaforLiveCrossCheckTest {
  private static final Path SCRIPT = Path.of("src/test/reference/metafor/metafor_crosscheck.R");
  private static final String[] COLUMNS = {
    "estimate", "se", "ci_lb", "ci_ub", "stat", "p", "pi_lb", "pi_ub", "tau2", "se_tau2", "I2", "H2", "Q",
    "Qp", "tau2_lb", "tau2_ub", "I2_lb", "I2_ub", "H2_lb", "H2_ub"
  };
  @TempDir Path dir;

  @Test
  void randomEffectsFitsMatchMetaforOnRandomMetaAnalyses() throws Exception {
    assumeTrue(Rscript.hasPackage("metafor"), "Rscript with metafor is not installed (apt-get install r-cran-metafor)");
    SplittableRandom random = new SplittableRandom(20261130);
    List<double[][]> sets = new ArrayList<>();
    StringBuilder csv = new StringBuilder("dataset,yi,vi\n");
    for (int set = 0; set < 30; set++) {
      int k = 2 + random.nextInt(set < 10 ? 5 : 39);
      double tau2 = set % 3 == 0 ? 0 : random.nextDouble();
      double[] y = new double[k];
      double[] v = new double[k];
      for (int i = 0; i < k; i++) {
        v[i] = 0.01 * Math.pow(100, random.nextDouble());
        y[i] = 0.3 + Math.sqrt(tau2 + v[i]) * gaussian(random);
        csv.append(String.format(Locale.ROOT, "%d,%.17g,%.17g%n", set, y[i], v[i]));
      }
      sets.add(new double[][] {y, v});
    }
    Path input = dir.resolve("sets.csv");
    Files.writeString(input, csv);
    List<String> lines = Rscript.run(SCRIPT, input, 300);
    assertThat(lines).hasSize(1 + 30 * 4);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double[][] set = sets.get(Integer.parseInt(f[0]));
      TauSquaredMethod method = f[1].equals("REML") ? TauSquaredMethod.REML : TauSquaredMethod.DERSIMONIAN_LAIRD;
      RandomEffectsFit fit = RandomEffects.fit(set[0], set[1], method, f[2].equals("knha"), 0.95);
      Heterogeneity h = fit.heterogeneity();
      double[] ours = {
        fit.estimate(), fit.se(), fit.ci().lower(), fit.ci().upper(), fit.statistic(), fit.p(),
        fit.prediction().lower(), fit.prediction().upper(), h.tauSquared(), h.tauSquaredSe(), h.iSquared(),
        h.hSquared(), h.q(), h.qP(), h.tauSquaredCi().lower(), h.tauSquaredCi().upper(), h.iSquaredCi().lower(),
        h.iSquaredCi().upper(), h.hSquaredCi().lower(), h.hSquaredCi().upper()
      };
      boolean capped = f[3 + COLUMNS.length].equals("1");
      for (int c = 0; c < COLUMNS.length; c++) {
        if (capped && COLUMNS[c].endsWith("_ub") && !COLUMNS[c].startsWith("ci") && !COLUMNS[c].startsWith("pi")) {
          // metafor stops its search at tau2.max and prints "> bound"; ours is the root beyond it
          assertThat(ours[c]).as(COLUMNS[c] + " beyond metafor's search range").isGreaterThanOrEqualTo(Double.parseDouble(f[3 + c]));
          continue;
        }
        double theirs = Double.parseDouble(f[3 + c]);
        String context = "data set " + f[0] + " (k = " + fit.k() + ") " + f[1] + "/" + f[2] + " " + COLUMNS[c];
        assertThat(ours[c]).as(context).isCloseTo(theirs, within(1e-7 * Math.max(1, Math.abs(theirs))));
      }
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}

package org.radtrial.core.agreement;

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
 * Live cross-check against R on 40 random data sets: 30 pairs of methods (3 to 400 cases, agreement from
 * poor to close, a constant and a proportional bias, rounding, a few missing values) and 10 sets of
 * three methods for the ICC. The test writes the data, runs src/test/reference/agreement/agreement_crosscheck.R
 * and compares psych's ICC2 ({@code lmer = FALSE}), epiR's {@code epi.ccc} and R's Bland-Altman numbers
 * ({@code t.test}, {@code lm}, {@code confint}, the 1999 interval of the limits) to 1e-9.
 *
 * <p>Needs Rscript with psych and epiR (Debian: r-cran-psych, r-cran-epir, installed by .ci/run);
 * skipped, and reported as skipped, where they are absent. The committed reference values do not need R.
 */
class AgreementLiveCrossCheckTest {
  private static final Path SCRIPT = Path.of("src/test/reference/agreement/agreement_crosscheck.R");
  @TempDir Path dir;

  @Test
  void agreementMatchesPsychEpiRAndRsOwnFunctionsOnRandomDataSets() throws Exception {
    assumeTrue(Rscript.hasPackage("psych") && Rscript.hasPackage("epiR"),
        "Rscript with psych and epiR is not installed (apt-get install r-cran-psych r-cran-epir)");
    SplittableRandom random = new SplittableRandom(20261201);
    List<double[][]> sets = new ArrayList<>();
    StringBuilder csv = new StringBuilder("dataset,a,b,c\n");
    for (int k = 0; k < 40; k++) {
      boolean three = k >= 30;
      int n = 3 + random.nextInt(k < 15 ? 20 : 400);
      double noise = 0.05 + random.nextDouble() * (k % 4 == 0 ? 3 : 0.6);
      double bias = k % 3 == 0 ? 0 : random.nextDouble() - 0.3;
      double scale = k % 5 == 0 ? 1.2 : 1;
      double[][] set = new double[three ? 3 : 2][n];
      for (int i = 0; i < n; i++) {
        double truth = 10 + 2 * gaussian(random);
        set[0][i] = round(truth + noise * gaussian(random), k % 2 == 0 ? 100 : 1e9);
        set[1][i] = round(bias + scale * truth + noise * gaussian(random), k % 2 == 0 ? 100 : 1e9);
        if (three) {
          set[2][i] = round(truth - bias + noise * gaussian(random), 1e9);
        }
        if (!three && n > 10 && random.nextDouble() < 0.05) {
          set[random.nextInt(2)][i] = Double.NaN;
        }
        csv.append(k).append(',').append(text(set[0][i])).append(',').append(text(set[1][i])).append(',')
            .append(three ? text(set[2][i]) : "NA").append('\n');
      }
      sets.add(set);
    }
    Path input = dir.resolve("sets.csv");
    Files.writeString(input, csv);
    List<String> lines = Rscript.run(SCRIPT, input, 300);
    assertThat(lines).hasSize(41);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double[][] set = sets.get(Integer.parseInt(f[0]));
      String context = "data set " + f[0] + " (" + set.length + " methods, " + set[0].length + " cases)";
      IccResult icc = Icc.absoluteAgreement(set, 0.95);
      close(icc.icc(), f[1], context + ": ICC");
      close(icc.ci().lower(), f[2], context + ": ICC lower");
      close(icc.ci().upper(), f[3], context + ": ICC upper");
      close(icc.f(), f[4], context + ": F");
      assertThat(icc.p()).as(context + ": p").isCloseTo(Double.parseDouble(f[5]), within(1e-9 * Double.parseDouble(f[5]) + 1e-15));
      if (set.length == 3) {
        continue;
      }
      ConcordanceResult ccc = Concordance.of(set[0], set[1], 0.95);
      close(ccc.ccc(), f[6], context + ": CCC");
      close(ccc.ci().lower(), f[7], context + ": CCC lower");
      close(ccc.ci().upper(), f[8], context + ": CCC upper");
      close(ccc.biasCorrection(), f[9], context + ": C.b");
      close(1 / ccc.scaleShift(), f[10], context + ": s.shift");
      close(-ccc.locationShift(), f[11], context + ": l.shift");
      BlandAltmanResult ba = BlandAltman.of(set[0], set[1], 0.95);
      close(ba.bias(), f[12], context + ": bias");
      close(ba.biasCi().lower(), f[13], context + ": bias lower");
      close(ba.biasCi().upper(), f[14], context + ": bias upper");
      close(ba.sd(), f[15], context + ": sd");
      close(ba.lowerLimit(), f[16], context + ": lower limit");
      close(ba.upperLimit(), f[17], context + ": upper limit");
      close(ba.lowerLimitCi().lower(), f[18], context + ": lower limit, lower");
      close(ba.lowerLimitCi().upper(), f[19], context + ": lower limit, upper");
      close(ba.upperLimitCi().lower(), f[20], context + ": upper limit, lower");
      close(ba.upperLimitCi().upper(), f[21], context + ": upper limit, upper");
      close(ba.slope(), f[22], context + ": slope");
      close(ba.slopeCi().lower(), f[23], context + ": slope lower");
      close(ba.slopeCi().upper(), f[24], context + ": slope upper");
      close(ba.slopeP(), f[25], context + ": slope p");
    }
  }

  /** Within 1e-9 of R's value, relative for values beyond 1 in size. */
  private static void close(double actual, String r, String what) {
    double expected = Double.parseDouble(r);
    assertThat(actual).as(what).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
  }

  private static String text(double v) {
    return Double.isNaN(v) ? "NA" : Double.toString(v);
  }

  private static double round(double x, double scale) {
    return Math.round(x * scale) / scale;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}

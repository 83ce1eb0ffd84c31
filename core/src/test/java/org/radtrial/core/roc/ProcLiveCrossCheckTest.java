package org.radtrial.core.roc;

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
 * Live cross-check against R's pROC on 40 random data sets: sizes from 3 to 3,000 per class,
 * heavy ties, correlated models, AUCs from about 0.5 to 1. The test writes the data, runs
 * src/test/reference/proc_crosscheck.R and compares AUC, DeLong variance and CI, and the paired
 * test's z, p and CI of the difference to 1e-9.
 *
 * <p>Needs Rscript with pROC (Debian: r-cran-proc, installed by .ci/run); skipped, and reported as
 * skipped, where they are absent. The committed reference values of {@link DeLongReferenceTest}
 * do not need R.
 */
class ProcLiveCrossCheckTest {
  private static final Path SCRIPT = Path.of("src/test/reference/proc_crosscheck.R");
  @TempDir Path dir;

  private record DataSet(double[] aPos, double[] aNeg, double[] bPos, double[] bNeg) {}

  @Test
  void delongMatchesProcOnRandomDataSets() throws Exception {
    assumeTrue(Rscript.hasPackage("pROC"), "Rscript with pROC is not installed (apt-get install r-cran-proc)");
    SplittableRandom random = new SplittableRandom(20261129);
    List<DataSet> sets = new ArrayList<>();
    StringBuilder csv = new StringBuilder("dataset,truth,a,b\n");
    for (int k = 0; k < 40; k++) {
      int m = 3 + random.nextInt(k < 20 ? 30 : 3000);
      int n = 3 + random.nextInt(k < 20 ? 30 : 3000);
      double shift = random.nextDouble() * 2.5;
      double rho = random.nextDouble();
      double rounding = k % 3 == 0 ? 10 : k % 3 == 1 ? 1000 : 1e9;
      DataSet set = new DataSet(new double[m], new double[n], new double[m], new double[n]);
      for (int i = 0; i < m + n; i++) {
        boolean positive = i < m;
        double shared = gaussian(random);
        double a = round((positive ? shift : 0) + shared, rounding);
        double b = round((positive ? shift * 0.7 : 0) + rho * shared + Math.sqrt(1 - rho * rho) * gaussian(random), rounding);
        if (positive) {
          set.aPos()[i] = a;
          set.bPos()[i] = b;
        } else {
          set.aNeg()[i - m] = a;
          set.bNeg()[i - m] = b;
        }
        csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s%n", k, positive ? 1 : 0, a, b));
      }
      sets.add(set);
    }
    Path input = dir.resolve("sets.csv");
    Files.writeString(input, csv);
    List<String> lines = Rscript.run(SCRIPT, input, 120);
    assertThat(lines).hasSize(41);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      DataSet set = sets.get(Integer.parseInt(f[0]));
      Placements a = Placements.of(set.aPos(), set.aNeg());
      Placements b = Placements.of(set.bPos(), set.bNeg());
      AucEstimate estimate = DeLong.auc(a, 0.95);
      DeLong.PairedAucTest test = DeLong.paired(a, b, 0.95);
      String context = "data set " + f[0] + " (m = " + set.aPos().length + ", n = " + set.aNeg().length + ")";
      assertThat(estimate.estimate()).as(context).isCloseTo(Double.parseDouble(f[1]), within(1e-12));
      assertThat(estimate.ci().lower()).as(context).isCloseTo(Double.parseDouble(f[2]), within(1e-9));
      assertThat(estimate.ci().upper()).as(context).isCloseTo(Double.parseDouble(f[3]), within(1e-9));
      assertThat(a.delongVariance()).as(context).isCloseTo(Double.parseDouble(f[4]), within(1e-12));
      assertThat(b.auc()).as(context).isCloseTo(Double.parseDouble(f[5]), within(1e-12));
      assertThat(test.z()).as(context).isCloseTo(Double.parseDouble(f[6]), within(1e-7));
      assertThat(test.p()).as(context).isCloseTo(Double.parseDouble(f[7]), within(1e-9));
      assertThat(test.ci().lower()).as(context).isCloseTo(Double.parseDouble(f[8]), within(1e-9));
      assertThat(test.ci().upper()).as(context).isCloseTo(Double.parseDouble(f[9]), within(1e-9));
    }
  }

  private static double round(double x, double scale) {
    return Math.round(x * scale) / scale;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}

package org.radtrial.core.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hipparchus.distribution.continuous.FDistribution;
import org.junit.jupiter.api.Test;

/**
 * The non-central F distribution function on a grid of 600 points (df1 1–7; df2 from 2.5 to 1000,
 * non-integer as Hillis's ddf are; non-centrality 0 to 400; probabilities from 1e-81 to near 1)
 * against two references in src/test/reference:
 *
 * <ul>
 *   <li>R's {@code pf(q, df1, df2, ncp)} (noncentral_f.R, output noncentral_f.out), to 1e-9: R's
 *       pnbeta stops at an error bound of 1e-9 (its {@code errmax}), and does differ from the exact
 *       values by up to a few 1e-10;
 *   <li>the same Poisson mixture summed by mpmath at 40 digits (noncentral_f_mpmath.py, output
 *       noncentral_f_mpmath.out), to 1e-13 absolute and 1e-9 relative (for the tiny tail values).
 * </ul>
 */
class NoncentralFTest {
  private record Point(double q, double df1, double df2, double ncp, double cdf, String line) {}

  private static List<Point> grid(String file) throws IOException {
    return Files.readAllLines(Path.of("src/test/reference", file)).stream()
        .filter(l -> !l.startsWith("#"))
        .map(l -> {
          String[] f = l.trim().split(" ");
          return new Point(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
              Double.parseDouble(f[3]), Double.parseDouble(f[4]), l);
        })
        .toList();
  }

  @Test
  void matchesRsPfWithinItsAccuracy() throws IOException {
    List<Point> points = grid("noncentral_f.out");
    assertThat(points).hasSize(600);
    for (Point p : points) {
      assertThat(NoncentralF.cdf(p.q(), p.df1(), p.df2(), p.ncp())).as(p.line()).isCloseTo(p.cdf(), within(1e-9));
    }
  }

  @Test
  void matchesTheFortyDigitSum() throws IOException {
    List<Point> points = grid("noncentral_f_mpmath.out");
    assertThat(points).hasSize(600);
    for (Point p : points) {
      assertThat(NoncentralF.cdf(p.q(), p.df1(), p.df2(), p.ncp())).as(p.line())
          .isCloseTo(p.cdf(), within(Math.min(1e-13, 1e-9 * p.cdf() + 1e-300)));
    }
  }

  @Test
  void withoutNonCentralityItIsTheCentralF() {
    for (double q : new double[] {0.1, 1, 3.3, 12}) {
      assertThat(NoncentralF.cdf(q, 3, 17.5, 0)).isCloseTo(new FDistribution(3, 17.5).cumulativeProbability(q), within(1e-14));
    }
  }

  @Test
  void itIsADistributionFunction() {
    assertThat(NoncentralF.cdf(0, 1, 10, 5)).isZero();
    assertThat(NoncentralF.cdf(Double.POSITIVE_INFINITY, 1, 10, 5)).isEqualTo(1);
    double previous = 0;
    for (double q = 0.05; q < 50; q *= 1.3) {
      double p = NoncentralF.cdf(q, 2, 9.3, 7.5);
      assertThat(p).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(1);
      previous = p;
    }
  }

  @Test
  void moreNonCentralityMeansMorePower() {
    double previous = 0;
    for (double ncp = 0; ncp < 40; ncp += 2.5) {
      double power = NoncentralF.survival(4.2, 1, 25, ncp);
      assertThat(power).isGreaterThan(previous);
      previous = power;
    }
  }

  @Test
  void rejectsImpossibleParameters() {
    assertThatThrownBy(() -> NoncentralF.cdf(1, 0, 10, 1)).hasMessageContaining("ndf > 0");
    assertThatThrownBy(() -> NoncentralF.cdf(1, 1, 10, -1)).hasMessageContaining("ncp >= 0");
  }
}

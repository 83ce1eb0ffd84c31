package org.radtrial.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.io.CaseTableReader;
import org.radtrial.io.CaseTableSpec;

/**
 * The benchmark's case table: {@code cases} exams, screening prevalence 0.7%, five models whose
 * binormal scores share a per-case component (so their AUCs are correlated, as real products' are)
 * and are rounded to 4 decimals (ties, as in products' outputs).
 *
 * <p>Run {@code java -cp ... org.radtrial.bench.BenchmarkData FILE [CASES]} to write it; the JMH
 * benchmark and bench/sklearn_side_by_side.py then read the same file.
 */
public final class BenchmarkData {
  static final List<String> MODELS = List.of("m1", "m2", "m3", "m4", "m5");
  private static final double[] SEPARATION = {1.8, 1.6, 1.4, 1.2, 1.0};

  private BenchmarkData() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int cases = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    SplittableRandom random = new SplittableRandom(20261129);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("case_id,cancer," + String.join(",", MODELS) + "\n");
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cases; i++) {
        boolean cancer = random.nextDouble() < 0.007;
        double shared = gaussian(random);
        line.setLength(0);
        line.append('c').append(i + 1).append(',').append(cancer ? '1' : '0');
        for (double separation : SEPARATION) {
          double latent = (cancer ? separation : 0) + 0.6 * shared + 0.8 * gaussian(random);
          line.append(',').append(Math.round(10_000 / (1 + Math.exp(-latent + 2))) / 10_000.0);
        }
        out.write(line.append('\n').toString());
      }
    }
    System.out.println("wrote " + cases + " cases to " + file);
  }

  /** Reads the benchmark table with radtrial's own reader. */
  static Cohort read(Path file) {
    return CaseTableReader.read(file, CaseTableSpec.of("cancer", "1", MODELS).withId("case_id"));
  }

  /** Oriented scores of one model split by class, in case order. */
  static Map.Entry<double[], double[]> split(Cohort cohort, ModelScores model) {
    int positives = cohort.positives();
    double[] p = new double[positives];
    double[] n = new double[cohort.size() - positives];
    int a = 0;
    int b = 0;
    for (int i = 0; i < cohort.size(); i++) {
      if (cohort.truth(i)) {
        p[a++] = model.oriented(i);
      } else {
        n[b++] = model.oriented(i);
      }
    }
    return Map.entry(p, n);
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}

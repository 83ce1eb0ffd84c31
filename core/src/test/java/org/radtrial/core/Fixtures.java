package org.radtrial.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small comma-separated reference data sets shipped in test resources (no quoting needed). */
public final class Fixtures {
  private final List<String> header;
  private final List<String[]> rows;

  private Fixtures(List<String> header, List<String[]> rows) {
    this.header = header;
    this.rows = rows;
  }

  /** pROC's aSAH data set, written by src/test/reference/asah_delong.R. */
  public static Fixtures asah() {
    return load("asah.csv");
  }

  /** scikit-learn's breast-cancer data set, written by src/test/reference/breast_cancer_sklearn.py. */
  public static Fixtures breastCancer() {
    return load("breast_cancer.csv");
  }

  /** A data set of the paired comparison's reference tests, written by src/test/reference/paired/*. */
  public static Fixtures paired(String name) {
    return load("paired/" + name);
  }

  private static Fixtures load(String name) {
    try (var in = Fixtures.class.getResourceAsStream(name);
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> header = Arrays.asList(reader.readLine().split(","));
      List<String[]> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        rows.add(line.split(","));
      }
      return new Fixtures(header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public double[] numbers(String column) {
    int c = header.indexOf(column);
    return rows.stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray();
  }

  public boolean[] is(String column, String value) {
    int c = header.indexOf(column);
    boolean[] result = new boolean[rows.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = rows.get(i)[c].equals(value);
    }
    return result;
  }

  public List<String> strings(String column) {
    int c = header.indexOf(column);
    return rows.stream().map(r -> r[c]).toList();
  }

  /** Scores of the cases where truth is the given class, in row order. */
  public static double[] select(double[] scores, boolean[] truth, boolean cls) {
    return java.util.stream.IntStream.range(0, scores.length).filter(i -> truth[i] == cls).mapToDouble(i -> scores[i]).toArray();
  }
}

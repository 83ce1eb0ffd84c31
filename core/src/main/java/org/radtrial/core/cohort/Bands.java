package org.radtrial.core.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cut points that turn a continuous column (age) into bands: [−∞, c₁), [c₁, c₂), …, [c_k, ∞),
 * labelled "<40", "[40, 50)", …, ">=70".
 *
 * <p>Defaults: a column named "age" gets the screening bands 40, 50, 60, 70 (decades, as breast
 * screening programmes report); any other continuous column gets its quintiles (rounded to 3
 * significant digits of the column's spread, duplicates dropped).
 *
 * @param cuts strictly increasing cut points
 */
public record Bands(List<Double> cuts) {
  public static final List<Double> AGE = List.of(40.0, 50.0, 60.0, 70.0);

  public Bands {
    cuts = List.copyOf(cuts);
    if (cuts.isEmpty()) {
      throw new IllegalArgumentException("bands need at least one cut point");
    }
    for (double cut : cuts) {
      if (!Double.isFinite(cut)) {
        throw new IllegalArgumentException("band cut points must be finite numbers, got " + cuts);
      }
    }
    for (int k = 1; k < cuts.size(); k++) {
      if (!(cuts.get(k) > cuts.get(k - 1))) {
        throw new IllegalArgumentException("band cut points must increase, got " + cuts);
      }
    }
  }

  /** The default bands for a column with these numeric values. */
  public static Bands defaultFor(String column, double[] values) {
    if (column.equalsIgnoreCase("age")) {
      return new Bands(AGE);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    List<Double> cuts = new ArrayList<>();
    double spread = sorted[sorted.length - 1] - sorted[0];
    for (int q = 1; q <= 4; q++) {
      double cut = round(sorted[(int) Math.floor(q * (sorted.length - 1) / 5.0)], spread);
      if (cuts.isEmpty() || cut > cuts.get(cuts.size() - 1)) {
        cuts.add(cut);
      }
    }
    return new Bands(cuts);
  }

  /** The band index of a value, 0 … cuts.size(). */
  public int band(double value) {
    int k = 0;
    while (k < cuts.size() && value >= cuts.get(k)) {
      k++;
    }
    return k;
  }

  public List<String> labels() {
    List<String> labels = new ArrayList<>();
    labels.add("<" + format(cuts.get(0)));
    for (int k = 1; k < cuts.size(); k++) {
      labels.add("[" + format(cuts.get(k - 1)) + ", " + format(cuts.get(k)) + ")");
    }
    labels.add(">=" + format(cuts.get(cuts.size() - 1)));
    return labels;
  }

  private static String format(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%s", x);
  }

  /** Rounded to 3 significant digits of the column's spread (not of its magnitude: years stay years). */
  private static double round(double x, double spread) {
    if (spread <= 0) {
      return x;
    }
    double step = Math.pow(10, Math.floor(Math.log10(spread)) - 2);
    return Math.round(x / step) * step;
  }
}

package org.radtrial.core.lesions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The empirical FROC curve of one reading: at each distinct rating z, from the highest down, NLF(z) =
 * (NL marks rated ≥ z on all K cases) / K and LLF(z) = (lesions whose LL rating is ≥ z) / L_T, starting
 * at (0, 0). Its last point is the end point (RJafroc's MaxNLFAllCases and MaxLLF).
 *
 * <p>{@link #sensitivityAt(double)} is LUNA16's reading of the curve: the LLF at a number of false marks
 * per scan by linear interpolation between operating points (numpy's {@code interp}; held at the end
 * point beyond it), and {@link #cpm()} LUNA16's Competition Performance Metric, the mean sensitivity at
 * 1/8, 1/4, 1/2, 1, 2, 4 and 8 false marks per scan (Setio et al. 2017).
 */
public final class FrocCurve {
  /** LUNA16's false-marks-per-scan rates. */
  public static final double[] LUNA16_RATES = {0.125, 0.25, 0.5, 1, 2, 4, 8};

  private final List<FrocPoint> points;
  private final int cases;
  private final int lesions;

  private FrocCurve(List<FrocPoint> points, int cases, int lesions) {
    this.points = List.copyOf(points);
    this.cases = cases;
    this.lesions = lesions;
  }

  /** The curve of a reading. */
  public static FrocCurve of(LesionTruth truth, Reading reading) {
    reading.requireShape(truth);
    int[] all = new int[truth.size()];
    for (int k = 0; k < all.length; k++) {
      all[k] = k;
    }
    return of(truth, reading, all);
  }

  /** The curve over a multiset of cases (indices may repeat, as in a bootstrap sample). */
  static FrocCurve of(LesionTruth truth, Reading reading, int[] cases) {
    List<Double> nlList = new ArrayList<>();
    List<Double> llList = new ArrayList<>();
    int lt = 0;
    for (int k : cases) {
      for (double r : reading.nl()[k]) {
        nlList.add(r);
      }
      for (double r : reading.ll()[k]) {
        if (r != Double.NEGATIVE_INFINITY) {
          llList.add(r);
        }
      }
      lt += truth.get(k).lesions();
    }
    double[] nl = nlList.stream().mapToDouble(Double::doubleValue).toArray();
    double[] ll = llList.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(nl);
    Arrays.sort(ll);
    double[] all = new double[nl.length + ll.length];
    System.arraycopy(nl, 0, all, 0, nl.length);
    System.arraycopy(ll, 0, all, nl.length, ll.length);
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    double[] thresholds = Arrays.copyOf(all, distinct);
    int k = cases.length;
    List<FrocPoint> points = new ArrayList<>();
    points.add(new FrocPoint(Double.POSITIVE_INFINITY, 0, 0));
    int a = nl.length;
    int b = ll.length;
    for (int j = thresholds.length - 1; j >= 0; j--) {
      double z = thresholds[j];
      while (a > 0 && nl[a - 1] >= z) {
        a--;
      }
      while (b > 0 && ll[b - 1] >= z) {
        b--;
      }
      points.add(new FrocPoint(z, (nl.length - a) / (double) k, lt == 0 ? Double.NaN : (ll.length - b) / (double) lt));
    }
    return new FrocCurve(points, k, lt);
  }

  public List<FrocPoint> points() {
    return points;
  }

  /** The end point: every mark counted. */
  public FrocPoint endPoint() {
    return points.get(points.size() - 1);
  }

  public int cases() {
    return cases;
  }

  public int lesions() {
    return lesions;
  }

  /** LLF at {@code rate} false marks per scan, interpolated linearly between operating points. */
  public double sensitivityAt(double rate) {
    if (!(rate >= 0)) {
      throw new IllegalArgumentException("a false-mark rate must be ≥ 0, was " + rate);
    }
    // as numpy.interp: P = the last point with NLF ≤ rate (the top of a vertical run), Q the next point
    int last = 0;
    while (last + 1 < points.size() && points.get(last + 1).nlf() <= rate) {
      last++;
    }
    FrocPoint p = points.get(last);
    if (last + 1 == points.size() || p.nlf() == rate) {
      return p.llf();
    }
    FrocPoint q = points.get(last + 1);
    return p.llf() + (rate - p.nlf()) / (q.nlf() - p.nlf()) * (q.llf() - p.llf());
  }

  /** Sensitivity at each of LUNA16's rates, in the order of {@link #LUNA16_RATES}. */
  public double[] luna16Sensitivities() {
    return Arrays.stream(LUNA16_RATES).map(this::sensitivityAt).toArray();
  }

  /** LUNA16's CPM: the mean of {@link #luna16Sensitivities()}. */
  public double cpm() {
    return Arrays.stream(luna16Sensitivities()).average().orElse(Double.NaN);
  }
}

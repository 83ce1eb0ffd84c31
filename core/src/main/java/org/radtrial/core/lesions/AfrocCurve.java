package org.radtrial.core.lesions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The empirical AFROC or weighted AFROC curve of one reading, as RJafroc plots it: at each distinct
 * rating z from the highest down, FPF(z) = the fraction of normal cases whose highest NL rating is ≥ z,
 * and LLF(z) = the fraction of lesions with LL rating ≥ z (AFROC) or Σ of the weights of such lesions /
 * K2 (wAFROC); from (0, 0), ending at (1, 1). The trapezoidal area under it is the AFROC (wAFROC)
 * figure of merit.
 *
 * @param fpf false-positive fractions, non-decreasing
 * @param llf lesion localization fractions, non-decreasing
 */
public record AfrocCurve(double[] fpf, double[] llf) {
  public AfrocCurve {
    fpf = fpf.clone();
    llf = llf.clone();
  }

  @Override
  public double[] fpf() {
    return fpf.clone();
  }

  @Override
  public double[] llf() {
    return llf.clone();
  }

  /** The curve of a reading; {@code weighted} for wAFROC. Needs normal and abnormal cases. */
  public static AfrocCurve of(LesionTruth truth, Reading reading, boolean weighted) {
    reading.requireShape(truth);
    if (truth.normals() == 0 || truth.abnormals() == 0) {
      throw new IllegalArgumentException("an AFROC curve needs normal and abnormal cases");
    }
    List<Double> fp = new ArrayList<>();
    List<double[]> lesions = new ArrayList<>();
    for (int k = 0; k < truth.size(); k++) {
      LesionCase c = truth.get(k);
      if (c.isNormal()) {
        fp.add(reading.highestNl(k));
        continue;
      }
      for (int l = 0; l < c.lesions(); l++) {
        lesions.add(new double[] {reading.ll()[k][l], weighted ? c.weight(l) : 1});
      }
    }
    double mass = weighted ? truth.abnormals() : truth.lesions();
    double[] scores = fp.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    lesions.sort((a, b) -> Double.compare(a[0], b[0]));
    double[] thresholds = java.util.stream.Stream.concat(fp.stream(), lesions.stream().map(t -> t[0]))
        .mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().distinct().toArray();
    double[] x = new double[thresholds.length + 2];
    double[] y = new double[thresholds.length + 2];
    int p = 1;
    int a = scores.length; // scores[a..] are ≥ the current threshold
    int b = lesions.size(); // lesions b.. are ≥ the current threshold
    double w = 0;
    for (int j = thresholds.length - 1; j >= 0; j--, p++) {
      double z = thresholds[j];
      while (a > 0 && scores[a - 1] >= z) {
        a--;
      }
      while (b > 0 && lesions.get(b - 1)[0] >= z) {
        b--;
        w += lesions.get(b)[1];
      }
      x[p] = (scores.length - a) / (double) scores.length;
      y[p] = w / mass;
    }
    x[p] = 1;
    y[p] = 1;
    return new AfrocCurve(x, y);
  }

  /** The trapezoidal area under the curve. */
  public double area() {
    double a = 0;
    for (int i = 1; i < fpf.length; i++) {
      a += (fpf[i] - fpf[i - 1]) * (llf[i] + llf[i - 1]) / 2;
    }
    return a;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AfrocCurve other && Arrays.equals(fpf, other.fpf) && Arrays.equals(llf, other.llf);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(fpf) + Arrays.hashCode(llf);
  }

  @Override
  public String toString() {
    return "AfrocCurve" + Arrays.toString(fpf) + Arrays.toString(llf);
  }
}

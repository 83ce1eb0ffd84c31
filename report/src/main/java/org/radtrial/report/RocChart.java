package org.radtrial.report;

import java.util.List;

/**
 * ROC curves of every model on one plot, each with a shaded band of pointwise confidence intervals
 * for its sensitivity at each threshold (when results.json holds them), with each reader as a
 * point and the reader's confidence intervals for sensitivity and for 1 − specificity as
 * cross-hairs. A second, zoomed plot shows the
 * low false-positive region where screening operates.
 */
final class RocChart {
  private static final double LEFT = 56;
  private static final double RIGHT = 16;
  private static final double TOP = 14;
  private static final double BOTTOM = 46;
  private static final double SIDE = 380;

  /**
   * A model's empirical ROC curve, as false-positive rates and sensitivities in threshold order, with
   * the pointwise interval of each sensitivity (both null when results.json has none).
   */
  record Curve(String name, int index, double[] falsePositiveRate, double[] sensitivity, double[] lower, double[] upper,
      String colour, String dash) {
    /** A curve in the colour and dash of its index (a model's position). */
    Curve(String name, int index, double[] falsePositiveRate, double[] sensitivity, double[] lower, double[] upper) {
      this(name, index, falsePositiveRate, sensitivity, lower, upper, Palette.model(index), Palette.dash(index));
    }

    Curve(String name, int index, double[] falsePositiveRate, double[] sensitivity) {
      this(name, index, falsePositiveRate, sensitivity, null, null);
    }

    /** A curve without intervals in a given colour and dash (null: solid). */
    static Curve styled(String name, double[] falsePositiveRate, double[] sensitivity, String colour, String dash) {
      return new Curve(name, -1, falsePositiveRate, sensitivity, null, null, colour, dash);
    }
  }

  /** A reader's recorded decisions as one point with its intervals. */
  record ReaderPoint(String name, int index, Proportion sensitivity, Proportion specificity) {
    double falsePositiveRate() {
      return 1 - specificity.estimate();
    }

    Interval falsePositiveRateCi() {
      return new Interval(1 - specificity.ci().upper(), 1 - specificity.ci().lower());
    }
  }

  private RocChart() {}

  /** The plot over false-positive rates [0, maxFalsePositiveRate]. */
  static String svg(String id, String title, String description, List<Curve> curves, List<ReaderPoint> readers,
      double maxFalsePositiveRate) {
    double width = LEFT + SIDE + RIGHT;
    double height = TOP + SIDE + BOTTOM;
    Svg svg = new Svg(id, width, height, title, description);
    Scale x = new Scale(0, maxFalsePositiveRate, LEFT, LEFT + SIDE);
    Scale y = new Scale(0, 1, TOP + SIDE, TOP);
    int xDecimals = Math.max(0, x.tickDecimals(5) - 2);
    for (double t : x.ticks(5)) {
      svg.line(x.map(t), TOP, x.map(t), TOP + SIDE, "#e2e4e8", 1, null);
      svg.text(x.map(t), TOP + SIDE + 16, Fmt.decimal(100 * t, xDecimals) + "%", "middle", "#333333", null);
    }
    for (double t : y.ticks(5)) {
      svg.line(LEFT, y.map(t), LEFT + SIDE, y.map(t), "#e2e4e8", 1, null);
      svg.text(LEFT - 6, y.map(t) + 4, Fmt.decimal(100 * t, 0) + "%", "end", "#333333", null);
    }
    svg.rect(LEFT, TOP, SIDE, SIDE, "none", "frame");
    double chanceEnd = Math.min(1, maxFalsePositiveRate);
    svg.line(x.map(0), y.map(0), x.map(chanceEnd), y.map(chanceEnd), Palette.REFERENCE, 1, "5 4");
    svg.text(LEFT + SIDE / 2, TOP + SIDE + 38, "False-positive rate (1 \u2212 specificity)", "middle", "#000000", null);
    svg.verticalText(16, TOP + SIDE / 2, "Sensitivity (true-positive rate)");
    for (Curve curve : curves) {
      band(svg, curve, x, y, maxFalsePositiveRate);
    }
    for (Curve curve : curves) {
      double[] xy = new double[2 * curve.falsePositiveRate().length];
      int used = 0;
      for (int k = 0; k < curve.falsePositiveRate().length; k++) {
        double fpr = curve.falsePositiveRate()[k];
        if (k > 0 && curve.falsePositiveRate()[k - 1] > maxFalsePositiveRate) {
          break;
        }
        double clipped = Math.min(fpr, maxFalsePositiveRate);
        double sens = curve.sensitivity()[k];
        if (fpr > maxFalsePositiveRate && k > 0) {
          double prevFpr = curve.falsePositiveRate()[k - 1];
          double prevSens = curve.sensitivity()[k - 1];
          sens = prevSens + (sens - prevSens) * (maxFalsePositiveRate - prevFpr) / (fpr - prevFpr);
        }
        xy[used++] = x.map(clipped);
        xy[used++] = y.map(sens);
      }
      svg.polyline(java.util.Arrays.copyOf(xy, used), curve.colour(), 2.2, curve.dash(), "roc-curve");
    }
    for (ReaderPoint reader : readers) {
      if (!reader.sensitivity().exists() || !reader.specificity().exists()) {
        continue;
      }
      double px = x.mapClamped(reader.falsePositiveRate());
      double py = y.map(reader.sensitivity().estimate());
      Interval fprCi = reader.falsePositiveRateCi();
      if (fprCi.exists()) {
        svg.line(x.mapClamped(fprCi.lower()), py, x.mapClamped(fprCi.upper()), py, Palette.READER, 1.3, null);
      }
      Interval sensCi = reader.sensitivity().ci();
      if (sensCi.exists()) {
        svg.line(px, y.map(sensCi.lower()), px, y.map(sensCi.upper()), Palette.READER, 1.3, null);
      }
      svg.marker(Palette.readerShape(reader.index()), px, py, 5.5, Palette.READER, false);
    }
    return svg.finish();
  }

  /** The pointwise sensitivity intervals as a translucent area under and over the curve. */
  private static void band(Svg svg, Curve curve, Scale x, Scale y, double maxFalsePositiveRate) {
    if (curve.lower() == null) {
      return;
    }
    int n = 0;
    while (n < curve.falsePositiveRate().length && curve.falsePositiveRate()[n] <= maxFalsePositiveRate) {
      n++;
    }
    if (n < 2) {
      return;
    }
    double[] xy = new double[4 * n];
    for (int k = 0; k < n; k++) {
      xy[2 * k] = x.map(curve.falsePositiveRate()[k]);
      xy[2 * k + 1] = y.map(curve.upper()[k]);
      int back = 2 * (2 * n - 1 - k);
      xy[back] = x.map(curve.falsePositiveRate()[k]);
      xy[back + 1] = y.map(curve.lower()[k]);
    }
    svg.area(xy, curve.colour(), 0.14, "roc-band");
  }
}

package org.radtrial.report;

import java.util.List;

/**
 * Observed event rate against mean predicted probability, both on log axes (screening risks span
 * 0.1% to 100%), with the line of perfect calibration and the model's logistic recalibration curve
 * logit(observed) = intercept + slope × logit(predicted).
 */
final class CalibrationChart {
  private static final double LEFT = 60;
  private static final double TOP = 14;
  private static final double SIDE = 340;
  private static final double BOTTOM = 46;

  /** A group's mean prediction and observed rate with its interval; {@code overall} for all exams. */
  record Point(String label, double predicted, double observed, Interval observedCi, boolean overall) {}

  private CalibrationChart() {}

  static String svg(String id, String title, String description, List<Point> points, double intercept, double slope,
      String colour, Palette.Shape shape) {
    double min = 1;
    for (Point p : points) {
      for (double v : new double[] {p.predicted(), p.observed(), p.observedCi().lower()}) {
        if (v > 0 && Double.isFinite(v)) {
          min = Math.min(min, v);
        }
      }
    }
    double lowDecade = Math.floor(Math.log10(min) - 1e-9);
    Scale x = new Scale(lowDecade, 0, LEFT, LEFT + SIDE);
    Scale y = new Scale(lowDecade, 0, TOP + SIDE, TOP);
    Svg svg = new Svg(id, LEFT + SIDE + 16, TOP + SIDE + BOTTOM, title, description);
    for (double d = lowDecade; d <= 0; d++) {
      String label = Fmt.decimal(100 * Math.pow(10, d), (int) Math.max(0, -d - 2)) + "%";
      svg.line(x.map(d), TOP, x.map(d), TOP + SIDE, "#e2e4e8", 1, null);
      svg.line(LEFT, y.map(d), LEFT + SIDE, y.map(d), "#e2e4e8", 1, null);
      svg.text(x.map(d), TOP + SIDE + 16, label, "middle", "#333333", null);
      svg.text(LEFT - 6, y.map(d) + 4, label, "end", "#333333", null);
    }
    svg.rect(LEFT, TOP, SIDE, SIDE, "none", "frame");
    svg.line(x.map(lowDecade), y.map(lowDecade), x.map(0), y.map(0), Palette.REFERENCE, 1.2, "5 4");
    if (Double.isFinite(intercept) && Double.isFinite(slope)) {
      int steps = 60;
      double[] xy = new double[2 * (steps + 1)];
      int used = 0;
      for (int k = 0; k <= steps; k++) {
        double logP = lowDecade + (-1e-4 - lowDecade) * k / steps;
        double p = Math.pow(10, logP);
        double logit = Math.log(p / (1 - p));
        double observed = 1 / (1 + Math.exp(-(intercept + slope * logit)));
        if (Math.log10(observed) >= lowDecade) {
          xy[used++] = x.map(logP);
          xy[used++] = y.map(Math.log10(observed));
        }
      }
      svg.polyline(java.util.Arrays.copyOf(xy, used), colour, 2, null, "calibration-curve");
    }
    for (Point p : points) {
      if (!(p.predicted() > 0)) {
        continue;
      }
      double px = x.mapClamped(Math.log10(p.predicted()));
      double floor = Math.pow(10, lowDecade);
      double py = y.mapClamped(Math.log10(Math.max(p.observed(), floor)));
      if (p.observedCi().exists()) {
        svg.verticalWhisker(px, y.mapClamped(Math.log10(Math.max(p.observedCi().lower(), floor))),
            y.mapClamped(Math.log10(Math.max(p.observedCi().upper(), floor))), p.overall() ? "#000000" : colour);
      }
      svg.marker(p.overall() ? Palette.Shape.DIAMOND : shape, px, py, p.overall() ? 6 : 4, p.overall() ? "#000000" : colour,
          false);
    }
    svg.text(LEFT + SIDE / 2, TOP + SIDE + 38, "Mean predicted probability (log scale)", "middle", "#000000", null);
    svg.verticalText(16, TOP + SIDE / 2, "Observed rate of positives (log scale)");
    return svg.finish();
  }
}

package org.radtrial.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The workload-versus-detection trade-off of a virtual trial: for one model, each strategy as a line
 * over the threshold sweep (x: reading hours compared with the baseline, in %; y: cancers detected
 * per 1,000 exams), the thresholds of interest as markers with the interval of their detection
 * rate, and the programme as recorded as a black diamond with its interval at 0%.
 */
final class TradeOffChart {
  private static final double LEFT = 58;
  private static final double RIGHT = 28;
  private static final double TOP = 14;
  private static final double BOTTOM = 46;
  private static final double WIDTH = 520;
  private static final double HEIGHT = 320;

  /** A strategy over the sweep; {@code index} fixes its colour, dash and marker. */
  record Line(int index, double[] x, double[] y) {}

  /** A threshold of interest on a strategy's line, with the interval of its detection rate. */
  record Mark(int index, double x, double y, Interval yCi) {}

  private TradeOffChart() {}

  static String svg(String id, String title, String description, List<Line> lines, List<Mark> marks, double baselineY,
      Interval baselineCi) {
    List<Double> xs = new ArrayList<>(List.of(0.0));
    List<Double> ys = new ArrayList<>(List.of(baselineY));
    if (baselineCi.exists()) {
      ys.addAll(List.of(baselineCi.lower(), baselineCi.upper()));
    }
    for (Line line : lines) {
      for (int k = 0; k < line.x().length; k++) {
        if (Double.isFinite(line.x()[k]) && Double.isFinite(line.y()[k])) {
          xs.add(line.x()[k]);
          ys.add(line.y()[k]);
        }
      }
    }
    for (Mark mark : marks) {
      if (mark.yCi().exists()) {
        ys.addAll(List.of(mark.yCi().lower(), mark.yCi().upper()));
      }
    }
    Scale x = new Scale(padded(min(xs), max(xs), true), padded(min(xs), max(xs), false), LEFT, LEFT + WIDTH);
    Scale y = new Scale(Math.max(0, padded(min(ys), max(ys), true)), padded(min(ys), max(ys), false), TOP + HEIGHT, TOP);
    Svg svg = new Svg(id, LEFT + WIDTH + RIGHT, TOP + HEIGHT + BOTTOM, title, description);
    int xDecimals = x.tickDecimals(6);
    for (double t : x.ticks(6)) {
      svg.line(x.map(t), TOP, x.map(t), TOP + HEIGHT, "#e2e4e8", 1, null);
      svg.text(x.map(t), TOP + HEIGHT + 16, Fmt.signed(t, xDecimals) + "%", "middle", "#333333", null);
    }
    int yDecimals = y.tickDecimals(5);
    for (double t : y.ticks(5)) {
      svg.line(LEFT, y.map(t), LEFT + WIDTH, y.map(t), "#e2e4e8", 1, null);
      svg.text(LEFT - 6, y.map(t) + 4, Fmt.decimal(t, yDecimals), "end", "#333333", null);
    }
    svg.rect(LEFT, TOP, WIDTH, HEIGHT, "none", "frame");
    svg.line(x.map(0), TOP, x.map(0), TOP + HEIGHT, Palette.REFERENCE, 1, "5 4");
    svg.line(LEFT, y.map(baselineY), LEFT + WIDTH, y.map(baselineY), Palette.REFERENCE, 1, "5 4");
    svg.text(LEFT + WIDTH / 2, TOP + HEIGHT + 38, "Reading hours compared with the baseline", "middle", "#000000", null);
    svg.verticalText(16, TOP + HEIGHT / 2, "Cancers detected per 1,000 exams");
    for (Line line : lines) {
      double[] xy = new double[2 * line.x().length];
      int used = 0;
      for (int k = 0; k < line.x().length; k++) {
        if (Double.isFinite(line.x()[k]) && Double.isFinite(line.y()[k])) {
          xy[used++] = x.map(line.x()[k]);
          xy[used++] = y.map(line.y()[k]);
        }
      }
      svg.polyline(java.util.Arrays.copyOf(xy, used), Palette.model(line.index()), 2.2, Palette.dash(line.index()),
          "tradeoff-line");
    }
    for (Mark mark : marks) {
      if (!Double.isFinite(mark.x()) || !Double.isFinite(mark.y())) {
        continue;
      }
      String colour = Palette.model(mark.index());
      double px = x.map(mark.x());
      if (mark.yCi().exists()) {
        svg.verticalWhisker(px, y.map(mark.yCi().lower()), y.map(mark.yCi().upper()), colour);
      }
      svg.marker(Palette.shape(mark.index()), px, y.map(mark.y()), 5, colour, false);
    }
    double bx = x.map(0);
    double by = y.map(baselineY);
    if (baselineCi.exists()) {
      svg.verticalWhisker(bx, y.map(baselineCi.lower()), y.map(baselineCi.upper()), Palette.READER);
    }
    svg.marker(Palette.Shape.DIAMOND, bx, by, 7, Palette.READER, false);
    svg.text(bx + 9, by - 9, "baseline", "start", Palette.READER, "bold");
    return svg.finish();
  }

  /** A bound of the domain [low, high] widened by 4% on each side (so a line at −100% stays off the frame). */
  private static double padded(double low, double high, boolean lower) {
    double pad = high > low ? 0.04 * (high - low) : Math.max(0.5, 0.1 * Math.abs(low));
    return lower ? low - pad : high + pad;
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
  }
}

package org.radtrial.report;

import java.util.Locale;

/**
 * Writes one inline SVG chart. Every chart is an image with a title and a description (read by
 * screen readers, shown by browsers on hover), and coordinates are rounded to 0.1 px to keep files
 * small. A coordinate that is not finite is a bug in the caller and stops the report.
 */
public final class Svg {
  static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
  private final StringBuilder s = new StringBuilder(8192);
  private final double width;
  private final double height;

  Svg(String id, double width, double height, String title, String description) {
    this(width, height);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(Html.escape(id))
        .append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height)).append("\" width=\"").append(n(width))
        .append("\" height=\"").append(n(height)).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ")
        .append(id).append("-desc\" font-family=\"").append(Html.escape(FONT)).append("\" font-size=\"12\">");
    s.append("<title id=\"").append(id).append("-title\">").append(Html.escape(title)).append("</title>");
    s.append("<desc id=\"").append(id).append("-desc\">").append(Html.escape(description)).append("</desc>");
  }

  private Svg(double width, double height) {
    this.width = width;
    this.height = height;
  }

  /** A small picture that only repeats what the text beside it says (a legend symbol): hidden from screen readers. */
  public static Svg decorative(double width, double height) {
    Svg svg = new Svg(width, height);
    svg.s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" aria-hidden=\"true\" viewBox=\"0 0 ")
        .append(n(width)).append(' ').append(n(height)).append("\" width=\"").append(n(width)).append("\" height=\"")
        .append(n(height)).append("\">");
    return svg;
  }

  double width() {
    return width;
  }

  double height() {
    return height;
  }

  public Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
    s.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
        .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(n(strokeWidth)).append('"');
    dash(dash);
    s.append("/>");
    return this;
  }

  /** A polyline through the points (x0, y0, x1, y1, ...), as one path. */
  Svg polyline(double[] xy, String stroke, double strokeWidth, String dash, String cssClass) {
    if (xy.length < 4) {
      return this;
    }
    s.append("<path d=\"M").append(n(xy[0])).append(' ').append(n(xy[1]));
    double lastX = xy[0];
    double lastY = xy[1];
    for (int k = 2; k < xy.length; k += 2) {
      double x = round(xy[k]);
      double y = round(xy[k + 1]);
      if (x == lastX && y == lastY) {
        continue;
      }
      s.append('L').append(n(x)).append(' ').append(n(y));
      lastX = x;
      lastY = y;
    }
    s.append("\" fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(strokeWidth))
        .append("\" stroke-linejoin=\"round\"");
    dash(dash);
    if (cssClass != null) {
      s.append(" class=\"").append(cssClass).append('"');
    }
    s.append("/>");
    return this;
  }

  Svg rect(double x, double y, double w, double h, String fill, String cssClass) {
    s.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(Math.max(0, w)))
        .append("\" height=\"").append(n(Math.max(0, h))).append("\" fill=\"").append(fill).append('"');
    if (cssClass != null) {
      s.append(" class=\"").append(cssClass).append('"');
    }
    s.append("/>");
    return this;
  }

  /** Text; anchor is start, middle or end. Bold when {@code weight} is "bold". */
  Svg text(double x, double y, String text, String anchor, String fill, String weight) {
    s.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
    if (!"start".equals(anchor)) {
      s.append(" text-anchor=\"").append(anchor).append('"');
    }
    if (fill != null && !fill.equals("#000000")) {
      s.append(" fill=\"").append(fill).append('"');
    }
    if (weight != null) {
      s.append(" font-weight=\"").append(weight).append('"');
    }
    s.append('>').append(Html.escape(text)).append("</text>");
    return this;
  }

  /** Text rotated by −90° around its anchor, for a vertical axis title. */
  Svg verticalText(double x, double y, String text) {
    s.append("<text transform=\"translate(").append(n(x)).append(' ').append(n(y)).append(") rotate(-90)\" text-anchor=\"middle\">")
        .append(Html.escape(text)).append("</text>");
    return this;
  }

  /** A data marker; filled, or hollow with a white centre when {@code hollow}. */
  public Svg marker(Palette.Shape shape, double x, double y, double r, String colour, boolean hollow) {
    String paint = hollow ? " fill=\"#ffffff\" stroke=\"" + colour + "\" stroke-width=\"1.5\"" : " fill=\"" + colour + "\"";
    switch (shape) {
      case CIRCLE -> s.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(r))
          .append('"').append(paint).append("/>");
      case SQUARE -> {
        double h = r * 0.9;
        s.append("<rect x=\"").append(n(x - h)).append("\" y=\"").append(n(y - h)).append("\" width=\"").append(n(2 * h))
            .append("\" height=\"").append(n(2 * h)).append('"').append(paint).append("/>");
      }
      case TRIANGLE -> polygon(paint, x, y - r * 1.15, x + r * 1.1, y + r * 0.8, x - r * 1.1, y + r * 0.8);
      case TRIANGLE_DOWN -> polygon(paint, x, y + r * 1.15, x + r * 1.1, y - r * 0.8, x - r * 1.1, y - r * 0.8);
      case DIAMOND -> polygon(paint, x, y - r * 1.25, x + r * 1.1, y, x, y + r * 1.25, x - r * 1.1, y);
      case CROSS -> {
        double h = r * 0.35;
        polygon(paint, x - h, y - r, x + h, y - r, x + h, y - h, x + r, y - h, x + r, y + h, x + h, y + h, x + h, y + r,
            x - h, y + r, x - h, y + h, x - r, y + h, x - r, y - h, x - h, y - h);
      }
      default -> throw new IllegalStateException("unknown shape " + shape);
    }
    return this;
  }

  /** A filled, translucent polygon, e.g. a confidence band; decorative, so hidden from screen readers. */
  Svg area(double[] xy, String fill, double opacity, String cssClass) {
    polygon(" fill=\"" + fill + "\" fill-opacity=\"" + n(opacity) + "\" stroke=\"none\" class=\"" + cssClass
        + "\" aria-hidden=\"true\"", xy);
    return this;
  }

  private void polygon(String paint, double... xy) {
    s.append("<polygon points=\"");
    for (int k = 0; k < xy.length; k += 2) {
      s.append(k == 0 ? "" : " ").append(n(xy[k])).append(',').append(n(xy[k + 1]));
    }
    s.append('"').append(paint).append("/>");
  }

  /** A horizontal interval with end ticks, e.g. a confidence interval on a forest plot. */
  Svg whisker(double x1, double x2, double y, String stroke, String dash) {
    line(x1, y, x2, y, stroke, 1.6, dash);
    line(x1, y - 4, x1, y + 4, stroke, 1.2, null);
    line(x2, y - 4, x2, y + 4, stroke, 1.2, null);
    return this;
  }

  /** A vertical interval with end ticks. */
  Svg verticalWhisker(double x, double y1, double y2, String stroke) {
    line(x, y1, x, y2, stroke, 1.4, null);
    line(x - 4, y1, x + 4, y1, stroke, 1.2, null);
    line(x - 4, y2, x + 4, y2, stroke, 1.2, null);
    return this;
  }

  public String finish() {
    return s.append("</svg>").toString();
  }

  private void dash(String dash) {
    if (dash != null) {
      s.append(" stroke-dasharray=\"").append(dash).append('"');
    }
  }

  private static double round(double v) {
    return Math.rint(v * 10) / 10;
  }

  /** Below this magnitude, ten times a coordinate is exact, so its tenths are an exact integer. */
  private static final double EXACT_TENTHS = 0x1p53 / 10;

  /**
   * A coordinate rounded to 0.1, without a trailing ".0". Written from the tenths as an integer, not
   * by {@code String.format}, which looks up the locale's symbols at every call and was most of a
   * report's rendering time (a ROC chart has thousands of coordinates); the text is the same.
   */
  static String n(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalStateException("a chart coordinate is not finite: " + v);
    }
    double r = round(v);
    if (r == Math.rint(r)) {
      return Long.toString((long) r);
    }
    if (Math.abs(r) >= EXACT_TENTHS) {
      return String.format(Locale.ROOT, "%.1f", r); // r * 10 is no longer exact: the decimal rounding decides
    }
    long tenths = Math.round(r * 10);
    long magnitude = Math.abs(tenths);
    return (tenths < 0 ? "-" : "") + magnitude / 10 + "." + magnitude % 10;
  }
}

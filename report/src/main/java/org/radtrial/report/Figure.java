package org.radtrial.report;

import java.util.List;

/** A chart in a figure, with a caption that says what it shows and a legend in plain HTML. */
final class Figure {
  /** One legend entry: a line (with dash) and/or a marker. */
  record Key(String label, String colour, Palette.Shape shape, String dash, boolean line, boolean hollow) {
    /** A model drawn as a line (an ROC curve). */
    static Key modelLine(Results results, String model) {
      int i = results.modelIndex(model);
      return new Key(model, Palette.model(i), null, Palette.dash(i), true, false);
    }

    static Key marker(String label, String colour, Palette.Shape shape, boolean hollow) {
      return new Key(label, colour, shape, null, false, hollow);
    }
  }

  private Figure() {}

  static void write(Html html, String svg, String caption, List<Key> legend) {
    writeSideBySide(html, List.of(svg), caption, legend);
  }

  /** Several charts in one figure, side by side where the screen is wide enough. */
  static void writeSideBySide(Html html, List<String> svgs, String caption, List<Key> legend) {
    html.open("figure");
    if (!legend.isEmpty()) {
      legend(html, legend);
    }
    if (svgs.size() > 1) {
      html.open("div", "class", "chart-row");
    }
    for (String svg : svgs) {
      html.open("div", "class", "chart-wrap").raw(svg).close("div");
    }
    if (svgs.size() > 1) {
      html.close("div");
    }
    html.element("figcaption", caption);
    html.close("figure").newline();
  }

  static void legend(Html html, List<Key> keys) {
    html.open("ul", "class", "legend", "aria-label", "Legend");
    for (Key key : keys) {
      html.open("li");
      Svg swatch = Svg.decorative(30, 14);
      if (key.line()) {
        swatch.line(1, 7, 29, 7, key.colour(), 2.2, key.dash());
      }
      if (key.shape() != null) {
        swatch.marker(key.shape(), 15, 7, 4.5, key.colour(), key.hollow());
      }
      html.raw(swatch.finish());
      html.text(key.label()).close("li");
    }
    html.close("ul");
  }
}

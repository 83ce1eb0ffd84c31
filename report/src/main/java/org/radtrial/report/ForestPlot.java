package org.radtrial.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A forest plot: one row per group, one panel per measure, each value drawn as its estimate and
 * confidence interval against a reference line (the overall value, or 0 for a difference). Rows
 * too small to judge are drawn hollow, grey and dashed; a value shown to differ from the reference
 * gets an arrow beside its panel.
 */
public final class ForestPlot {
  private static final double ROW = 30;
  private static final double TOP = 36;
  private static final double BOTTOM = 34;
  private static final double PANEL = 190;
  /** Between panels: wide enough that the edge labels of neighbouring axes ("100%", "94.0%") never run together. */
  private static final double GAP = 40;

  /** How a value compares with the panel's reference, as the numbers show it. */
  public enum Mark { NONE, HIGHER, LOWER }

  /** A measure: its title, axis limits (NaN: fitted to the data), reference line and units. */
  public record Panel(String title, double low, double high, double reference, boolean percent) {
    public static Panel fitted(String title, double reference, boolean percent) {
      return new Panel(title, Double.NaN, Double.NaN, reference, percent);
    }
  }

  public record Value(double estimate, Interval ci, Mark mark) {
    public static final Value NONE = new Value(Double.NaN, Interval.NONE, Mark.NONE);

    static Value of(Proportion p, Mark mark) {
      return new Value(p.estimate(), p.ci(), mark);
    }
  }

  /** A row of values; {@code muted} for groups too small to judge; a heading row has no values. */
  public record Row(String label, String detail, String colour, Palette.Shape shape, boolean muted, List<Value> values) {
    static Row heading(String label) {
      return new Row(label, "", "#000000", Palette.Shape.CIRCLE, false, List.of());
    }

    boolean isHeading() {
      return values.isEmpty();
    }
  }

  private final List<Panel> panels;
  private final List<Row> rows = new ArrayList<>();

  public ForestPlot(List<Panel> panels) {
    this.panels = panels;
  }

  public ForestPlot add(Row row) {
    if (!row.isHeading() && row.values().size() != panels.size()) {
      throw new IllegalArgumentException("row '" + row.label() + "' has " + row.values().size() + " values for "
          + panels.size() + " panels");
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.stream().allMatch(Row::isHeading);
  }

  /** The plot as an inline SVG image with a title and a description for screen readers. */
  public String svg(String id, String title, String description) {
    double labelWidth = labelWidth();
    double width = labelWidth + panels.size() * (PANEL + GAP);
    double height = TOP + rows.size() * ROW + BOTTOM;
    Svg svg = new Svg(id, width, height, title, description);
    double bottom = TOP + rows.size() * ROW;
    for (int r = 0, shade = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      double y = TOP + r * ROW;
      if (row.isHeading()) {
        svg.text(4, y + 20, row.label(), "start", "#000000", "bold");
        shade = 0;
        continue;
      }
      if (shade++ % 2 == 0) {
        svg.rect(0, y, width, ROW, "#f3f4f6", null);
      }
      svg.text(10, y + 13, row.label(), "start", row.muted() ? Palette.MUTED : "#000000", null);
      svg.text(10, y + 26, row.detail(), "start", Palette.MUTED, null);
    }
    for (int p = 0; p < panels.size(); p++) {
      Panel panel = panels.get(p);
      double x0 = labelWidth + p * (PANEL + GAP);
      Scale scale = scale(p, x0);
      int decimals = panel.percent() ? Math.max(0, scale.tickDecimals(4) - 2) : scale.tickDecimals(4);
      svg.text(x0 + PANEL / 2, 16, panel.title(), "middle", "#000000", "bold");
      for (double tick : scale.ticks(4)) {
        double x = scale.map(tick);
        svg.line(x, TOP, x, bottom, "#e2e4e8", 1, null);
        svg.text(x, bottom + 16, panel.percent() ? Fmt.decimal(100 * tick, decimals) + "%" : Fmt.decimal(tick, decimals),
            "middle", "#333333", null);
      }
      if (panel.percent() && scale.domainHigh() - scale.domainLow() <= 0.5) {
        svg.text(x0 + PANEL / 2, bottom + 30, "axis zoomed to " + Fmt.trimmed(100 * scale.domainLow(), 1) + "\u2013"
            + Fmt.trimmed(100 * scale.domainHigh(), 1) + "%", "middle", Palette.MUTED, null);
      }
      svg.line(x0, bottom, x0 + PANEL, bottom, "#555555", 1, null);
      if (Double.isFinite(panel.reference())) {
        double x = scale.map(panel.reference());
        svg.line(x, TOP - 6, x, bottom, "#555555", 1.2, "4 3");
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = rows.get(r);
        if (row.isHeading()) {
          continue;
        }
        double y = TOP + r * ROW + ROW / 2;
        Value v = row.values().get(p);
        String colour = row.muted() ? Palette.MUTED : row.colour();
        if (!Double.isFinite(v.estimate())) {
          svg.text(x0 + PANEL / 2, y + 4, "not estimable", "middle", Palette.MUTED, null);
          continue;
        }
        if (v.ci().exists()) {
          svg.whisker(scale.mapClamped(v.ci().lower()), scale.mapClamped(v.ci().upper()), y, colour, row.muted() ? "3 2" : null);
        }
        svg.marker(row.shape(), scale.mapClamped(v.estimate()), y, 4.5, colour, row.muted());
        if (v.mark() != Mark.NONE) {
          svg.text(x0 + PANEL + 4, y + 4, v.mark() == Mark.LOWER ? "\u25BC" : "\u25B2", "start", "#000000", null);
        }
      }
    }
    return svg.finish();
  }

  private Scale scale(int p, double x0) {
    Panel panel = panels.get(p);
    double low = panel.low();
    double high = panel.high();
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (Row row : rows) {
        if (row.isHeading()) {
          continue;
        }
        Value v = row.values().get(p);
        for (double x : new double[] {v.estimate(), v.ci().lower(), v.ci().upper()}) {
          if (Double.isFinite(x)) {
            min = Math.min(min, x);
            max = Math.max(max, x);
          }
        }
      }
      if (Double.isFinite(panel.reference())) {
        min = Math.min(min, panel.reference());
        max = Math.max(max, panel.reference());
      }
      if (!Double.isFinite(min)) {
        min = 0;
        max = 1;
      }
      double floor = panel.percent() || panel.reference() >= 0 && min >= 0 ? 0 : Double.NEGATIVE_INFINITY;
      double ceiling = panel.percent() || max <= 1 && min >= 0 ? 1 : Double.POSITIVE_INFINITY;
      double[] domain = Scale.paddedDomain(min, max, floor, ceiling);
      low = domain[0];
      high = domain[1];
    }
    return new Scale(low, high, x0 + 6, x0 + PANEL - 6);
  }

  private double labelWidth() {
    int longest = 10;
    for (Row row : rows) {
      longest = Math.max(longest, Math.max(row.label().length(), row.detail().length()));
    }
    return Math.min(360, Math.max(150, 24 + longest * 7.0));
  }
}

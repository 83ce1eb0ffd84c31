package org.radtrial.report;

import java.util.List;

/**
 * How the exams spread over the values of one metadata column: horizontal bars for a few values,
 * a histogram-like row of columns for many (such as single years of age).
 */
final class DistributionChart {
  private static final int MAX_HORIZONTAL = 12;

  record Level(String label, long count) {}

  private DistributionChart() {}

  static String svg(String id, String column, List<Level> levels, long total) {
    long max = levels.stream().mapToLong(Level::count).max().orElse(1);
    String title = "Exams by " + column;
    String description = levels.size() + " values of " + column + "; the table below the chart gives every count.";
    return levels.size() <= MAX_HORIZONTAL ? horizontal(id, title, description, levels, total, max)
        : vertical(id, title, description, levels, max);
  }

  private static String horizontal(String id, String title, String description, List<Level> levels, long total, long max) {
    int longest = levels.stream().mapToInt(l -> l.label().length()).max().orElse(4);
    double labelWidth = Math.min(200, Math.max(60, 12 + longest * 7));
    double barWidth = 260;
    double row = 22;
    Svg svg = new Svg(id, labelWidth + barWidth + 130, levels.size() * row + 6, title, description);
    for (int k = 0; k < levels.size(); k++) {
      Level level = levels.get(k);
      double y = 3 + k * row;
      double w = barWidth * level.count() / (double) Math.max(1, max);
      svg.text(labelWidth - 8, y + 15, level.label(), "end", "#000000", null);
      svg.rect(labelWidth, y + 3, w, row - 6, Palette.model(0), null);
      svg.text(labelWidth + w + 6, y + 15, Fmt.count(level.count()) + " (" + Fmt.percent(level.count() / (double) total) + ")",
          "start", "#333333", null);
    }
    return svg.finish();
  }

  private static String vertical(String id, String title, String description, List<Level> levels, long max) {
    double left = 52;
    double plot = Math.max(300, Math.min(620, levels.size() * 14));
    double height = 150;
    double bottom = 40;
    Svg svg = new Svg(id, left + plot + 12, 10 + height + bottom, title, description);
    Scale y = new Scale(0, max, 10 + height, 10);
    for (double t : y.ticks(3)) {
      svg.line(left, y.map(t), left + plot, y.map(t), "#e2e4e8", 1, null);
      svg.text(left - 6, y.map(t) + 4, Fmt.count(Math.round(t)), "end", "#333333", null);
    }
    double slot = plot / levels.size();
    int labelEvery = (int) Math.ceil(levels.size() / (plot / 42));
    for (int k = 0; k < levels.size(); k++) {
      Level level = levels.get(k);
      double x = left + k * slot;
      svg.rect(x + slot * 0.1, y.map(level.count()), slot * 0.8, y.map(0) - y.map(level.count()), Palette.model(0), null);
      if (k % labelEvery == 0) {
        svg.text(x + slot / 2, 10 + height + 16, level.label(), "middle", "#333333", null);
      }
    }
    svg.line(left, y.map(0), left + plot, y.map(0), "#555555", 1, null);
    return svg.finish();
  }
}

package org.radtrial.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;

/**
 * Warns when a --threshold lies outside every score a model gave: such a threshold flags no case (or
 * every case), so sensitivity 0 (or specificity 0) is what it measures, which is rarely what was
 * meant (for example a threshold on a 0-100 scale given to a model that scores 0-1).
 */
final class ThresholdWarnings {
  private ThresholdWarnings() {}

  /** Prints one line per threshold outside a model's observed scores; prints nothing otherwise. */
  static void print(List<String> thresholds, Cohort cohort, PrintWriter err) {
    for (String text : thresholds) {
      int equals = text.indexOf('=');
      double value = Double.parseDouble(text.substring(equals + 1).trim());
      String only = equals < 0 ? null : text.substring(0, equals).trim();
      for (ModelScores model : cohort.models()) {
        if (only == null || only.equals(model.name())) {
          warn(text, value, model, err);
        }
      }
    }
    err.flush();
  }

  private static void warn(String text, double threshold, ModelScores model, PrintWriter err) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double s : model.scores()) {
      if (!Double.isNaN(s)) {
        min = Math.min(min, s);
        max = Math.max(max, s);
      }
    }
    if (min > max || (threshold >= min && threshold <= max)) {
      return;
    }
    boolean above = threshold > max;
    boolean flagsNone = above == model.higherIsPositive();
    err.println(String.format(Locale.ROOT, "radtrial: warning: --threshold %s lies %s every score of %s (observed %s to %s):"
        + " it flags %s, so %s; give a threshold on the model's own scale", text, above ? "above" : "below", model.name(),
        plain(min), plain(max), flagsNone ? "no case" : "every case",
        flagsNone ? "its sensitivity is 0" : "its specificity is 0"));
  }

  private static String plain(double value) {
    return String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+(?=$|e)", "");
  }
}

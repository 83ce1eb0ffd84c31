package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** ROC curves of all models on one plot, readers as points, and each model's AUC with its intervals. */
final class DiscriminationSection implements Section {
  @Override
  public String id() {
    return "roc";
  }

  @Override
  public String findingsHeading() {
    return "Discrimination (AUC)";
  }

  @Override
  public String title() {
    return "How well each model separates positives from negatives (ROC and AUC)";
  }

  @Override
  public boolean presentIn(Results results) {
    return !results.models().isEmpty();
  }

  @Override
  public List<Finding> findings(Results results) {
    List<String> parts = new ArrayList<>();
    for (String model : results.models()) {
      JsonNode auc = results.model(model).path("auc");
      parts.add(model + " " + Fmt.decimal(Json.number(auc, "estimate"), 3) + " (" + results.level() + " CI "
          + Fmt.interval(Interval.of(auc.get("ci")), 3) + ")");
    }
    return List.of(new Finding(Finding.Strength.FACT, "Area under the ROC curve (AUC; 0.5 is chance, 1 is perfect"
        + " separation): " + String.join("; ", parts) + ".", id()));
  }

  @Override
  public void write(Results results, Html html) {
    html.element("p", "The ROC curve shows, for every threshold on a model's score, the share of positives it flags"
        + " (sensitivity) against the share of negatives it flags (false-positive rate). Higher and further left is better."
        + " Human readers made one decision per exam, so each is a single point; the cross-hairs are the point's "
        + results.level() + " confidence intervals.");
    List<RocChart.Curve> curves = curves(results);
    if (curves.stream().anyMatch(c -> c.lower() != null)) {
      html.element("p", "The shaded band around each curve holds the " + results.level() + " confidence interval of the"
          + " sensitivity at each threshold, one threshold at a time (a pointwise band, not one that covers the whole curve"
          + " at once).");
    }
    List<RocChart.ReaderPoint> readers = readers(results);
    List<Figure.Key> legend = new ArrayList<>();
    results.models().forEach(m -> legend.add(Figure.Key.modelLine(results, m)));
    for (RocChart.ReaderPoint r : readers) {
      legend.add(Figure.Key.marker(r.name() + " (reader)", Palette.READER, Palette.readerShape(r.index()), false));
    }
    legend.add(new Figure.Key("chance", Palette.REFERENCE, null, "5 4", true, false));
    String description = description(results, readers);
    List<String> charts = new ArrayList<>();
    charts.add(RocChart.svg("roc-full", "ROC curves of " + String.join(", ", results.models()), description, curves, readers, 1));
    double zoom = zoom(results, readers);
    String caption = "ROC curves of every model on the same cases" + (readers.isEmpty() ? "" : ", with the readers as points");
    if (zoom < 0.5) {
      charts.add(RocChart.svg("roc-zoom", "ROC curves, false-positive rates up to " + Fmt.percent(zoom), description, curves,
          readers, zoom));
      caption += "; right: the same curves at false-positive rates up to " + Fmt.percent(zoom).replace(".0%", "%")
          + ", where screening operates";
    }
    Figure.writeSideBySide(html, charts, caption + ".", legend);
    aucTable(results, html);
  }

  private static void aucTable(Results results, Html html) {
    boolean bootstrap = results.models().stream().anyMatch(m -> results.model(m).has("auc_bootstrap"));
    List<String> headers = new ArrayList<>(List.of("model", "AUC (" + results.level() + " CI, DeLong)"));
    if (bootstrap) {
      headers.add(results.level() + " CI, bootstrap");
    }
    headers.addAll(List.of("positives", "negatives", "left out (no score)"));
    HtmlTable table = new HtmlTable("AUC of each model. Models are listed in the order given, not ranked: compare them"
        + " with the head-to-head table below.", headers.toArray(String[]::new));
    for (String model : results.models()) {
      JsonNode m = results.model(model);
      JsonNode auc = m.path("auc");
      List<String> cells = new ArrayList<>(List.of(model, Fmt.decimal(Json.number(auc, "estimate"), 3) + " ("
          + Fmt.interval(Interval.of(auc.get("ci")), 3) + ")"));
      if (bootstrap) {
        cells.add(m.has("auc_bootstrap") ? Fmt.interval(Interval.of(m.path("auc_bootstrap").get("ci")), 3) : "not run");
      }
      cells.addAll(List.of(Fmt.count(auc.path("positives").asLong()), Fmt.count(auc.path("negatives").asLong()),
          Fmt.count(m.path("excluded_missing").asLong())));
      table.row(cells.toArray(String[]::new));
    }
    table.write(html);
  }

  static List<RocChart.Curve> curves(Results results) {
    List<RocChart.Curve> curves = new ArrayList<>();
    for (String model : results.models()) {
      List<JsonNode> points = Json.elements(results.model(model).get("roc"));
      double[] fpr = new double[points.size()];
      double[] tpr = new double[points.size()];
      double[] lower = new double[points.size()];
      double[] upper = new double[points.size()];
      boolean banded = true;
      int used = 0;
      for (JsonNode point : points) {
        double sens = Json.number(point, "sensitivity");
        double spec = Json.number(point, "specificity");
        if (Double.isFinite(sens) && Double.isFinite(spec)) {
          JsonNode ci = point.get("sensitivity_ci");
          banded &= ci != null && ci.isArray() && ci.size() == 2;
          if (banded) {
            lower[used] = ci.get(0).asDouble();
            upper[used] = ci.get(1).asDouble();
          }
          fpr[used] = 1 - spec;
          tpr[used++] = sens;
        }
      }
      curves.add(new RocChart.Curve(model, results.modelIndex(model), java.util.Arrays.copyOf(fpr, used),
          java.util.Arrays.copyOf(tpr, used), banded ? java.util.Arrays.copyOf(lower, used) : null,
          banded ? java.util.Arrays.copyOf(upper, used) : null));
    }
    return curves;
  }

  static List<RocChart.ReaderPoint> readers(Results results) {
    List<RocChart.ReaderPoint> points = new ArrayList<>();
    List<String> readers = results.readers();
    for (int k = 0; k < readers.size(); k++) {
      JsonNode r = results.get("readers").path(readers.get(k));
      points.add(new RocChart.ReaderPoint(readers.get(k), k, Proportion.of(r.get("sensitivity")), Proportion.of(r.get("specificity"))));
    }
    return points;
  }

  /** The false-positive rate that frames the readers and operating points: twice the largest, rounded up. */
  private static double zoom(Results results, List<RocChart.ReaderPoint> readers) {
    double largest = 0;
    for (RocChart.ReaderPoint r : readers) {
      largest = Math.max(largest, r.falsePositiveRateCi().exists() ? r.falsePositiveRateCi().upper() : r.falsePositiveRate());
    }
    for (String model : results.models()) {
      for (JsonNode point : Json.elements(results.model(model).get("operating_points"))) {
        double spec = Json.number(point.get("specificity"), "estimate");
        if (Double.isFinite(spec)) {
          largest = Math.max(largest, 1 - spec);
        }
      }
    }
    if (largest <= 0) {
      return 1;
    }
    double step = Scale.niceStep(2 * largest / 4);
    return Math.max(0.02, Math.ceil(2 * largest / step) * step);
  }

  private static String description(Results results, List<RocChart.ReaderPoint> readers) {
    StringBuilder s = new StringBuilder();
    for (String model : results.models()) {
      JsonNode auc = results.model(model).path("auc");
      s.append(model).append(": AUC ").append(Fmt.decimal(Json.number(auc, "estimate"), 3)).append(" (")
          .append(Fmt.interval(Interval.of(auc.get("ci")), 3)).append("). ");
    }
    for (RocChart.ReaderPoint r : readers) {
      s.append(r.name()).append(": sensitivity ").append(Fmt.percent(r.sensitivity().estimate()))
          .append(", false-positive rate ").append(Fmt.percent(r.falsePositiveRate())).append(". ");
    }
    return s.toString().trim();
  }
}

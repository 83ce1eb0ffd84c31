package org.radtrial.core.roc;

import java.util.ArrayList;
import java.util.List;

/**
 * The empirical ROC curve: one point per distinct score, from (0, 0) at threshold +∞ to (1, 1) at
 * the lowest score, each point calling "positive" every case with oriented score ≥ threshold. The
 * same points as scikit-learn's {@code roc_curve(drop_intermediate=False)}; its thresholds are the
 * observed scores, not pROC's midpoints. Built by one merge of the two sorted classes: O(m + n).
 */
public final class RocCurve {
  private final List<RocPoint> points;
  private final int positives;
  private final int negatives;

  private RocCurve(List<RocPoint> points, int positives, int negatives) {
    this.points = List.copyOf(points);
    this.positives = positives;
    this.negatives = negatives;
  }

  public static RocCurve of(Placements p) {
    double[] pos = p.sortedPositives();
    double[] neg = p.sortedNegatives();
    List<RocPoint> points = new ArrayList<>();
    points.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
    int i = pos.length - 1;
    int j = neg.length - 1;
    int tp = 0;
    int fp = 0;
    while (i >= 0 || j >= 0) {
      double v = Math.max(i >= 0 ? pos[i] : Double.NEGATIVE_INFINITY, j >= 0 ? neg[j] : Double.NEGATIVE_INFINITY);
      while (i >= 0 && pos[i] == v) {
        tp++;
        i--;
      }
      while (j >= 0 && neg[j] == v) {
        fp++;
        j--;
      }
      points.add(new RocPoint(v, tp, fp));
    }
    return new RocCurve(points, pos.length, neg.length);
  }

  public List<RocPoint> points() {
    return points;
  }

  public int positives() {
    return positives;
  }

  public int negatives() {
    return negatives;
  }

  public double sensitivity(RocPoint point) {
    return point.truePositives() / (double) positives;
  }

  public double specificity(RocPoint point) {
    return 1 - point.falsePositives() / (double) negatives;
  }

  /** Area under the curve by the trapezoidal rule; equals the Mann-Whitney AUC. */
  public double trapezoidalArea() {
    double area = 0;
    for (int k = 1; k < points.size(); k++) {
      RocPoint a = points.get(k - 1);
      RocPoint b = points.get(k);
      area += (b.falsePositives() - a.falsePositives()) * (a.truePositives() + b.truePositives()) / 2.0;
    }
    return area / ((double) positives * negatives);
  }

  /**
   * The highest threshold whose sensitivity is at least {@code target}: among the points that reach
   * the target, the one with the best specificity.
   */
  public RocPoint atSensitivity(double target) {
    long needed = (long) Math.ceil(target * positives - 1e-9);
    for (RocPoint point : points) {
      if (point.truePositives() >= needed) {
        return point;
      }
    }
    return points.get(points.size() - 1);
  }

  /**
   * The lowest threshold whose specificity is still at least {@code target}: among the points that
   * reach the target, the one with the best sensitivity.
   */
  public RocPoint atSpecificity(double target) {
    long maxFalsePositives = (long) Math.floor((1 - target) * negatives + 1e-9);
    RocPoint best = points.get(0);
    for (RocPoint point : points) {
      if (point.falsePositives() > maxFalsePositives) {
        break;
      }
      best = point;
    }
    return best;
  }

  /**
   * Fewer points for plotting: keeps the first and last points and every point whose sensitivity
   * or false-positive rate moved by at least 1/maxPoints since the last point kept, so the drawn
   * curve stays within that distance of the full one in both rates. As each rate rises by 1 in
   * all, at most 2·maxPoints + 2 points are kept.
   */
  public List<RocPoint> thinned(int maxPoints) {
    if (points.size() <= maxPoints) {
      return points;
    }
    double step = 1.0 / maxPoints;
    List<RocPoint> kept = new ArrayList<>();
    RocPoint last = points.get(0);
    kept.add(last);
    for (int k = 1; k < points.size() - 1; k++) {
      RocPoint point = points.get(k);
      double dTpr = (point.truePositives() - last.truePositives()) / (double) positives;
      double dFpr = (point.falsePositives() - last.falsePositives()) / (double) negatives;
      if (dTpr >= step || dFpr >= step) {
        kept.add(point);
        last = point;
      }
    }
    kept.add(points.get(points.size() - 1));
    return kept;
  }
}

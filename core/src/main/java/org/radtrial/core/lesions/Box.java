package org.radtrial.core.lesions;

/** An axis-aligned box in image coordinates, [x0, x1] × [y0, y1] with x0 ≤ x1 and y0 ≤ y1. */
public record Box(double x0, double y0, double x1, double y1) {
  public Box {
    if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))
        || x1 < x0 || y1 < y0) {
      throw new IllegalArgumentException("a box needs finite corners with x0 ≤ x1 and y0 ≤ y1, was [" + x0 + ", " + y0
          + ", " + x1 + ", " + y1 + "]");
    }
  }

  public double area() {
    return (x1 - x0) * (y1 - y0);
  }

  /** Intersection over union; 0 when the union is empty. */
  public double iou(Box other) {
    double w = Math.min(x1, other.x1) - Math.max(x0, other.x0);
    double h = Math.min(y1, other.y1) - Math.max(y0, other.y0);
    double inter = w > 0 && h > 0 ? w * h : 0;
    double union = area() + other.area() - inter;
    return union > 0 ? inter / union : 0;
  }
}

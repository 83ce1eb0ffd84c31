package org.radtrial.dicom.results;

import java.util.Locale;

/**
 * Where an SR finding lies: the SCOORD (image pixels) or SCOORD3D (patient mm) item of the finding,
 * reduced to a centre and an axis-aligned box so that {@code radtrial lesions} can match it.
 *
 * <p>Coordinates follow the standard (PS3.3 C.18.6.1.2): for SCOORD, x is the column and y the row,
 * image-relative with (0, 0) the outer top-left corner of the first pixel (so the first pixel's centre is
 * (0.5, 0.5)), z = 0; for SCOORD3D, x, y, z in mm in the referenced frame of reference. The centre is the
 * point itself (POINT), the first point (CIRCLE), the midpoint of the first axis (ELLIPSE, ELLIPSOID),
 * else the centre of the points' bounding box (MULTIPOINT, POLYLINE, POLYGON). The box is the exact
 * extent of the circle or ellipse, else the points' bounding box; a POINT's box has no size.
 *
 * @param graphicType the SCOORD's Graphic Type, e.g. POINT, CIRCLE, POLYGON
 * @param patientCoordinates true for SCOORD3D (mm), false for SCOORD (pixels)
 * @param referencedUid the image's SOP Instance UID (SCOORD) or the Frame of Reference UID (SCOORD3D), or ""
 */
public record ImageRegion(String graphicType, boolean patientCoordinates, double x, double y, double z, double x0,
    double y0, double x1, double y1, String referencedUid) {

  /**
   * @param data Graphic Data: (column, row) pairs for SCOORD, (x, y, z) triplets for SCOORD3D
   * @throws IllegalArgumentException naming the graphic type and the number of values it takes
   */
  static ImageRegion of(String graphicType, boolean threeD, double[] data, String referencedUid) {
    int d = threeD ? 3 : 2;
    String type = graphicType.strip().toUpperCase(Locale.ROOT);
    int points = data.length / d;
    int needed = switch (type) {
      case "POINT" -> 1;
      case "CIRCLE" -> threeD ? -1 : 2;
      case "ELLIPSE" -> 4;
      case "ELLIPSOID" -> threeD ? 6 : -1;
      case "MULTIPOINT", "POLYLINE", "POLYGON" -> 0;
      default -> -1;
    };
    if (needed < 0) {
      throw new IllegalArgumentException("Graphic Type '" + graphicType + "' is not one " + (threeD ? "SCOORD3D" : "SCOORD")
          + " takes");
    }
    if (data.length % d != 0 || points < Math.max(1, needed) || (needed > 0 && points != needed)) {
      throw new IllegalArgumentException(type + " has " + data.length + " Graphic Data values; it takes "
          + (needed > 0 ? needed * d : "a positive multiple of " + d) + " (" + (threeD ? "x, y, z" : "column, row")
          + (needed == 1 ? ")" : " per point)"));
    }
    for (double v : data) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(type + " has a Graphic Data value that is not a finite number");
      }
    }
    double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0};
    double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0};
    double[] centre = new double[3];
    switch (type) {
      case "CIRCLE" -> {
        double r = Math.hypot(data[2] - data[0], data[3] - data[1]);
        centre[0] = data[0];
        centre[1] = data[1];
        lo = new double[] {data[0] - r, data[1] - r, 0};
        hi = new double[] {data[0] + r, data[1] + r, 0};
      }
      case "ELLIPSE", "ELLIPSOID" -> {
        for (int c = 0; c < d; c++) {
          centre[c] = (data[c] + data[d + c]) / 2;
        }
        // a point of the ellipse(oid) is centre + Σ_axes (half axis) · cos/sin: its extent along c is the
        // root of the sum of the squared half axes' components along c
        for (int c = 0; c < d; c++) {
          double sq = 0;
          for (int axis = 0; axis < points / 2; axis++) {
            double half = (data[(2 * axis + 1) * d + c] - data[2 * axis * d + c]) / 2;
            sq += half * half;
          }
          lo[c] = centre[c] - Math.sqrt(sq);
          hi[c] = centre[c] + Math.sqrt(sq);
        }
      }
      default -> {
        for (int p = 0; p < points; p++) {
          for (int c = 0; c < d; c++) {
            lo[c] = p == 0 ? data[c] : Math.min(lo[c], data[p * d + c]);
            hi[c] = p == 0 ? data[c] : Math.max(hi[c], data[p * d + c]);
          }
        }
        for (int c = 0; c < d; c++) {
          centre[c] = (lo[c] + hi[c]) / 2;
        }
      }
    }
    return new ImageRegion(type, threeD, centre[0], centre[1], threeD ? centre[2] : 0, lo[0], lo[1], hi[0], hi[1],
        referencedUid);
  }
}

package org.radtrial.report;

import java.util.ArrayList;
import java.util.List;

/** A linear map from data values to SVG coordinates, with "nice" tick values (1, 2 or 5 × 10^k). */
record Scale(double domainLow, double domainHigh, double rangeLow, double rangeHigh) {
  Scale {
    if (!(domainHigh > domainLow)) {
      throw new IllegalArgumentException("a scale needs domainHigh > domainLow; got [" + domainLow + ", " + domainHigh + "]");
    }
  }

  double map(double value) {
    return rangeLow + (value - domainLow) / (domainHigh - domainLow) * (rangeHigh - rangeLow);
  }

  /** Keeps a value inside the domain, so a bound off the axis is drawn at its edge. */
  double mapClamped(double value) {
    return map(Math.max(domainLow, Math.min(domainHigh, value)));
  }

  /** About {@code count} ticks inside the domain at a round step. */
  List<Double> ticks(int count) {
    double step = niceStep((domainHigh - domainLow) / Math.max(1, count));
    List<Double> ticks = new ArrayList<>();
    for (double t = Math.ceil(domainLow / step - 1e-9) * step; t <= domainHigh + step * 1e-9; t += step) {
      ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
    }
    return ticks;
  }

  /** Decimals needed to print the ticks of {@link #ticks(int)} without losing a digit. */
  int tickDecimals(int count) {
    double step = niceStep((domainHigh - domainLow) / Math.max(1, count));
    return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
  }

  static double niceStep(double rough) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / magnitude;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  /** A domain around [low, high] padded by 5% and widened to round steps, kept inside [floor, ceiling]. */
  static double[] paddedDomain(double low, double high, double floor, double ceiling) {
    if (!(high > low)) {
      low -= 0.05;
      high += 0.05;
    }
    double pad = (high - low) * 0.08;
    double step = niceStep((high - low + 2 * pad) / 5);
    double lo = Math.max(floor, Math.floor((low - pad) / step) * step);
    double hi = Math.min(ceiling, Math.ceil((high + pad) / step) * step);
    if (!(hi > lo)) {
      lo = floor;
      hi = ceiling;
    }
    return new double[] {lo, hi};
  }
}

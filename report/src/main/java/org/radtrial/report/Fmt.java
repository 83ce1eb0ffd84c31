package org.radtrial.report;

import java.util.Locale;

/**
 * How numbers read in the report: fixed locale, a real minus sign, "not estimable" for a value that
 * does not exist (null in results.json), and intervals written as "lower–upper" or "lower to upper"
 * when a bound is negative.
 */
public final class Fmt {
  static final String MINUS = "\u2212";
  static final String DASH = "\u2013";
  public static final String NOT_ESTIMABLE = "not estimable";

  private Fmt() {}

  /** A count with thousands separators: 49,630. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A number with a fixed number of decimals, with a real minus sign. */
  public static String decimal(double x, int digits) {
    if (!Double.isFinite(x)) {
      return NOT_ESTIMABLE;
    }
    String s = String.format(Locale.ROOT, "%." + digits + "f", x);
    if (s.matches("-0\\.?0*")) {
      s = s.substring(1);
    }
    return s.replace("-", MINUS);
  }

  /** A proportion as a percentage: 0.6865 → "68.6%" (with one decimal). */
  static String percent(double proportion) {
    return Double.isFinite(proportion) ? decimal(100 * proportion, 1) + "%" : NOT_ESTIMABLE;
  }

  /** A percentage with the precision a small prevalence needs: 0.0074 → "0.74%". */
  public static String prevalence(double proportion) {
    if (!Double.isFinite(proportion)) {
      return NOT_ESTIMABLE;
    }
    return decimal(100 * proportion, proportion < 0.1 ? 2 : 1) + "%";
  }

  /** A signed number: +0.063, −0.043. */
  static String signed(double x, int digits) {
    String s = decimal(x, digits);
    return Double.isFinite(x) && !s.startsWith(MINUS) && !s.matches("0\\.?0*") ? "+" + s : s;
  }

  /** A difference of proportions in percentage points: −0.0432 → "−4.3". */
  static String points(double difference) {
    return signed(100 * difference, 1);
  }

  /** An interval: "0.898–0.932", or "−0.094 to 0.007" when a bound is negative. */
  public static String interval(Interval ci, int digits) {
    return bounds(ci, x -> decimal(x, digits));
  }

  /** An interval with thousands separators: "3,762.1–3,779.1". */
  static String groupedInterval(Interval ci, int digits) {
    return bounds(ci, x -> grouped(x, digits));
  }

  private static String bounds(Interval ci, java.util.function.DoubleFunction<String> format) {
    if (!ci.exists()) {
      return NOT_ESTIMABLE;
    }
    String lo = format.apply(ci.lower());
    String hi = format.apply(ci.upper());
    return lo.startsWith(MINUS) || hi.startsWith(MINUS) ? lo + " to " + hi : lo + DASH + hi;
  }

  /** A number with thousands separators and fixed decimals: 3,770.7. */
  static String grouped(double x, int digits) {
    if (!Double.isFinite(x)) {
      return NOT_ESTIMABLE;
    }
    String s = String.format(Locale.ROOT, "%,." + digits + "f", x);
    if (s.matches("-[0,]*\\.?0*")) {
      s = s.substring(1);
    }
    return s.replace("-", MINUS);
  }

  /** A signed number with thousands separators: +1,234.5, −63.9. */
  static String signedGrouped(double x, int digits) {
    String s = grouped(x, digits);
    return Double.isFinite(x) && !s.startsWith(MINUS) && !s.matches("[0,]*\\.?0*") ? "+" + s : s;
  }

  /** A number to a few significant digits without trailing zeros, for thresholds: 0.039, 0.2318, 12.5. */
  public static String significant(double x, int digits) {
    if (!Double.isFinite(x)) {
      return NOT_ESTIMABLE;
    }
    if (x == 0) {
      return "0";
    }
    String s = new java.math.BigDecimal(x).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
    return s.replace("-", MINUS);
  }

  /** A setting as people write it: 1.0 → "1", 2.5 → "2.5", at most {@code digits} decimals. */
  static String trimmed(double x, int digits) {
    String s = decimal(x, digits);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /** An interval of proportions as percentages: "63.8–73.2%". */
  static String percentInterval(Interval ci) {
    return ci.exists() ? interval(ci.times(100), 1) + "%" : NOT_ESTIMABLE;
  }

  /** An interval of a difference of proportions in points: "−9.4 to 0.7". */
  static String pointsInterval(Interval ci) {
    return ci.exists() ? interval(ci.times(100), 1) : NOT_ESTIMABLE;
  }

  /** A p- or q-value: "<0.001", "0.015", "0.61". */
  public static String p(double p) {
    if (!Double.isFinite(p)) {
      return NOT_ESTIMABLE;
    }
    if (p < 0.001) {
      return "<0.001";
    }
    if (p > 0.99) {
      return ">0.99";
    }
    return p < 0.1 ? decimal(p, 3) : decimal(p, 2);
  }

  /** A rule or decision as people write it: "score ≥ 0.17" for results.json's "score >= 0.17". */
  public static String symbols(String rule) {
    return rule.replace(">=", "\u2265").replace("<=", "\u2264");
  }

  /** "p = 0.015" or "p < 0.001". */
  static String pEquals(String name, double p) {
    String value = p(p);
    if (value.startsWith("<") || value.startsWith(">")) {
      return name + " " + value.charAt(0) + " " + value.substring(1);
    }
    return name + " = " + value;
  }
}

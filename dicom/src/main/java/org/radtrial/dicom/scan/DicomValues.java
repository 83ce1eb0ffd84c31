package org.radtrial.dicom.scan;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Parsing of DICOM value representations into plain values, strictly: a bad value is empty. */
public final class DicomValues {
  private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

  private DicomValues() {}

  /** An IS (integer string) value, or empty when it is not one. */
  public static Optional<Long> integerString(String text) {
    String t = text.strip();
    if (!t.matches("[+-]?\\d{1,12}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(t.startsWith("+") ? t.substring(1) : t));
  }

  /** A DS (decimal string) value, or empty when it is not one. */
  public static Optional<Double> decimalString(String text) {
    String t = text.strip();
    if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      return Optional.empty();
    }
    double value = Double.parseDouble(t);
    return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
  }

  /** A DA value (YYYYMMDD, or the YYYY.MM.DD of ACR-NEMA files), or empty when it is not a real date. */
  public static Optional<LocalDate> date(String text) {
    String t = text.strip();
    if (t.matches("\\d{4}\\.\\d{2}\\.\\d{2}")) {
      t = t.replace(".", "");
    }
    if (!t.matches("\\d{8}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(t, DA));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * An AS value (nnnD, nnnW, nnnM or nnnY) in years: days / 365.25, weeks * 7 / 365.25, months /
   * 12, years as given. Empty when it is not an age string.
   */
  public static Optional<Double> ageInYears(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    if (!t.matches("\\d{3}[DWMY]")) {
      return Optional.empty();
    }
    int n = Integer.parseInt(t.substring(0, 3));
    return Optional.of(switch (t.charAt(3)) {
      case 'D' -> n / 365.25;
      case 'W' -> n * 7 / 365.25;
      case 'M' -> n / 12.0;
      default -> (double) n;
    });
  }

  /** Whole years from birth to the date, or empty if the date is before the birth. */
  public static Optional<Integer> fullYears(LocalDate birth, LocalDate on) {
    if (on.isBefore(birth)) {
      return Optional.empty();
    }
    return Optional.of(Period.between(birth, on).getYears());
  }

  /** A number as a table cell: integers without a decimal point, others as Java prints them. */
  public static String cell(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}

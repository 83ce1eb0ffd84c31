package org.radtrial.core.recon;

/**
 * What one exam of one protocol costs, each NaN where unknown: scanner time, CT dose and PET
 * activity, from the images' DICOM headers or the user's table.
 *
 * @param minutes scanner minutes (DICOM AcquisitionDuration, in seconds, / 60)
 * @param ctdiVol CT dose index, volume, in mGy (DICOM CTDIvol)
 * @param dlp dose-length product in mGy·cm
 * @param activity injected activity in MBq (DICOM RadionuclideTotalDose, in Bq, / 10⁶)
 */
public record ExamCost(double minutes, double ctdiVol, double dlp, double activity) {
  /** Nothing known. */
  public static final ExamCost UNKNOWN = new ExamCost(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  public ExamCost {
    check(minutes, "scanner minutes");
    check(ctdiVol, "CTDIvol");
    check(dlp, "DLP");
    check(activity, "injected activity");
  }

  /** The value of one quantity (energy needs the scanner's power: {@link Savings}). */
  public double get(SavingsQuantity q) {
    return switch (q) {
      case MINUTES -> minutes;
      case CTDI_VOL -> ctdiVol;
      case DLP -> dlp;
      case ACTIVITY -> activity;
      case ENERGY -> Double.NaN;
    };
  }

  /** This cost with the known values of {@code other} filled in where this one has none. */
  public ExamCost orElse(ExamCost other) {
    return new ExamCost(pick(minutes, other.minutes), pick(ctdiVol, other.ctdiVol), pick(dlp, other.dlp),
        pick(activity, other.activity));
  }

  private static double pick(double a, double b) {
    return Double.isNaN(a) ? b : a;
  }

  private static void check(double v, String what) {
    if (!Double.isNaN(v) && !(v >= 0 && v < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(what + " must be a finite number ≥ 0, was " + v);
    }
  }
}

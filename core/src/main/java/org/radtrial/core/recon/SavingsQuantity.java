package org.radtrial.core.recon;

/** What a protocol costs per exam, with its unit and whether a cohort's total means something. */
public enum SavingsQuantity {
  MINUTES("scanner time", "min", true),
  CTDI_VOL("CTDIvol", "mGy", false),
  DLP("DLP", "mGy·cm", true),
  ACTIVITY("injected activity", "MBq", true),
  ENERGY("scanner energy", "kWh", true);

  private final String label;
  private final String unit;
  private final boolean additive;

  SavingsQuantity(String label, String unit, boolean additive) {
    this.label = label;
    this.unit = unit;
    this.additive = additive;
  }

  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }

  /** Whether exams' values add up to a cohort total (CTDIvol is a dose index: only its mean is shown). */
  public boolean additive() {
    return additive;
  }

  /** The results.json key: minutes, ctdivol_mgy, dlp_mgy_cm, activity_mbq, energy_kwh. */
  public String key() {
    return switch (this) {
      case MINUTES -> "minutes";
      case CTDI_VOL -> "ctdivol_mgy";
      case DLP -> "dlp_mgy_cm";
      case ACTIVITY -> "activity_mbq";
      case ENERGY -> "energy_kwh";
    };
  }
}

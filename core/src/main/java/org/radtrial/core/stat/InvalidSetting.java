package org.radtrial.core.stat;

/**
 * A setting of a run that cannot work, said in the domain's words ("no thresholds are swept"), with
 * the setting named so that each front end can point at its own control: the command line at its
 * flag ({@code --sweep}), the workspace at its form field. The core knows neither.
 */
public class InvalidSetting extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The settings the core can refuse, as the domain names them. */
  public enum Setting {
    /** thresholds swept per model in a virtual trial */
    SWEEP,
    /** thresholds a user gives per model */
    THRESHOLDS,
    /** the assumption for decisions the data do not record */
    ASSUMPTION,
    /** metadata columns audited per subgroup */
    AUDITED_COLUMNS,
    /** band cut points of a continuous column */
    BANDS,
    /** whether pairs of columns are audited too */
    INTERSECTIONS,
    /** most conditions in a failure slice */
    SLICE_DEPTH,
    /** false-discovery rate of the failure-slice search */
    FALSE_DISCOVERY_RATE,
    /** strata and shares of another population */
    TARGET_POPULATION
  }

  private final Setting setting;

  public InvalidSetting(Setting setting, String message) {
    super(message);
    this.setting = setting;
  }

  public Setting setting() {
    return setting;
  }
}

package org.radtrial.core.simulate;

/**
 * How a screening programme reads and what its work costs.
 *
 * @param doubleReading true for double reading (reader 1 and reader 2), false for single reading
 * @param arbitration how double reading resolves a discordance
 * @param minutesPerRead minutes of one human read of one exam
 * @param minutesPerArbitration minutes of one arbitration or consensus discussion
 * @param minutesPerReview minutes of one extra review (safety net)
 * @param costPerRecall cost of recalling one woman (further imaging, work-up); 0 if not counted
 * @param costPerReadingHour cost of one hour of radiologists' reading; 0 if not counted
 * @param energyPerRecallKwh energy of the additional imaging per recall in kWh; 0 if not counted
 * @param arbitrationCapacityPer1000 arbitrations (and reviews) the programme can staff per 1,000
 *     exams; 0 for no limit
 * @param followUpMonths the follow-up window that defines a case as cancer (screen-detected plus
 *     interval cancers); 0 when the truth column already encodes it
 */
public record Programme(
    boolean doubleReading,
    Arbitration arbitration,
    double minutesPerRead,
    double minutesPerArbitration,
    double minutesPerReview,
    double costPerRecall,
    double costPerReadingHour,
    double energyPerRecallKwh,
    double arbitrationCapacityPer1000,
    double followUpMonths) {

  /** How double reading resolves a discordance between the two readers. */
  public enum Arbitration {
    /** A third reader or consensus decides; the outcome is recorded in the data. */
    RECORDED,
    /** Recall when either reader recalls (no arbitration needed). */
    EITHER_RECALLS,
    /** Recall only when both readers recall (no arbitration needed). */
    BOTH_RECALL
  }

  public Programme {
    if (arbitration == null) {
      throw new IllegalArgumentException("name the arbitration rule: recorded, either_recalls or both_recall");
    }
    requireNonNegative(minutesPerRead, "minutes_per_read");
    requireNonNegative(minutesPerArbitration, "minutes_per_arbitration");
    requireNonNegative(minutesPerReview, "minutes_per_review");
    requireNonNegative(costPerRecall, "cost_per_recall");
    requireNonNegative(costPerReadingHour, "cost_per_reading_hour");
    requireNonNegative(energyPerRecallKwh, "energy_per_recall_kwh");
    requireNonNegative(arbitrationCapacityPer1000, "arbitration_capacity_per_1000");
    requireNonNegative(followUpMonths, "follow_up_months");
  }

  private static void requireNonNegative(double value, String key) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException("programme: " + key + " must be a number >= 0, was " + value);
    }
  }

  /** A European double-reading programme with recorded arbitration, and 1 and 3 reading minutes. */
  public static Programme doubleReadingDefaults() {
    return new Programme(true, Arbitration.RECORDED, 1.0, 3.0, 3.0, 0, 0, 0, 0, 0);
  }
}

package org.radtrial.core.simulate;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which of a cohort's columns play which part in a screening programme, so that a case table can
 * become {@link ScreeningExams} in one place ({@link ScreeningExams#from}).
 *
 * @param reader1 reader 1's decision column
 * @param reader2 reader 2's decision column, or null for single reading
 * @param arbitration the recorded arbitration (or consensus) column, or null
 * @param assisted AI-assisted decision columns, one per programme reader in reader order, or empty
 * @param diagnosisMonths metadata column of months from the screen to diagnosis, or null
 * @param calibrateBy metadata column whose levels each get the same flag rate, or null
 */
public record ScreeningRoles(
    String reader1,
    @Nullable String reader2,
    @Nullable String arbitration,
    List<String> assisted,
    @Nullable String diagnosisMonths,
    @Nullable String calibrateBy) {
  public ScreeningRoles {
    if (reader1 == null) {
      throw new IllegalArgumentException("a screening programme needs reader 1's decision column");
    }
    assisted = List.copyOf(assisted);
    int readers = reader2 == null ? 1 : 2;
    if (!assisted.isEmpty() && assisted.size() != readers) {
      throw new IllegalArgumentException("give one AI-assisted decision column per reader of the programme (" + readers
          + "), in the order of the readers; got " + assisted);
    }
  }

  /** The programme's readers in order: reader 1, then reader 2 if there is one. */
  public List<String> readers() {
    return reader2 == null ? List.of(reader1) : List.of(reader1, reader2);
  }
}

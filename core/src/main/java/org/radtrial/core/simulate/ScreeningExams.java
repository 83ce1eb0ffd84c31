package org.radtrial.core.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.cohort.ReaderDecisions;

/**
 * The recorded human side of a screening cohort, as the simulator needs it.
 *
 * @param cancer cancer diagnosed within the follow-up window, per exam
 * @param reader1 reader 1's recorded recall decision, per exam
 * @param reader2 reader 2's recorded decision (null for single reading)
 * @param arbitration recorded arbitration or consensus outcome per exam: 1 recall, 0 no recall, −1
 *     none recorded (null when the data carry no arbitration column)
 * @param assisted1 reader 1's recorded AI-assisted decision (null when not recorded)
 * @param assisted2 reader 2's recorded AI-assisted decision (null when not recorded)
 * @param models AI scores per model (oriented: higher = more suspicious), per exam
 * @param modelNames the models' names
 */
public record ScreeningExams(
    boolean[] cancer,
    boolean[] reader1,
    boolean @Nullable [] reader2,
    byte @Nullable [] arbitration,
    boolean @Nullable [] assisted1,
    boolean @Nullable [] assisted2,
    List<double[]> models,
    List<String> modelNames) {

  public ScreeningExams {
    int n = cancer.length;
    models = List.copyOf(models);
    modelNames = List.copyOf(modelNames);
    check(reader1.length == n, "reader 1 decisions");
    check(reader2 == null || reader2.length == n, "reader 2 decisions");
    check(arbitration == null || arbitration.length == n, "arbitrations");
    check(assisted1 == null || assisted1.length == n, "assisted decisions");
    check(assisted2 == null || assisted2.length == n, "assisted decisions");
    check(assisted2 == null || assisted1 != null, "assisted decisions");
    check(models.size() == modelNames.size(), "model names");
    for (double[] m : models) {
      check(m.length == n, "model scores");
    }
    check(n > 0, "exams");
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("the " + what + " do not match the exams");
    }
  }

  public int size() {
    return cancer.length;
  }

  public boolean hasAssistedReads() {
    return assisted1 != null;
  }

  /**
   * The exams of a case table, with each model's scores oriented (and, with a calibration column,
   * turned into within-level ranks). With a diagnosis-months column, cancers diagnosed after the
   * programme's follow-up window count as no cancer.
   *
   * @param source the table's name, for messages that locate a bad cell
   */
  public static ScreeningExams from(Cohort cohort, ScreeningRoles roles, Programme programme, String source) {
    boolean[] cancer = cohort.truth().clone();
    if (roles.diagnosisMonths() != null) {
      if (programme.followUpMonths() <= 0) {
        throw new IllegalArgumentException("months to diagnosis need the programme's follow_up_months");
      }
      List<String> months = metadata(cohort, roles.diagnosisMonths());
      for (int i = 0; i < cancer.length; i++) {
        if (cancer[i]) {
          double m;
          try {
            m = Double.parseDouble(months.get(i).trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ", row " + (i + 1) + ", column '" + roles.diagnosisMonths() + "': '"
                + months.get(i) + "' is not a number of months; every cancer needs its months to diagnosis");
          }
          if (!(m >= 0) || !Double.isFinite(m)) {
            throw new IllegalArgumentException(source + ", row " + (i + 1) + ", column '" + roles.diagnosisMonths() + "': '"
                + months.get(i) + "' must be a number of months of 0 or more");
          }
          cancer[i] = m <= programme.followUpMonths();
        }
      }
    }
    Map<String, ReaderDecisions> byName = new LinkedHashMap<>();
    cohort.readers().forEach(r -> byName.put(r.name(), r));
    boolean[] r1 = positive(byName, roles.reader1());
    boolean[] r2 = roles.reader2() == null ? null : positive(byName, roles.reader2());
    byte[] arbitrated = roles.arbitration() == null ? null : require(byName, roles.arbitration()).decisions();
    boolean[] a1 = roles.assisted().isEmpty() ? null : positive(byName, roles.assisted().get(0));
    boolean[] a2 = roles.assisted().size() > 1 ? positive(byName, roles.assisted().get(1)) : null;
    GroupColumn calibrateBy = roles.calibrateBy() == null ? null
        : GroupColumn.of(roles.calibrateBy(), metadata(cohort, roles.calibrateBy()), null);
    List<double[]> scores = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ModelScores model : cohort.models()) {
      double[] oriented = model.orientedScores();
      scores.add(calibrateBy == null ? oriented : WithinGroupRanks.of(oriented, calibrateBy.codes(), calibrateBy.levelCount()));
      names.add(model.name());
    }
    return new ScreeningExams(cancer, r1, r2, arbitrated, a1, a2, scores, names);
  }

  private static List<String> metadata(Cohort cohort, String column) {
    List<String> values = cohort.metadata().get(column);
    if (values == null) {
      throw new IllegalArgumentException("the column '" + column + "' was not read from the case table");
    }
    return values;
  }

  private static ReaderDecisions require(Map<String, ReaderDecisions> byName, String column) {
    ReaderDecisions reader = byName.get(column);
    if (reader == null) {
      throw new IllegalArgumentException("the decision column '" + column + "' was not read from the case table");
    }
    return reader;
  }

  private static boolean[] positive(Map<String, ReaderDecisions> byName, String column) {
    byte[] decisions = require(byName, column).decisions();
    boolean[] d = new boolean[decisions.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = decisions[i] == ReaderDecisions.POSITIVE;
    }
    return d;
  }
}

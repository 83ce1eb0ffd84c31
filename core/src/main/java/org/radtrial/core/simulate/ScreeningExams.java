package org.radtrial.core.simulate;

import java.util.List;

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
    boolean[] reader2,
    byte[] arbitration,
    boolean[] assisted1,
    boolean[] assisted2,
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
}

package org.radtrial.core.cohort;

/**
 * One model's scores on every case of a cohort, in case order.
 *
 * @param name the model's name (its column in the case table)
 * @param scores score per case; NaN marks a missing score (kept only when the user chose to
 *     exclude missing scores, and counted)
 * @param higherIsPositive false when a lower score is more suspicious ({@code --lower-is-positive})
 */
public record ModelScores(String name, double[] scores, boolean higherIsPositive) {
  public ModelScores {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a model needs a name");
    }
    scores = scores.clone();
    for (double s : scores) {
      if (Double.isInfinite(s)) {
        throw new IllegalArgumentException("model " + name + " has an infinite score");
      }
    }
  }

  /** A copy of every case's score: the record's own array never leaves it. */
  @Override
  public double[] scores() {
    return scores.clone();
  }

  /** One case's score in the model's own units; NaN when missing. */
  public double score(int caseIndex) {
    return scores[caseIndex];
  }

  /** How many cases the model scored or left missing. */
  public int size() {
    return scores.length;
  }

  public int missing() {
    int missing = 0;
    for (double s : scores) {
      if (Double.isNaN(s)) {
        missing++;
      }
    }
    return missing;
  }

  /** The score turned so that higher is always more suspicious. */
  public double oriented(int caseIndex) {
    return higherIsPositive ? scores[caseIndex] : -scores[caseIndex];
  }

  /** A new array of every case's score turned so that higher is always more suspicious (NaN stays NaN). */
  public double[] orientedScores() {
    double[] oriented = new double[scores.length];
    for (int i = 0; i < oriented.length; i++) {
      oriented[i] = higherIsPositive ? scores[i] : -scores[i];
    }
    return oriented;
  }

  public boolean present(int caseIndex) {
    return !Double.isNaN(scores[caseIndex]);
  }
}

package org.radtrial.core.lesions;

/**
 * One reader's (or one model's) marks on every case of a {@link LesionTruth}, already classified:
 * the ratings of the non-lesion localizations (NL) of each case, and the rating of each lesion's
 * localization (LL), {@code -∞} for a lesion that was not marked. Ratings are oriented: higher = more
 * confident. Several marks on one lesion are already reduced to the highest (see {@link Matching}).
 *
 * @param nl nl[k]: the NL ratings on case k, finite
 * @param ll ll[k][l]: the rating of lesion l of case k, or {@code Double.NEGATIVE_INFINITY}
 */
public record Reading(double[][] nl, double[][] ll) {
  public Reading {
    if (nl.length != ll.length) {
      throw new IllegalArgumentException("NL ratings for " + nl.length + " cases but LL ratings for " + ll.length);
    }
    nl = deepCopy(nl);
    ll = deepCopy(ll);
    for (int k = 0; k < nl.length; k++) {
      for (double r : nl[k]) {
        if (!Double.isFinite(r)) {
          throw new IllegalArgumentException("case " + (k + 1) + ": an NL rating must be finite, was " + r);
        }
      }
      for (double r : ll[k]) {
        if (Double.isNaN(r) || r == Double.POSITIVE_INFINITY) {
          throw new IllegalArgumentException("case " + (k + 1) + ": an LL rating must be finite (or -∞ when unmarked), was "
              + r);
        }
      }
    }
  }

  /** Checks the reading has one row per case of the truth and one LL rating per lesion. */
  public Reading requireShape(LesionTruth truth) {
    if (nl.length != truth.size()) {
      throw new IllegalArgumentException("a reading of " + nl.length + " cases for a truth of " + truth.size());
    }
    for (int k = 0; k < nl.length; k++) {
      if (ll[k].length != truth.get(k).lesions()) {
        throw new IllegalArgumentException("case " + truth.get(k).id() + " has " + truth.get(k).lesions()
            + " lesions but " + ll[k].length + " LL ratings");
      }
    }
    return this;
  }

  /** The highest NL rating of case k, −∞ without NL marks. */
  double highestNl(int k) {
    double max = Double.NEGATIVE_INFINITY;
    for (double r : nl[k]) {
      max = Math.max(max, r);
    }
    return max;
  }

  /** The highest rating of any mark on case k (NL or LL), −∞ without marks. */
  double highestMark(int k) {
    double max = highestNl(k);
    for (double r : ll[k]) {
      max = Math.max(max, r);
    }
    return max;
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int k = 0; k < a.length; k++) {
      out[k] = a[k].clone();
    }
    return out;
  }
}

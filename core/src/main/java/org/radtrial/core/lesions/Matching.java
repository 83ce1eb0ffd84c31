package org.radtrial.core.lesions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classifies located marks into lesion localizations (LL) and non-lesion localizations (NL), LUNA16's
 * rule: a mark that matches one or more lesions of its case (by the {@link MatchCriterion}) belongs to
 * the one it matches best; a lesion's LL rating is the highest confidence among its marks, and its
 * other marks count neither as hits nor as false marks; a mark matching no lesion is an NL mark.
 */
public final class Matching {
  private Matching() {}

  /**
   * The classified reading.
   *
   * @param lesions lesions[k][l]: where lesion l of case k is, in the truth's order
   * @param marks every mark of one reader or model
   */
  public static Result classify(LesionTruth truth, Location[][] lesions, List<Mark> marks, MatchCriterion criterion) {
    int cases = truth.size();
    if (lesions.length != cases) {
      throw new IllegalArgumentException("locations for " + lesions.length + " cases, the truth has " + cases);
    }
    double[][] ll = new double[cases][];
    List<List<Double>> nl = new ArrayList<>();
    for (int k = 0; k < cases; k++) {
      if (lesions[k].length != truth.get(k).lesions()) {
        throw new IllegalArgumentException("case " + truth.get(k).id() + ": " + truth.get(k).lesions()
            + " lesions in the truth but " + lesions[k].length + " locations");
      }
      ll[k] = new double[lesions[k].length];
      Arrays.fill(ll[k], Double.NEGATIVE_INFINITY);
      nl.add(new ArrayList<>());
    }
    int ignored = 0;
    for (Mark m : marks) {
      int k = m.caseIndex();
      if (k < 0 || k >= cases) {
        throw new IllegalArgumentException("a mark on case index " + k + ", the truth has " + cases + " cases");
      }
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int l = 0; l < lesions[k].length; l++) {
        double s = criterion.score(lesions[k][l], m.location());
        if (!Double.isNaN(s) && s > bestScore) {
          best = l;
          bestScore = s;
        }
      }
      if (best < 0) {
        nl.get(k).add(m.confidence());
      } else {
        if (ll[k][best] != Double.NEGATIVE_INFINITY) {
          ignored++;
        }
        ll[k][best] = Math.max(ll[k][best], m.confidence());
      }
    }
    double[][] nlArray = new double[cases][];
    for (int k = 0; k < cases; k++) {
      nlArray[k] = nl.get(k).stream().mapToDouble(Double::doubleValue).toArray();
    }
    return new Result(new Reading(nlArray, ll), ignored);
  }

  /**
   * The classified reading and how many marks were set aside as second marks on an already-hit lesion.
   */
  public record Result(Reading reading, int secondMarks) {}
}

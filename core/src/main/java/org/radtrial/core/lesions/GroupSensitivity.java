package org.radtrial.core.lesions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.radtrial.core.stat.Interval;

/**
 * Lesion-level sensitivity per group of lesions (a size class, a lesion type): the fraction of the group's
 * lesions that were marked at all (every mark counted, the FROC end point), with a percentile bootstrap
 * interval over the cases holding the group's lesions (a case's lesions move together, so lesions of one
 * case are not treated as independent).
 */
public final class GroupSensitivity {
  private GroupSensitivity() {}

  /**
   * One group.
   *
   * @param group the group's label
   * @param lesions its lesions
   * @param found how many were marked
   * @param sensitivity found / lesions
   * @param ci the percentile bootstrap interval
   */
  public record Value(String group, int lesions, int found, double sensitivity, Interval ci) {}

  /**
   * Every group's sensitivity, groups in order of first appearance.
   *
   * @param groups groups[k][l]: the label of lesion l of case k
   */
  public static List<Value> of(LesionTruth truth, Reading reading, String[][] groups, int replicates, long seed,
      double level) {
    Map<String, List<int[]>> members = new LinkedHashMap<>();
    for (int k = 0; k < truth.size(); k++) {
      for (int l = 0; l < truth.get(k).lesions(); l++) {
        members.computeIfAbsent(groups[k][l], g -> new ArrayList<>()).add(new int[] {k, l});
      }
    }
    List<Value> out = new ArrayList<>();
    for (Map.Entry<String, List<int[]>> e : members.entrySet()) {
      // per case of the group: its lesions in the group and how many were found
      Map<Integer, int[]> perCase = new LinkedHashMap<>();
      for (int[] kl : e.getValue()) {
        int[] c = perCase.computeIfAbsent(kl[0], k -> new int[2]);
        c[0]++;
        c[1] += reading.ll()[kl[0]][kl[1]] != Double.NEGATIVE_INFINITY ? 1 : 0;
      }
      int[][] cells = perCase.values().toArray(new int[0][]);
      int n = 0;
      int found = 0;
      for (int[] c : cells) {
        n += c[0];
        found += c[1];
      }
      Random random = new Random(seed * 31 + e.getKey().hashCode());
      double[] draws = new double[replicates];
      for (int b = 0; b < replicates; b++) {
        int bn = 0;
        int bf = 0;
        for (int i = 0; i < cells.length; i++) {
          int[] c = cells[random.nextInt(cells.length)];
          bn += c[0];
          bf += c[1];
        }
        draws[b] = bf / (double) bn;
      }
      out.add(new Value(e.getKey(), n, found, found / (double) n, HeadToHead.percentile(draws, level)));
    }
    return out;
  }

  /** The size class of a lesion of the given diameter: "under 10 mm", "10–20 mm", "20 mm or more". */
  public static String sizeClass(double diameter) {
    return diameter < 10 ? "under 10 mm" : diameter < 20 ? "10-20 mm" : "20 mm or more";
  }
}

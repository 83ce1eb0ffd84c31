package org.radtrial.core.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.radtrial.core.binary.TwoProportions;
import org.radtrial.core.multiplicity.BenjaminiHochberg;
import org.radtrial.core.roc.SortedArrays;

/**
 * Which candidate slices are tested, which are discoveries, in what order, and which are listed as
 * "too few cases to judge".
 *
 * <p><b>The family.</b> A one-sided Fisher test of a slice with few judged cases cannot give a small
 * p, however bad the slice: with t cases all in error its smallest attainable p is about r^t for a
 * rest error rate r. Such tests only dilute Benjamini-Hochberg. Following Tarone (1990) and Gilbert's
 * (2005) modification of Benjamini-Hochberg for discrete tests, the family is the m(K) slices whose
 * smallest attainable p is at most α/K, for the smallest K with m(K) ≤ K; Benjamini-Hochberg at
 * level α is applied to that family. The screen uses only each table's margins, so the tests in the
 * family keep their null distribution; slices screened out are not tested (q = NaN).
 *
 * <p><b>The order.</b> Discoveries are ranked by the simultaneous lower bound of their excess errors
 * (missed cancers or false alarms beyond the rest's rate, Newcombe at level 1 − α/k over the k
 * tests): how many extra errors the slice has at least, so neither a tiny slice with a large ratio
 * nor a huge slice with a trivial difference comes first. A refinement of a discovered slice is kept
 * only when it is clearly worse than the rest of that slice (Bonferroni over that slice's discovered
 * refinements), and a discovered slice is dropped when
 * its cases outside a kept refinement are not clearly worse than the rest of the cohort (its excess
 * is the refinement's): so "density = D" and "density = D and vendor = C" are both shown only when
 * each says something the other does not.
 */
final class SliceDiscovery {
  /** The outcome of the search. */
  record Outcome(int considered, int tested, double screen, List<FailureSlice> discoveries, List<FailureSlice> tooFew) {}

  private SliceDiscovery() {}

  static Outcome of(List<FailureSlice> candidates, double fdr, int top) {
    List<FailureSlice> testable = candidates.stream().filter(s -> !Double.isNaN(s.p())).toList();
    double screen = screen(testable.stream().mapToDouble(FailureSlice::smallestP).toArray(), fdr);
    List<FailureSlice> family = testable.stream().filter(s -> s.smallestP() <= screen).toList();
    double[] q = BenjaminiHochberg.adjust(family.stream().mapToDouble(FailureSlice::p).toArray());
    double simultaneous = Math.max(0.5, 1 - fdr / Math.max(1, family.size()));
    List<FailureSlice> significant = new ArrayList<>();
    for (int k = 0; k < family.size(); k++) {
      if (q[k] <= fdr) {
        FailureSlice s = family.get(k);
        double bound = TwoProportions.newcombeDifference(s.errors(), s.trials(), s.restErrors(), s.restTrials(), simultaneous)
            .lower();
        significant.add(s.ranked(q[k], bound));
      }
    }
    significant.sort(Comparator.comparingDouble(FailureSlice::rankingBound).reversed()
        .thenComparing(s -> s.subgroup().label()));
    List<FailureSlice> kept = new ArrayList<>();
    for (FailureSlice s : significant) {
      boolean redundant = significant.stream().anyMatch(general -> general.sameSearch(s) && s.refines(general)
          && !clearlyWorseThanTheRestOf(s, general, 1 - fdr / refinements(significant, general)));
      if (!redundant) {
        kept.add(s);
      }
    }
    List<FailureSlice> discoveries = new ArrayList<>();
    for (FailureSlice s : kept) {
      boolean explained = kept.stream().anyMatch(refinement -> refinement.sameSearch(s) && refinement.refines(s)
          && !worseOutsideItsRefinement(s, refinement, 1 - fdr));
      if (!explained && discoveries.stream().filter(d -> d.sameSearch(s)).count() < top) {
        discoveries.add(s);
      }
    }
    return new Outcome(testable.size(), family.size(), screen, discoveries, tooFew(candidates, family, discoveries, top));
  }

  /** The discoveries that refine {@code general} (at least 1, for a Bonferroni level over them). */
  private static int refinements(List<FailureSlice> significant, FailureSlice general) {
    return (int) Math.max(1, significant.stream().filter(s -> s.sameSearch(general) && s.refines(general)).count());
  }

  /**
   * A refinement is worth showing when its error rate is clearly higher than in the rest of the
   * general slice it refines (the lower bound of the difference exceeds 0, at level 1 − α/r over the
   * r discovered refinements of that slice): then the extra condition matters. Otherwise it only
   * inherits the general slice's excess.
   */
  static boolean clearlyWorseThanTheRestOf(FailureSlice refinement, FailureSlice general, double level) {
    int otherTrials = general.trials() - refinement.trials();
    if (otherTrials <= 0) {
      return false;
    }
    return TwoProportions.newcombeDifference(refinement.errors(), refinement.trials(), general.errors() - refinement.errors(),
        otherTrials, level).lower() > 0;
  }

  /**
   * A general slice whose cases outside a shown refinement are not clearly worse than the rest of
   * the cohort (lower bound of the difference at level 1 − α not above 0) owes its excess to that
   * refinement: only the refinement is shown.
   */
  static boolean worseOutsideItsRefinement(FailureSlice general, FailureSlice refinement, double level) {
    int outsideTrials = general.trials() - refinement.trials();
    if (outsideTrials <= 0) {
      return false;
    }
    return TwoProportions.newcombeDifference(general.errors() - refinement.errors(), outsideTrials, general.restErrors(),
        general.restTrials(), level).lower() > 0;
  }

  /**
   * Tarone's threshold: α/K for the smallest K ≥ 1 such that at most K of the smallest attainable
   * p-values are ≤ α/K (K = the number of slices when none is smaller).
   */
  static double screen(double[] smallestP, double alpha) {
    double[] sorted = smallestP.clone();
    java.util.Arrays.sort(sorted);
    int m = sorted.length;
    for (int k = 1; k <= m; k++) {
      double threshold = alpha / k;
      int count = SortedArrays.upperBound(sorted, threshold);
      if (count <= k) {
        return threshold;
      }
    }
    return alpha / Math.max(1, m);
  }

  /**
   * Alarming slices that were not tested (too few judged cases, or screened out): the most excess
   * errors first, none that refines a discovery or a slice already listed, at most {@code top} per
   * model and kind of error.
   */
  private static List<FailureSlice> tooFew(List<FailureSlice> candidates, List<FailureSlice> family,
      List<FailureSlice> discoveries, int top) {
    java.util.Set<FailureSlice> tested = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    tested.addAll(family);
    List<FailureSlice> untested = candidates.stream()
        .filter(s -> !tested.contains(s) && SliceSearch.alarming(s.errors(), s.sliceRate(), s.restRate()))
        .sorted(Comparator.comparingDouble(FailureSlice::excess).reversed().thenComparing(s -> s.subgroup().label()))
        .toList();
    List<FailureSlice> listed = new ArrayList<>();
    for (FailureSlice s : untested) {
      boolean covered = discoveries.stream().anyMatch(d -> d.sameSearch(s) && s.refines(d))
          || listed.stream().anyMatch(l -> l.sameSearch(s) && s.refines(l));
      if (!covered && listed.stream().filter(l -> l.sameSearch(s)).count() < top) {
        listed.add(s.untested());
      }
    }
    return listed;
  }
}

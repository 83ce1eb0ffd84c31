package org.radtrial.core.mrmc;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A fully crossed multi-reader multi-case (MRMC) study: every reader rated every case in every
 * modality. Ratings are oriented (higher = more suspicious); {@link #higherIsPositive(int)} keeps
 * each modality's original direction so thresholds can be reported in the user's units.
 *
 * <p>An optional {@link StandaloneReader} (the AI alone) rated every case once; it is kept apart
 * from the human readers so that it can be compared with them without entering their ANOVA.
 */
public final class ReaderStudy {
  private final List<String> modalities;
  private final List<String> readers;
  private final List<String> cases;
  private final boolean[] truth;
  private final double[][][] ratings;
  private final boolean[] higherIsPositive;
  private final StandaloneReader standalone;
  private final int[] positiveCases;
  private final int[] negativeCases;

  private ReaderStudy(
      List<String> modalities,
      List<String> readers,
      List<String> cases,
      boolean[] truth,
      double[][][] ratings,
      boolean[] higherIsPositive,
      StandaloneReader standalone) {
    this.modalities = List.copyOf(modalities);
    this.readers = List.copyOf(readers);
    this.cases = List.copyOf(cases);
    this.truth = truth.clone();
    this.higherIsPositive = higherIsPositive.clone();
    this.standalone = standalone;
    requireDistinct(this.modalities, "modality");
    requireDistinct(this.readers, "reader");
    requireDistinct(this.cases, "case");
    if (this.modalities.isEmpty()) {
      throw new IllegalArgumentException("a reader study needs at least one modality");
    }
    if (this.readers.size() < 2) {
      throw new IllegalArgumentException("an MRMC analysis needs at least two readers, got " + this.readers);
    }
    if (truth.length != this.cases.size()) {
      throw new IllegalArgumentException(truth.length + " truth values for " + this.cases.size() + " cases");
    }
    if (higherIsPositive.length != this.modalities.size()) {
      throw new IllegalArgumentException("one rating direction is needed per modality");
    }
    this.ratings = copyRatings(ratings, this.modalities.size(), this.readers.size(), this.cases.size());
    int positives = 0;
    for (boolean t : truth) {
      positives += t ? 1 : 0;
    }
    int negatives = truth.length - positives;
    if (positives < 2 || negatives < 2) {
      throw new IllegalArgumentException("the jackknife needs at least two cases with and two without disease; got "
          + positives + " positive and " + negatives + " negative cases");
    }
    positiveCases = new int[positives];
    negativeCases = new int[negatives];
    for (int k = 0, p = 0, n = 0; k < truth.length; k++) {
      if (truth[k]) {
        positiveCases[p++] = k;
      } else {
        negativeCases[n++] = k;
      }
    }
    if (standalone != null) {
      if (standalone.ratings().length != this.cases.size()) {
        throw new IllegalArgumentException("the stand-alone reader " + standalone.name() + " rated "
            + standalone.ratings().length + " of " + this.cases.size() + " cases; it must rate every case");
      }
      if (this.readers.contains(standalone.name())) {
        throw new IllegalArgumentException("the stand-alone reader " + standalone.name() + " is also a human reader");
      }
    }
  }

  /**
   * A study.
   *
   * @param modalities modality names, in the order results are reported
   * @param readers human reader names
   * @param cases case ids
   * @param truth per case: true when the case has the disease
   * @param ratings [modality][reader][case], oriented so that higher means more suspicious; finite
   * @param higherIsPositive per modality: whether the original ratings already ran that way
   * @param standalone the AI alone, or null
   * @throws IllegalArgumentException if the shapes disagree, a name repeats, a rating is not finite,
   *     there are fewer than two readers, or fewer than two cases of either class
   */
  public static ReaderStudy of(
      List<String> modalities,
      List<String> readers,
      List<String> cases,
      boolean[] truth,
      double[][][] ratings,
      boolean[] higherIsPositive,
      StandaloneReader standalone) {
    return new ReaderStudy(modalities, readers, cases, truth, ratings, higherIsPositive, standalone);
  }

  /** A study whose ratings all run higher = more suspicious, without a stand-alone reader. */
  public static ReaderStudy of(List<String> modalities, List<String> readers, List<String> cases, boolean[] truth,
      double[][][] ratings) {
    boolean[] up = new boolean[modalities.size()];
    Arrays.fill(up, true);
    return new ReaderStudy(modalities, readers, cases, truth, ratings, up, null);
  }

  /** The same study with the given stand-alone reader. */
  public ReaderStudy withStandalone(StandaloneReader reader) {
    return new ReaderStudy(modalities, readers, cases, truth, ratings, higherIsPositive, reader);
  }

  private static double[][][] copyRatings(double[][][] ratings, int t, int r, int k) {
    if (ratings.length != t) {
      throw new IllegalArgumentException("ratings for " + ratings.length + " modalities, expected " + t);
    }
    double[][][] copy = new double[t][r][];
    for (int i = 0; i < t; i++) {
      if (ratings[i].length != r) {
        throw new IllegalArgumentException("ratings for " + ratings[i].length + " readers, expected " + r);
      }
      for (int j = 0; j < r; j++) {
        if (ratings[i][j].length != k) {
          throw new IllegalArgumentException("ratings for " + ratings[i][j].length + " cases, expected " + k);
        }
        for (double x : ratings[i][j]) {
          if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("ratings must be finite numbers, found " + x);
          }
        }
        copy[i][j] = ratings[i][j].clone();
      }
    }
    return copy;
  }

  private static void requireDistinct(List<String> names, String what) {
    if (new HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("every " + what + " needs a distinct name: " + names);
    }
  }

  public List<String> modalities() {
    return modalities;
  }

  public List<String> readers() {
    return readers;
  }

  public List<String> cases() {
    return cases;
  }

  public int positives() {
    return positiveCases.length;
  }

  public int negatives() {
    return negativeCases.length;
  }

  public boolean truth(int caseIndex) {
    return truth[caseIndex];
  }

  /** Whether the original ratings of this modality ran higher = more suspicious. */
  public boolean higherIsPositive(int modality) {
    return higherIsPositive[modality];
  }

  public Optional<StandaloneReader> standalone() {
    return Optional.ofNullable(standalone);
  }

  /** Oriented ratings of one reader in one modality, in case order (a copy). */
  public double[] ratings(int modality, int reader) {
    return ratings[modality][reader].clone();
  }

  /** Indices of the cases with the disease, in case order. */
  int[] positiveCases() {
    return positiveCases;
  }

  /** Indices of the cases without the disease, in case order. */
  int[] negativeCases() {
    return negativeCases;
  }

  double[][][] ratingsView() {
    return ratings;
  }
}

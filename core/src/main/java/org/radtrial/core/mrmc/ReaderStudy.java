package org.radtrial.core.mrmc;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A multi-reader multi-case (MRMC) study, fully crossed (every reader rated every case in every
 * modality) or split-plot (Obuchowski 2009; Hillis 2014): the readers fall into blocks, each block
 * read its own cases, and every reader rated each case of his block in every modality; a fully
 * crossed study is a split-plot study of one block. Ratings are oriented (higher = more suspicious);
 * {@link #higherIsPositive(int)} keeps each modality's original direction so thresholds can be
 * reported in the user's units.
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
  private final @Nullable StandaloneReader standalone;
  private final int[] positiveCases;
  private final int[] negativeCases;
  private final int[] readerBlock;
  private final int[] caseBlock;
  private final int[][] blockPositives;
  private final int[][] blockNegatives;

  private ReaderStudy(
      List<String> modalities,
      List<String> readers,
      List<String> cases,
      boolean[] truth,
      double[][][] ratings,
      boolean[] higherIsPositive,
      @Nullable StandaloneReader standalone,
      int[] readerBlock,
      int[] caseBlock) {
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
    if (readerBlock.length != this.readers.size() || caseBlock.length != this.cases.size()) {
      throw new IllegalArgumentException("one block is needed per reader and per case");
    }
    this.readerBlock = readerBlock.clone();
    this.caseBlock = caseBlock.clone();
    this.ratings = copyRatings(ratings, this.modalities.size(), this.readers.size(), this.cases.size(), this.readerBlock,
        this.caseBlock);
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
    int blocks = 0;
    for (int b : this.readerBlock) {
      blocks = Math.max(blocks, b + 1);
    }
    blockPositives = new int[blocks][];
    blockNegatives = new int[blocks][];
    splitIntoBlocks(blocks);
    if (standalone != null && blocks > 1) {
      throw new IllegalArgumentException("a stand-alone reader cannot be compared with the readers of a split-plot study");
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

  private void splitIntoBlocks(int blocks) {
    for (int j = 0; j < readerBlock.length; j++) {
      if (readerBlock[j] < 0) {
        throw new IllegalArgumentException("reader " + readers.get(j) + " is in block " + readerBlock[j] + "; blocks are 0, 1, …");
      }
    }
    for (int g = 0; g < blocks; g++) {
      boolean hasReader = false;
      List<String> blockReaders = new java.util.ArrayList<>();
      for (int j = 0; j < readerBlock.length; j++) {
        if (readerBlock[j] == g) {
          hasReader = true;
          blockReaders.add(readers.get(j));
        }
      }
      if (!hasReader) {
        throw new IllegalArgumentException("block " + g + " has no reader; blocks are numbered 0, 1, … without gaps");
      }
      int pos = 0;
      int neg = 0;
      for (int k = 0; k < caseBlock.length; k++) {
        if (caseBlock[k] == g) {
          pos += truth[k] ? 1 : 0;
          neg += truth[k] ? 0 : 1;
        }
      }
      if (pos < 2 || neg < 2) {
        throw new IllegalArgumentException("the jackknife needs at least two cases with and two without disease in every"
            + " block; the block of readers " + blockReaders + " read " + pos + " positive and " + neg + " negative cases");
      }
      blockPositives[g] = new int[pos];
      blockNegatives[g] = new int[neg];
      for (int k = 0, p = 0, n = 0; k < caseBlock.length; k++) {
        if (caseBlock[k] == g) {
          if (truth[k]) {
            blockPositives[g][p++] = k;
          } else {
            blockNegatives[g][n++] = k;
          }
        }
      }
    }
    for (int k = 0; k < caseBlock.length; k++) {
      if (caseBlock[k] < 0 || caseBlock[k] >= blocks) {
        throw new IllegalArgumentException("case " + cases.get(k) + " is in block " + caseBlock[k] + ", which no reader read");
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
      @Nullable StandaloneReader standalone) {
    return new ReaderStudy(modalities, readers, cases, truth, ratings, higherIsPositive, standalone,
        new int[readers.size()], new int[cases.size()]);
  }

  /**
   * A split-plot study: reader j read the cases k with caseBlock[k] = readerBlock[j], in every modality;
   * his other ratings are ignored (they may be NaN). Blocks are numbered 0, 1, … and each needs a reader
   * and at least two cases with and two without disease. One block is the fully crossed study.
   *
   * @throws IllegalArgumentException as {@link #of(List, List, List, boolean[], double[][][], boolean[],
   *     StandaloneReader)}, or if a block is empty or too small
   */
  public static ReaderStudy splitPlot(List<String> modalities, List<String> readers, List<String> cases, boolean[] truth,
      double[][][] ratings, boolean[] higherIsPositive, int[] readerBlock, int[] caseBlock) {
    return new ReaderStudy(modalities, readers, cases, truth, ratings, higherIsPositive, null, readerBlock, caseBlock);
  }

  /** A study whose ratings all run higher = more suspicious, without a stand-alone reader. */
  public static ReaderStudy of(List<String> modalities, List<String> readers, List<String> cases, boolean[] truth,
      double[][][] ratings) {
    boolean[] up = new boolean[modalities.size()];
    Arrays.fill(up, true);
    return new ReaderStudy(modalities, readers, cases, truth, ratings, up, null, new int[readers.size()],
        new int[cases.size()]);
  }

  /** The same study with the given stand-alone reader. */
  public ReaderStudy withStandalone(StandaloneReader reader) {
    return new ReaderStudy(modalities, readers, cases, truth, ratings, higherIsPositive, reader, readerBlock, caseBlock);
  }

  private static double[][][] copyRatings(double[][][] ratings, int t, int r, int k, int[] readerBlock, int[] caseBlock) {
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
        copy[i][j] = ratings[i][j].clone();
        for (int q = 0; q < k; q++) {
          if (caseBlock[q] != readerBlock[j]) {
            copy[i][j][q] = Double.NaN;
          } else if (!Double.isFinite(copy[i][j][q])) {
            throw new IllegalArgumentException("ratings must be finite numbers, found " + copy[i][j][q]);
          }
        }
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

  /**
   * Oriented ratings of one reader in one modality, in case order (a copy); NaN for the cases of other
   * blocks in a split-plot study.
   */
  public double[] ratings(int modality, int reader) {
    return ratings[modality][reader].clone();
  }

  /** The number of blocks of a split-plot study; 1 when fully crossed. */
  public int blocks() {
    return blockPositives.length;
  }

  /** Whether readers fall into more than one block, each reading its own cases. */
  public boolean isSplitPlot() {
    return blocks() > 1;
  }

  /** Every block: its readers and the numbers of cases they read. */
  public List<StudyBlock> studyBlocks() {
    List<StudyBlock> out = new java.util.ArrayList<>();
    for (int g = 0; g < blocks(); g++) {
      List<String> names = new java.util.ArrayList<>();
      for (int j = 0; j < readers.size(); j++) {
        if (readerBlock[j] == g) {
          names.add(readers.get(j));
        }
      }
      out.add(new StudyBlock(names, blockPositives[g].length + blockNegatives[g].length, blockPositives[g].length,
          blockNegatives[g].length));
    }
    return out;
  }

  /** The block of a reader (0 in a fully crossed study). */
  public int readerBlock(int reader) {
    return readerBlock[reader];
  }

  /** The block of a case (0 in a fully crossed study). */
  public int caseBlock(int caseIndex) {
    return caseBlock[caseIndex];
  }

  /** Indices of the cases with disease that the readers of a block read, in case order. */
  int[] positiveCases(int block) {
    return blockPositives[block];
  }

  /** Indices of the cases without disease that the readers of a block read, in case order. */
  int[] negativeCases(int block) {
    return blockNegatives[block];
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

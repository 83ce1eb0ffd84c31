package org.radtrial.core.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.radtrial.core.mrmc.ReaderStudy;
import org.radtrial.core.mrmc.StandaloneReader;

/**
 * A synthetic, fully crossed reader study with known truth, for trying {@code radtrial mrmc}: every
 * reader rates every case unaided and AI-aided on a 1–5 scale (5 = most suspicious), and the AI alone
 * gives every case a continuous score on the same scale (1.00 to 5.00), so one rating cut applies to
 * all. Nothing in it is real patient data.
 *
 * <p>The model (binormal, with the correlations that make MRMC variance components non-zero): each
 * case has a difficulty shared by every reader and both modalities, and each reader-case pair a term
 * shared by that reader's two readings; a case with disease adds a signal scaled by the reader's skill,
 * which is larger AI-aided ({@link #AIDED_SIGNAL}) than unaided ({@link #UNAIDED_SIGNAL}); readers
 * differ in skill and in how readily they give high ratings. The AI sees the same case difficulty.
 * About 40% of cases have disease. The same seed always gives the same study.
 */
public final class ReaderStudyGenerator {
  /** The modalities, in order. */
  public static final List<String> MODALITIES = List.of("unaided", "AI-aided");
  /** The stand-alone reader's name. */
  public static final String AI = "AI";
  static final double UNAIDED_SIGNAL = 1.6;
  static final double AIDED_SIGNAL = 2.1;
  private static final double[] CUTS = {-0.3, 0.6, 1.4, 2.2};

  private ReaderStudyGenerator() {}

  /**
   * A study of {@code readers} readers and {@code cases} cases drawn from the stream seeded with
   * {@code seed}.
   *
   * @throws IllegalArgumentException with fewer than 2 readers or 10 cases
   */
  public static ReaderStudy generate(int readers, int cases, long seed) {
    if (readers < 2) {
      throw new IllegalArgumentException("a reader study needs at least 2 readers, was " + readers);
    }
    if (cases < 10) {
      throw new IllegalArgumentException("a synthetic reader study needs at least 10 cases, was " + cases);
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] truth = new boolean[cases];
    double[] difficulty = new double[cases];
    List<String> caseIds = new ArrayList<>();
    for (int k = 0; k < cases; k++) {
      // at least two of each class whatever the draw: the first two cases have disease, the next two not
      truth[k] = k < 2 || (k >= 4 && random.nextDouble() < 0.4);
      difficulty[k] = random.nextGaussian();
      caseIds.add(String.format(java.util.Locale.ROOT, "case_%03d", k + 1));
    }
    List<String> readerIds = new ArrayList<>();
    double[][][] ratings = new double[MODALITIES.size()][readers][cases];
    for (int j = 0; j < readers; j++) {
      readerIds.add("reader_" + (j + 1));
      double skill = 0.8 + 0.4 * random.nextDouble();
      double leniency = 0.3 * random.nextGaussian();
      for (int k = 0; k < cases; k++) {
        double shared = 0.5 * random.nextGaussian();
        for (int i = 0; i < MODALITIES.size(); i++) {
          double signal = truth[k] ? skill * (i == 0 ? UNAIDED_SIGNAL : AIDED_SIGNAL) : 0;
          double latent = signal + difficulty[k] + shared + 0.7 * random.nextGaussian() + leniency;
          ratings[i][j][k] = category(latent);
        }
      }
    }
    double[] ai = new double[cases];
    for (int k = 0; k < cases; k++) {
      double latent = (truth[k] ? 1.9 : 0) + 0.6 * difficulty[k] + 0.8 * random.nextGaussian();
      ai[k] = Math.round(100 * (1 + 4 / (1 + Math.exp(-(latent - 0.9) * 1.7)))) / 100.0;
    }
    boolean[] up = {true, true};
    return ReaderStudy.of(MODALITIES, readerIds, caseIds, truth, ratings, up, new StandaloneReader(AI, ai, true));
  }

  private static double category(double latent) {
    int rating = 1;
    for (double cut : CUTS) {
      rating += latent > cut ? 1 : 0;
    }
    return rating;
  }
}

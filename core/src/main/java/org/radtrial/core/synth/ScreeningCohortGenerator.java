package org.radtrial.core.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.cohort.ReaderDecisions;

/**
 * A synthetic breast-screening cohort with known truth, for demonstrations and tests. Nothing in it
 * is real patient data.
 *
 * <p>Each exam has an age, BI-RADS density (A–D), scanner vendor (A–C), site, and self-reported
 * ethnicity. Cancer (about 0.7%) is more likely with age and density. Every cancer has a
 * conspicuity shared by the humans and the models; dense tissue masks it. Every normal exam has a
 * shared "difficulty", so models and readers make correlated false positives, as in real reading.
 * Two readers recall about 5% of exams each; their discordances go to an arbitrator whose outcome
 * is in the column "arbitration" (empty where the readers agreed). Three models differ in accuracy, and two weaknesses are
 * planted on purpose so that an audit can find them:
 *
 * <ul>
 *   <li>{@code model_b} loses most of its signal on density D and on vendor C images;
 *   <li>{@code model_c} is the weakest overall.
 * </ul>
 *
 * Scores are probabilities rounded to 4 decimals, so ties occur as they do in products' outputs.
 * The same seed always gives the same cohort.
 */
public final class ScreeningCohortGenerator {
  private static final String[] DENSITY = {"A", "B", "C", "D"};
  private static final double[] DENSITY_SHARE = {0.10, 0.42, 0.38, 0.10};
  private static final double[] DENSITY_LOG_ODDS = {-0.45, 0.0, 0.30, 0.60};
  private static final double[] DENSITY_MASKING = {0.0, 0.05, 0.20, 0.40};
  private static final String[] VENDOR = {"A", "B", "C"};
  private static final double[] VENDOR_SHARE = {0.50, 0.35, 0.15};
  private static final String[] SITE = {"site_1", "site_2", "site_3", "site_4"};
  private static final double[] SITE_SHARE = {0.35, 0.30, 0.20, 0.15};
  private static final String[] ETHNICITY = {"White", "Black", "Asian", "Hispanic", "Other"};
  private static final double[] ETHNICITY_SHARE = {0.58, 0.16, 0.12, 0.11, 0.03};
  private static final double BASE_LOG_ODDS = -5.18;

  private ScreeningCohortGenerator() {}

  /** A cohort of {@code cases} exams drawn from the stream seeded with {@code seed}, weaknesses planted. */
  public static Cohort generate(int cases, long seed) {
    return generate(cases, seed, true);
  }

  /**
   * A cohort of {@code cases} exams; without planted weaknesses model_b is equally accurate on every
   * density and vendor (a null scenario for testing the failure search's false discoveries).
   */
  public static Cohort generate(int cases, long seed, boolean plantWeaknesses) {
    if (cases < 1) {
      throw new IllegalArgumentException("a synthetic cohort needs at least 1 case, was " + cases);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<String> ids = new ArrayList<>(cases);
    boolean[] cancer = new boolean[cases];
    String[] age = new String[cases];
    String[] density = new String[cases];
    String[] vendor = new String[cases];
    String[] site = new String[cases];
    String[] ethnicity = new String[cases];
    double[] modelA = new double[cases];
    double[] modelB = new double[cases];
    double[] modelC = new double[cases];
    byte[] reader1 = new byte[cases];
    byte[] reader2 = new byte[cases];
    byte[] arbitration = new byte[cases];
    // Arbitration draws come from their own stream, so the other columns do not depend on them.
    SplittableRandom arbiter = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int i = 0; i < cases; i++) {
      ids.add(String.format(Locale.ROOT, "exam%07d", i + 1));
      int years = (int) Math.round(Math.max(40, Math.min(74, 56 + 9 * gaussian(random))));
      int d = pick(random, DENSITY_SHARE);
      int v = pick(random, VENDOR_SHARE);
      age[i] = Integer.toString(years);
      density[i] = DENSITY[d];
      vendor[i] = VENDOR[v];
      site[i] = SITE[pick(random, SITE_SHARE)];
      ethnicity[i] = ETHNICITY[pick(random, ETHNICITY_SHARE)];
      double logOdds = BASE_LOG_ODDS + 0.045 * (years - 56) + DENSITY_LOG_ODDS[d];
      cancer[i] = random.nextDouble() < 1 / (1 + Math.exp(-logOdds));
      // Shared signal: a cancer's conspicuity (masked by density) or a normal exam's difficulty.
      double shared = gaussian(random);
      double visible = cancer[i] ? Math.max(0, 1 + 0.35 * shared - DENSITY_MASKING[d]) : 0;
      double difficulty = cancer[i] ? 0 : 0.55 * shared;
      double weakB = plantWeaknesses ? (d == 3 ? 0.45 : 1) * (v == 2 ? 0.5 : 1) : 1;
      modelA[i] = probability(3.0 * visible + difficulty + noise(random), -4.2);
      modelB[i] = probability(2.30 * weakB * visible + difficulty + noise(random), -4.0);
      modelC[i] = probability(1.55 * visible + difficulty + noise(random), -3.6);
      reader1[i] = decide(2.8 * visible + difficulty + noise(random), 1.66);
      reader2[i] = decide(2.6 * visible + difficulty + noise(random), 1.62);
      byte arbitrated = decide(3.0 * visible + difficulty + noise(arbiter), 1.1);
      arbitration[i] = reader1[i] == reader2[i] ? ReaderDecisions.MISSING : arbitrated;
    }
    Map<String, List<String>> metadata = new LinkedHashMap<>();
    metadata.put("age", List.of(age));
    metadata.put("density", List.of(density));
    metadata.put("vendor", List.of(vendor));
    metadata.put("site", List.of(site));
    metadata.put("ethnicity", List.of(ethnicity));
    return new Cohort(
        ids,
        cancer,
        List.of(
            new ModelScores("model_a", modelA, true),
            new ModelScores("model_b", modelB, true),
            new ModelScores("model_c", modelC, true)),
        List.of(new ReaderDecisions("reader_1", reader1), new ReaderDecisions("reader_2", reader2),
            new ReaderDecisions("arbitration", arbitration)),
        metadata);
  }

  /** Independent noise with the shared part's variance removed, so every latent has variance ≈ 1. */
  private static double noise(SplittableRandom random) {
    return 0.835 * gaussian(random);
  }

  private static double probability(double latent, double intercept) {
    double p = 1 / (1 + Math.exp(-(intercept + 1.6 * latent)));
    return Math.round(p * 10_000) / 10_000.0;
  }

  private static byte decide(double latent, double threshold) {
    return latent > threshold ? ReaderDecisions.POSITIVE : ReaderDecisions.NEGATIVE;
  }

  private static int pick(SplittableRandom random, double[] shares) {
    double u = random.nextDouble();
    double cumulative = 0;
    for (int k = 0; k < shares.length - 1; k++) {
      cumulative += shares[k];
      if (u < cumulative) {
        return k;
      }
    }
    return shares.length - 1;
  }

  /** Standard normal by the Box-Muller transform (one of the pair is discarded for simplicity). */
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

package org.radtrial.core.mrmc;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random reader studies for property tests: 1–3 modalities, 2–6 readers, 2–40 cases of each
 * class; ratings = case effect + modality shift + reader-by-modality noise, either continuous or cut
 * into a 5-point scale (many ties). Half of the studies carry a stand-alone reader.
 */
final class RandomStudies {
  private RandomStudies() {}

  static ReaderStudy draw(long seed) {
    return draw(seed, 1 + new SplittableRandom(seed).nextInt(3));
  }

  static ReaderStudy draw(long seed, int modalities) {
    SplittableRandom random = new SplittableRandom(seed);
    random.nextInt(3);
    int r = 2 + random.nextInt(5);
    int m = 2 + random.nextInt(39);
    int n = 2 + random.nextInt(39);
    boolean fivePoint = random.nextBoolean();
    int k = m + n;
    boolean[] truth = new boolean[k];
    double[] caseEffect = new double[k];
    for (int q = 0; q < k; q++) {
      truth[q] = q % 2 == 0 ? q / 2 < m : (q / 2) >= n;
    }
    fixCounts(truth, m);
    for (int q = 0; q < k; q++) {
      caseEffect[q] = (truth[q] ? 1.2 : 0) + random.nextGaussian();
    }
    double[][][] ratings = new double[modalities][r][k];
    for (int i = 0; i < modalities; i++) {
      double shift = 0.4 * random.nextGaussian();
      for (int j = 0; j < r; j++) {
        for (int q = 0; q < k; q++) {
          ratings[i][j][q] = scale(caseEffect[q] * (truth[q] ? 1 + shift : 1) + 0.8 * random.nextGaussian(), fivePoint);
        }
      }
    }
    List<String> modalityNames = new ArrayList<>();
    for (int i = 0; i < modalities; i++) {
      modalityNames.add("m" + (i + 1));
    }
    List<String> readers = new ArrayList<>();
    for (int j = 0; j < r; j++) {
      readers.add("r" + (j + 1));
    }
    List<String> cases = new ArrayList<>();
    for (int q = 0; q < k; q++) {
      cases.add("c" + (q + 1));
    }
    ReaderStudy study = ReaderStudy.of(modalityNames, readers, cases, truth, ratings);
    if (random.nextBoolean()) {
      double[] ai = new double[k];
      for (int q = 0; q < k; q++) {
        ai[q] = scale(caseEffect[q] + 0.6 * random.nextGaussian(), fivePoint);
      }
      study = study.withStandalone(new StandaloneReader("ai", ai, true));
    }
    return study;
  }

  private static void fixCounts(boolean[] truth, int m) {
    int have = 0;
    for (boolean t : truth) {
      have += t ? 1 : 0;
    }
    for (int q = 0; q < truth.length && have != m; q++) {
      if (have < m && !truth[q]) {
        truth[q] = true;
        have++;
      } else if (have > m && truth[q]) {
        truth[q] = false;
        have--;
      }
    }
  }

  private static double scale(double x, boolean fivePoint) {
    return fivePoint ? Math.max(1, Math.min(5, Math.round(x + 2.5))) : x;
  }

  static boolean[] truth(ReaderStudy study) {
    boolean[] t = new boolean[study.cases().size()];
    for (int q = 0; q < t.length; q++) {
      t[q] = study.truth(q);
    }
    return t;
  }
}

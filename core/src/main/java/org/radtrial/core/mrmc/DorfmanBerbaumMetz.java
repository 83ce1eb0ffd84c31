package org.radtrial.core.mrmc;

import java.util.ArrayList;
import java.util.List;

/**
 * The Dorfman-Berbaum-Metz (1992) analysis of jackknife pseudovalues with Hillis's improvements
 * (Hillis 2007; Hillis, Berbaum and Metz 2008), as JAFROC 4.2.1 prints it; checked against its
 * output on the Van Dyke data in the tests. For the AUC with jackknife covariances it gives the same
 * RRRC test as {@link ObuchowskiRockette} (Hillis et al. 2005).
 *
 * <p>With t modalities, r readers, K cases and the mean squares of {@link DbmMeanSquares}:
 *
 * <ul>
 *   <li>RRRC: F = MS(T) / [MS(TR) + max(MS(TC) − MS(TRC), 0)] on t − 1 and ddf_H = [MS(TR) +
 *       max(MS(TC) − MS(TRC), 0)]² / [MS(TR)² / ((t − 1)(r − 1))] df; a difference has SE² = 2·[MS(TR)
 *       + max(MS(TC) − MS(TRC), 0)] / (rK); a modality alone SE² = [MS(R) + max(MS(C) − MS(RC), 0)] /
 *       (rK) from its own ANOVA, df = [MS(R) + max(MS(C) − MS(RC), 0)]² / [MS(R)² / (r − 1)].
 *   <li>FRRC: F = MS(T) / MS(TC) on t − 1 and (t − 1)(K − 1) df; SE² = 2·MS(TC) / (rK); a modality
 *       alone SE² = MS(C) / (rK), K − 1 df; one reader's difference SE² = 2·MS(TC)_j / K, (t − 1)(K − 1)
 *       df.
 *   <li>RRFC: F = MS(T) / MS(TR) on t − 1 and (t − 1)(r − 1) df; SE² = 2·MS(TR) / (rK); a modality
 *       alone SE² = MS(R) / (rK), r − 1 df.
 * </ul>
 */
public final class DorfmanBerbaumMetz {
  private final double[][] theta;
  private final List<String> modalities;
  private final List<String> readers;
  private final int k;
  private final double level;

  private DorfmanBerbaumMetz(double[][] theta, List<String> modalities, List<String> readers, int k, double level) {
    this.theta = theta;
    this.modalities = modalities;
    this.readers = readers;
    this.k = k;
    this.level = level;
  }

  /** Analyses the human readers of a study (a stand-alone reader is left out). */
  public static DbmAnalysis analyse(ReaderStudy study, FigureOfMerit fom, double level) {
    return analyse(FomEstimates.of(study, fom), study, fom, level);
  }

  static DbmAnalysis analyse(FomEstimates e, ReaderStudy study, FigureOfMerit fom, double level) {
    if (study.isSplitPlot()) {
      throw new IllegalArgumentException("the DBM pseudovalue ANOVA needs every reader to read every case; this study is"
          + " split-plot");
    }
    double[][][] y = PseudovalueAnova.pseudovalues(e);
    int t = study.modalities().size();
    int r = study.readers().size();
    double[][] theta = new double[t][r];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        theta[i][j] = e.theta(i, j);
      }
    }
    DbmMeanSquares ms = PseudovalueAnova.of(y, study.modalities(), study.readers());
    return new DorfmanBerbaumMetz(theta, study.modalities(), study.readers(), e.cases(), level).run(fom, ms);
  }

  private DbmAnalysis run(FigureOfMerit fom, DbmMeanSquares ms) {
    int t = modalities.size();
    int r = readers.size();
    DbmVarianceComponents components = new DbmVarianceComponents(
        (ms.reader() - ms.modalityByReader() - ms.readerByCase() + ms.modalityByReaderByCase()) / (t * (double) k),
        (ms.cases() - ms.modalityByCase() - ms.readerByCase() + ms.modalityByReaderByCase()) / (t * (double) r),
        (ms.modalityByReader() - ms.modalityByReaderByCase()) / k,
        (ms.modalityByCase() - ms.modalityByReaderByCase()) / r,
        (ms.readerByCase() - ms.modalityByReaderByCase()) / t,
        ms.modalityByReaderByCase());
    return new DbmAnalysis(fom, ms, components, rrrc(ms), frrc(ms), rrfc(ms));
  }

  private GeneralizationResult rrrc(DbmMeanSquares ms) {
    Generalization g = Generalization.RANDOM_READERS_RANDOM_CASES;
    List<ModalityEstimate> single = new ArrayList<>();
    for (DbmMeanSquares.WithinModality w : ms.withinModality()) {
      double den = w.reader() + Math.max(w.cases() - w.readerByCase(), 0);
      single.add(ModalityEstimate.of(w.modality(), modalityMean(single.size()), den / (readers.size() * (double) k),
          SingleModality.hillisDf(den, w.reader(), readers.size() - 1), level));
    }
    if (modalities.size() == 1) {
      return new GeneralizationResult(g, null, List.of(), single, List.of());
    }
    int t = modalities.size();
    int r = readers.size();
    double den = ms.modalityByReader() + Math.max(ms.modalityByCase() - ms.modalityByReaderByCase(), 0);
    double ddf = SingleModality.hillisDf(den, ms.modalityByReader(), (t - 1) * (r - 1));
    return new GeneralizationResult(g, GlobalTest.f(ms.modality(), den, t - 1, ddf),
        differences(2 * den / (r * (double) k), ddf), single, List.of());
  }

  private GeneralizationResult frrc(DbmMeanSquares ms) {
    Generalization g = Generalization.FIXED_READERS_RANDOM_CASES;
    int t = modalities.size();
    int r = readers.size();
    List<ModalityEstimate> single = new ArrayList<>();
    for (DbmMeanSquares.WithinModality w : ms.withinModality()) {
      single.add(ModalityEstimate.of(w.modality(), modalityMean(single.size()), w.cases() / (r * (double) k), k - 1, level));
    }
    if (t == 1) {
      return new GeneralizationResult(g, null, List.of(), single, List.of());
    }
    double ddf = (t - 1) * (k - 1.0);
    List<ReaderDifference> perReader = new ArrayList<>();
    for (int j = 0; j < r; j++) {
      DbmMeanSquares.WithinReader w = ms.withinReader().get(j);
      for (int a = 0; a < t; a++) {
        for (int b = a + 1; b < t; b++) {
          perReader.add(new ReaderDifference(readers.get(j), ModalityDifference.of(modalities.get(a), modalities.get(b),
              theta[a][j] - theta[b][j], 2 * w.modalityByCase() / k, ddf, level)));
        }
      }
    }
    return new GeneralizationResult(g, GlobalTest.f(ms.modality(), ms.modalityByCase(), t - 1, ddf),
        differences(2 * ms.modalityByCase() / (r * (double) k), ddf), single, perReader);
  }

  private GeneralizationResult rrfc(DbmMeanSquares ms) {
    Generalization g = Generalization.RANDOM_READERS_FIXED_CASES;
    int t = modalities.size();
    int r = readers.size();
    List<ModalityEstimate> single = new ArrayList<>();
    for (DbmMeanSquares.WithinModality w : ms.withinModality()) {
      single.add(ModalityEstimate.of(w.modality(), modalityMean(single.size()), w.reader() / (r * (double) k), r - 1, level));
    }
    if (t == 1) {
      return new GeneralizationResult(g, null, List.of(), single, List.of());
    }
    double ddf = (t - 1) * (r - 1.0);
    return new GeneralizationResult(g, GlobalTest.f(ms.modality(), ms.modalityByReader(), t - 1, ddf),
        differences(2 * ms.modalityByReader() / (r * (double) k), ddf), single, List.of());
  }

  private List<ModalityDifference> differences(double variance, double df) {
    List<ModalityDifference> out = new ArrayList<>();
    for (int a = 0; a < modalities.size(); a++) {
      for (int b = a + 1; b < modalities.size(); b++) {
        out.add(ModalityDifference.of(modalities.get(a), modalities.get(b), modalityMean(a) - modalityMean(b), variance, df, level));
      }
    }
    return out;
  }

  private double modalityMean(int i) {
    double sum = 0;
    for (double x : theta[i]) {
      sum += x;
    }
    return sum / theta[i].length;
  }
}

package org.radtrial.core.mrmc;

import java.util.ArrayList;
import java.util.List;

/**
 * The Obuchowski-Rockette (1995) analysis of a fully crossed MRMC study with the improvements of
 * Hillis (2007, Hillis's ddf; 2008, Hillis, Berbaum and Metz): the method and every printed number of
 * OR-DBM MRMC 2.51 (Schartz, Hillis, Pesce and Berbaum), checked against its output on the Van Dyke
 * data in the tests.
 *
 * <p>With t modalities and r readers, MS(T), MS(R), MS(T×R) from {@link OrMeanSquares} and Var,
 * Cov1, Cov2, Cov3 the averaged error covariances:
 *
 * <ul>
 *   <li>RRRC: F = MS(T) / [MS(T×R) + r·max(Cov2 − Cov3, 0)] on t − 1 and ddf_H = [MS(T×R) +
 *       r·max(Cov2 − Cov3, 0)]² / [MS(T×R)² / ((t − 1)(r − 1))] degrees of freedom; a difference has
 *       SE² = (2/r)·[MS(T×R) + r·max(Cov2 − Cov3, 0)] and ddf_H.
 *   <li>FRRC: X² = (t − 1)·MS(T) / [Var − Cov1 + (r − 1)·max(Cov2 − Cov3, 0)] on t − 1 df; a
 *       difference has SE² = (2/r)·[Var − Cov1 + (r − 1)·max(Cov2 − Cov3, 0)], normal reference; one
 *       reader's difference has SE² = 2·(Var_j − Cov1_j).
 *   <li>RRFC: F = MS(T) / MS(T×R) on t − 1 and (t − 1)(r − 1) df; SE² = (2/r)·MS(T×R).
 * </ul>
 * Single-modality intervals: {@link SingleModality}.
 */
public final class ObuchowskiRockette {
  private final FomEstimates estimates;
  private final CovarianceMatrix covariance;
  private final List<String> modalities;
  private final List<String> readers;
  private final double level;
  private final int t;
  private final int r;
  private final double[][] theta;

  private ObuchowskiRockette(FomEstimates estimates, CovarianceMatrix covariance, List<String> modalities,
      List<String> readers, double level) {
    this.estimates = estimates;
    this.covariance = covariance;
    this.modalities = modalities;
    this.readers = readers;
    this.level = level;
    this.t = modalities.size();
    this.r = readers.size();
    this.theta = new double[t][r];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        theta[i][j] = estimates.theta(i, j);
      }
    }
  }

  /**
   * Analyses the human readers of a study (a stand-alone reader is left out).
   *
   * @param level confidence level of every interval, e.g. 0.95
   * @throws IllegalArgumentException for the DeLong covariance of a figure of merit other than the AUC
   */
  public static OrAnalysis analyse(ReaderStudy study, FigureOfMerit fom, CovarianceMethod method, double level) {
    FomEstimates e = FomEstimates.of(study, fom);
    return analyse(e, CovarianceMatrix.of(e, method), study, fom, method, level);
  }

  static OrAnalysis analyse(FomEstimates e, CovarianceMatrix c, ReaderStudy study, FigureOfMerit fom,
      CovarianceMethod method, double level) {
    return new ObuchowskiRockette(e, c, study.modalities(), study.readers(), level).run(fom, method);
  }

  static OrAnalysis analyse(FomEstimates e, CovarianceMatrix c, List<String> modalities, List<String> readers,
      FigureOfMerit fom, CovarianceMethod method, double level) {
    return new ObuchowskiRockette(e, c, modalities, readers, level).run(fom, method);
  }

  private OrAnalysis run(FigureOfMerit fom, CovarianceMethod method) {
    OrMeanSquares ms = OrMeanSquares.of(theta);
    double var = mean(true, true);
    double cov1 = mean(false, true);
    double cov2 = mean(true, false);
    double cov3 = mean(false, false);
    double varTR = t > 1 ? ms.modalityByReader() - var + cov1 + cov2 - cov3 : Double.NaN;
    double varR = t > 1
        ? (ms.reader() - varTR - var - (t - 1) * cov1 + cov2 + (t - 1) * cov3) / t
        : ms.reader() - var + cov2;
    OrVarianceComponents components = new OrVarianceComponents(varR, varTR, cov1, cov2, cov3, var);
    List<OrAnalysis.ModalityCovariances> perModality = new ArrayList<>();
    for (int i = 0; i < t; i++) {
      perModality.add(new OrAnalysis.ModalityCovariances(modalities.get(i), modalityVar(i), modalityCov2(i)));
    }
    List<OrAnalysis.ReaderCovariances> perReader = new ArrayList<>();
    for (int j = 0; j < r; j++) {
      perReader.add(new OrAnalysis.ReaderCovariances(readers.get(j), readerVar(j), readerCov1(j)));
    }
    return new OrAnalysis(fom, method, ms, components, perModality, perReader,
        rrrc(ms, components, perModality), frrc(ms, components, perModality, perReader), rrfc(ms, perModality));
  }

  private GeneralizationResult rrrc(OrMeanSquares ms, OrVarianceComponents v, List<OrAnalysis.ModalityCovariances> perModality) {
    Generalization g = Generalization.RANDOM_READERS_RANDOM_CASES;
    if (t == 1) {
      return new GeneralizationResult(g, null, List.of(), singleModality(g, perModality), List.of());
    }
    double den = ms.modalityByReader() + r * Math.max(v.cov2() - v.cov3(), 0);
    double ddf = SingleModality.hillisDf(den, ms.modalityByReader(), (t - 1) * (r - 1));
    return new GeneralizationResult(g, GlobalTest.f(ms.modality(), den, t - 1, ddf),
        differences(2.0 / r * den, ddf), singleModality(g, perModality), List.of());
  }

  private GeneralizationResult frrc(OrMeanSquares ms, OrVarianceComponents v, List<OrAnalysis.ModalityCovariances> perModality,
      List<OrAnalysis.ReaderCovariances> perReader) {
    Generalization g = Generalization.FIXED_READERS_RANDOM_CASES;
    if (t == 1) {
      return new GeneralizationResult(g, null, List.of(), singleModality(g, perModality), List.of());
    }
    double den = v.varError() - v.cov1() + (r - 1) * Math.max(v.cov2() - v.cov3(), 0);
    List<ReaderDifference> single = new ArrayList<>();
    for (int j = 0; j < r; j++) {
      OrAnalysis.ReaderCovariances c = perReader.get(j);
      for (int a = 0; a < t; a++) {
        for (int b = a + 1; b < t; b++) {
          single.add(new ReaderDifference(readers.get(j), ModalityDifference.of(modalities.get(a), modalities.get(b),
              theta[a][j] - theta[b][j], 2 * (c.varError() - c.cov1()), Double.POSITIVE_INFINITY, level)));
        }
      }
    }
    return new GeneralizationResult(g, GlobalTest.chiSquare((t - 1) * ms.modality(), den, t - 1),
        differences(2.0 / r * den, Double.POSITIVE_INFINITY), singleModality(g, perModality), single);
  }

  private GeneralizationResult rrfc(OrMeanSquares ms, List<OrAnalysis.ModalityCovariances> perModality) {
    Generalization g = Generalization.RANDOM_READERS_FIXED_CASES;
    if (t == 1) {
      return new GeneralizationResult(g, null, List.of(), singleModality(g, perModality), List.of());
    }
    double ddf = (t - 1) * (r - 1);
    return new GeneralizationResult(g, GlobalTest.f(ms.modality(), ms.modalityByReader(), t - 1, ddf),
        differences(2.0 / r * ms.modalityByReader(), ddf), singleModality(g, perModality), List.of());
  }

  private List<ModalityDifference> differences(double variance, double df) {
    List<ModalityDifference> out = new ArrayList<>();
    for (int a = 0; a < t; a++) {
      for (int b = a + 1; b < t; b++) {
        out.add(ModalityDifference.of(modalities.get(a), modalities.get(b), modalityMean(a) - modalityMean(b), variance, df, level));
      }
    }
    return out;
  }

  private List<ModalityEstimate> singleModality(Generalization g, List<OrAnalysis.ModalityCovariances> perModality) {
    List<ModalityEstimate> out = new ArrayList<>();
    for (int i = 0; i < t; i++) {
      double msR = 0;
      for (int j = 0; j < r; j++) {
        msR += (theta[i][j] - modalityMean(i)) * (theta[i][j] - modalityMean(i));
      }
      msR /= r - 1;
      OrAnalysis.ModalityCovariances c = perModality.get(i);
      out.add(SingleModality.estimate(g, modalities.get(i), modalityMean(i), msR, c.varError(), c.cov2(), r, level));
    }
    return out;
  }

  private double modalityMean(int i) {
    double sum = 0;
    for (int j = 0; j < r; j++) {
      sum += theta[i][j];
    }
    return sum / r;
  }

  /**
   * Mean covariance over the pairs of cells (i, j), (i', j') with i = i' iff sameModality and j = j'
   * iff sameReader: Var (true, true), Cov1 (false, true), Cov2 (true, false), Cov3 (false, false).
   * NaN when there is no such pair.
   */
  private double mean(boolean sameModality, boolean sameReader) {
    double sum = 0;
    long pairs = 0;
    for (int i = 0; i < t; i++) {
      for (int i2 = 0; i2 < t; i2++) {
        if ((i == i2) != sameModality) {
          continue;
        }
        for (int j = 0; j < r; j++) {
          for (int j2 = 0; j2 < r; j2++) {
            if ((j == j2) == sameReader) {
              sum += covariance.get(estimates.cell(i, j), estimates.cell(i2, j2));
              pairs++;
            }
          }
        }
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }

  private double modalityVar(int i) {
    double sum = 0;
    for (int j = 0; j < r; j++) {
      sum += covariance.get(estimates.cell(i, j), estimates.cell(i, j));
    }
    return sum / r;
  }

  private double modalityCov2(int i) {
    double sum = 0;
    for (int j = 0; j < r; j++) {
      for (int j2 = 0; j2 < r; j2++) {
        if (j != j2) {
          sum += covariance.get(estimates.cell(i, j), estimates.cell(i, j2));
        }
      }
    }
    return sum / (r * (r - 1.0));
  }

  private double readerVar(int j) {
    double sum = 0;
    for (int i = 0; i < t; i++) {
      sum += covariance.get(estimates.cell(i, j), estimates.cell(i, j));
    }
    return sum / t;
  }

  private double readerCov1(int j) {
    if (t == 1) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < t; i++) {
      for (int i2 = 0; i2 < t; i2++) {
        if (i != i2) {
          sum += covariance.get(estimates.cell(i, j), estimates.cell(i2, j));
        }
      }
    }
    return sum / (t * (t - 1.0));
  }
}

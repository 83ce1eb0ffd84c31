package org.radtrial.core.mrmc;

import java.util.ArrayList;
import java.util.List;

/**
 * Human readers against a stand-alone reader (the AI alone) on the same cases, modality by modality:
 * the single-modality Obuchowski-Rockette analysis of the differences ψ_j = θ_j − θ_AI (Hillis 2007,
 * §5.3), as RJafroc's {@code StCadVsRad(method = "1T-RRRC")} and "1T-RRFC" compute it. Its RRRC
 * test equals the two-modality OR analysis in which the AI's ratings are given to every reader as a
 * second modality (Kooi et al. 2016); the tests check that identity.
 *
 * <p>The covariances of the ψ_j follow from those of the figures of merit: cov(ψ_j, ψ_j') = C(j, j')
 * − C(j, AI) − C(AI, j') + C(AI, AI).
 */
final class StandaloneComparison {
  private StandaloneComparison() {}

  static List<StandaloneDifference> compare(FomEstimates e, CovarianceMatrix c, ReaderStudy study, double level) {
    int r = study.readers().size();
    int ai = e.standaloneCell();
    String aiName = study.standalone().orElseThrow().name();
    double thetaAi = e.theta(ai);
    List<StandaloneDifference> out = new ArrayList<>();
    for (int i = 0; i < study.modalities().size(); i++) {
      double[] psi = new double[r];
      double readersMean = 0;
      for (int j = 0; j < r; j++) {
        psi[j] = e.theta(i, j) - thetaAi;
        readersMean += e.theta(i, j) / r;
      }
      double mean = readersMean - thetaAi;
      double msR = 0;
      for (double p : psi) {
        msR += (p - mean) * (p - mean);
      }
      msR /= r - 1;
      double var = 0;
      double cov2 = 0;
      for (int j = 0; j < r; j++) {
        for (int j2 = 0; j2 < r; j2++) {
          int a = e.cell(i, j);
          int b = e.cell(i, j2);
          double cov = c.get(a, b) - c.get(a, ai) - c.get(ai, b) + c.get(ai, ai);
          if (j == j2) {
            var += cov / r;
          } else {
            cov2 += cov / (r * (r - 1.0));
          }
        }
      }
      String modality = study.modalities().get(i);
      out.add(new StandaloneDifference(modality, readersMean, thetaAi, msR, var, cov2,
          difference(Generalization.RANDOM_READERS_RANDOM_CASES, modality, aiName, mean, msR, var, cov2, r, level),
          difference(Generalization.FIXED_READERS_RANDOM_CASES, modality, aiName, mean, msR, var, cov2, r, level),
          difference(Generalization.RANDOM_READERS_FIXED_CASES, modality, aiName, mean, msR, var, cov2, r, level)));
    }
    return out;
  }

  private static ModalityDifference difference(Generalization g, String modality, String ai, double mean, double msR,
      double var, double cov2, int r, double level) {
    ModalityEstimate single = SingleModality.estimate(g, modality, mean, msR, var, cov2, r, level);
    double se = single.standardError();
    return ModalityDifference.of(modality, ai, mean, se * se, single.df(), level);
  }
}

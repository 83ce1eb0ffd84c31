package org.radtrial.core.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Human readers against a stand-alone reader. Two identities that hold whatever the data:
 *
 * <ul>
 *   <li>RRRC: the single-modality analysis of the differences (Hillis 2007 §5.3, RJafroc's
 *       "1T-RRRC") gives t² = F, the same ddf and p as the two-modality OR analysis in which every
 *       reader is given the AI's ratings as a second modality (RJafroc's "2T-RRRC", Kooi et al. 2016),
 *       with either covariance method;
 *   <li>RRFC: it is the paired t test of the readers' differences from the AI (RJafroc's "1T-RRFC").
 * </ul>
 */
class StandaloneComparisonTest {
  @RepeatedTest(30)
  void randomReaderAnalysisEqualsTheOrAnalysisWithTheAiReplicatedAsAModality(RepetitionInfo info) {
    long seed = 0x5A1_0000L + info.getCurrentRepetition();
    ReaderStudy study = withAi(RandomStudies.draw(seed), seed);
    for (CovarianceMethod method : CovarianceMethod.values()) {
      FomEstimates e = FomEstimates.of(study, new FigureOfMerit.Auc());
      List<StandaloneDifference> differences = StandaloneComparison.compare(e, CovarianceMatrix.of(e, method), study, 0.95);
      for (int i = 0; i < study.modalities().size(); i++) {
        ModalityDifference d = differences.get(i).randomReadersRandomCases();
        GlobalTest replicated = ObuchowskiRockette.analyse(replicatedDesign(study, i), new FigureOfMerit.Auc(), method, 0.95)
            .randomReadersRandomCases().test();
        String context = "seed " + seed + ", " + method + ", modality " + i;
        assertThat(d.statistic() * d.statistic()).as(context).isCloseTo(replicated.statistic(), within(1e-9 * (1 + replicated.statistic())));
        assertThat(d.df()).as(context).isCloseTo(replicated.ddf(), within(1e-8 * replicated.ddf()));
        assertThat(d.p()).as(context).isCloseTo(replicated.p(), within(1e-9));
      }
    }
  }

  @RepeatedTest(20)
  void fixedCaseAnalysisIsThePairedTTestOfTheDifferences(RepetitionInfo info) {
    long seed = 0x5A2_0000L + info.getCurrentRepetition();
    ReaderStudy study = withAi(RandomStudies.draw(seed), seed);
    FomEstimates e = FomEstimates.of(study, new FigureOfMerit.Auc());
    List<StandaloneDifference> differences =
        StandaloneComparison.compare(e, CovarianceMatrix.jackknife(e), study, 0.95);
    int r = study.readers().size();
    for (int i = 0; i < study.modalities().size(); i++) {
      double[] psi = new double[r];
      double mean = 0;
      for (int j = 0; j < r; j++) {
        psi[j] = e.theta(i, j) - e.theta(e.standaloneCell());
        mean += psi[j] / r;
      }
      double ss = 0;
      for (double p : psi) {
        ss += (p - mean) * (p - mean);
      }
      double t = mean / Math.sqrt(ss / (r - 1) / r);
      ModalityDifference d = differences.get(i).randomReadersFixedCases();
      assertThat(d.estimate()).isCloseTo(mean, within(1e-15));
      assertThat(d.df()).isEqualTo(r - 1);
      if (ss > 0) {
        assertThat(d.statistic()).isCloseTo(t, within(1e-9 * Math.abs(t)));
      }
    }
  }

  @Test
  void theDifferenceIsTheReadersMeanMinusTheStandaloneReader() {
    ReaderStudy vanDyke = VanDyke.study();
    double[] ai = vanDyke.ratings(0, 3);
    ReaderStudy study = vanDyke.withStandalone(new StandaloneReader("AI", ai, true));
    MrmcResult result = MrmcAnalysis.analyse(study, MrmcSpec.defaults());
    StandaloneDifference first = result.auc().standalone().get(0);
    assertThat(first.standalone()).isCloseTo(0.97310789, Printed.decimals(8));
    assertThat(first.readersMean()).isCloseTo(0.89703704, Printed.decimals(8));
    assertThat(first.randomReadersRandomCases().estimate()).isCloseTo(0.89703704 - 0.97310789, within(1e-8));
    assertThat(first.randomReadersRandomCases().first()).isEqualTo("1");
    assertThat(first.randomReadersRandomCases().second()).isEqualTo("AI");
    assertThat(result.auc().values()).last().extracting(ReaderValue::modality, ReaderValue::reader, ReaderValue::value)
        .containsExactly(null, "AI", first.standalone());
  }

  /** The study with a stand-alone reader (a noisy copy of the first reader) if it has none. */
  private static ReaderStudy withAi(ReaderStudy study, long seed) {
    if (study.standalone().isPresent()) {
      return study;
    }
    double[] ai = study.ratings(0, 0);
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = 0; k < ai.length; k++) {
      ai[k] += random.nextGaussian();
    }
    return study.withStandalone(new StandaloneReader("ai", ai, true));
  }

  /** Modality i's readers, and a second modality in which every reader gives the AI's ratings. */
  private static ReaderStudy replicatedDesign(ReaderStudy study, int i) {
    int r = study.readers().size();
    double[] ai = study.standalone().orElseThrow().ratings();
    double[][][] ratings = new double[2][r][];
    for (int j = 0; j < r; j++) {
      ratings[0][j] = study.ratings(i, j);
      ratings[1][j] = ai.clone();
    }
    boolean[] truth = RandomStudies.truth(study);
    return ReaderStudy.of(List.of("readers", "ai"), study.readers(), study.cases(), truth, ratings);
  }
}

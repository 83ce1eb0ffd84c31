package org.radtrial.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.evaluate.EvaluationResult;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.evaluate.Evaluator;
import org.radtrial.core.roc.Placements;
import org.radtrial.core.stat.ProgressListener;

class SiteSummaryTest {
  private static Cohort cohort(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> ids = new ArrayList<>();
    boolean[] truth = new boolean[n];
    double[] a = new double[n];
    double[] b = new double[n];
    List<String> band = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("case-" + i);
      truth[i] = i % 4 == 0;
      double shared = random.nextGaussian();
      a[i] = Math.round(((truth[i] ? 1.2 : 0) + shared) * 100) / 100.0;
      b[i] = Math.round(((truth[i] ? 0.8 : 0) + 0.6 * shared + 0.8 * random.nextGaussian()) * 100) / 100.0;
      band.add(i % 3 == 0 ? "x" : "y");
    }
    return new Cohort(ids, truth, List.of(new ModelScores("a", a, true), new ModelScores("b", b, true)), List.of(),
        Map.of("band", band));
  }

  private static SiteSummary summary(Cohort cohort) {
    EvaluationResult result = Evaluator.evaluate(cohort, EvaluationSpec.defaults().withBootstrap(0, 1), ProgressListener.NONE);
    List<GroupColumn> groups = List.of(GroupColumn.of("band", cohort.metadata().get("band"), null));
    return SiteSummary.of("site", cohort, result, groups);
  }

  @RepeatedTest(10)
  void pairCovarianceIsDeLongsCovarianceOfTheTwoAucs(RepetitionInfo info) {
    Cohort cohort = cohort(info.getCurrentRepetition(), 40 + 30 * info.getCurrentRepetition());
    SiteSummary s = summary(cohort);
    List<Double> aPos = new ArrayList<>();
    List<Double> aNeg = new ArrayList<>();
    List<Double> bPos = new ArrayList<>();
    List<Double> bNeg = new ArrayList<>();
    for (int i = 0; i < cohort.size(); i++) {
      (cohort.truth()[i] ? aPos : aNeg).add(cohort.models().get(0).scores()[i]);
      (cohort.truth()[i] ? bPos : bNeg).add(cohort.models().get(1).scores()[i]);
    }
    Placements a = Placements.of(array(aPos), array(aNeg));
    Placements b = Placements.of(array(bPos), array(bNeg));
    SiteSummary.Pair pair = s.pairs().get(0);
    assertThat(pair.covariance()).isCloseTo(a.delongCovariance(b), within(1e-12));
    assertThat(s.models().get(0).aucVariance()).isCloseTo(a.delongVariance(), within(1e-12));
    assertThat(pair.difference()).isCloseTo(a.auc() - b.auc(), within(1e-12));
  }

  @Test
  void groupsCountPositivesAndNegativesPerLevel() {
    SiteSummary s = summary(cohort(3, 120));
    int[] x = s.groups().get(0).levels().get("x");
    int[] y = s.groups().get(0).levels().get("y");
    assertThat(x[0] + x[1] + y[0] + y[1]).isEqualTo(120);
    assertThat(x[0] + y[0]).isEqualTo(s.positives());
  }

  @Test
  void refusesAColumnWhoseLevelsWouldBeCaseValues() {
    Cohort cohort = cohort(4, 60);
    EvaluationResult result = Evaluator.evaluate(cohort, EvaluationSpec.defaults().withBootstrap(0, 1), ProgressListener.NONE);
    GroupColumn ids = GroupColumn.of("case_code", cohort.caseIds(), null);
    assertThatThrownBy(() -> SiteSummary.of("site", cohort, result, List.of(ids)))
        .hasMessageContaining("'case_code' has 60 levels").hasMessageContaining("leave it out of --metadata");
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}

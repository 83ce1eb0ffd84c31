package org.radtrial.core.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Properties of the Mann-Whitney AUC, DeLong's variance and the empirical ROC curve, each checked on
 * seeded random samples (continuous and heavily tied) against a naive O(m·n) oracle
 * ({@link NaiveDeLong}) or an identity of the mathematics. A failure message names the seed; rerun
 * that repetition to reproduce it.
 */
class AucPropertiesTest {
  private static final int REPETITIONS = 50;
  private static final long BASE_SEED = 0x5EED_A0C0L;

  /** One random two-class sample: 1–60 cases per class, half of the samples heavily tied. */
  private record Sample(long seed, double[] positives, double[] negatives) {
    static Sample draw(long seed, int minimumPerClass) {
      SplittableRandom random = new SplittableRandom(seed);
      int m = minimumPerClass + random.nextInt(61 - minimumPerClass);
      int n = minimumPerClass + random.nextInt(61 - minimumPerClass);
      double separation = 2 * random.nextDouble() - 0.5;
      boolean tied = random.nextBoolean();
      return new Sample(
          seed, NaiveDeLong.scores(random, m, separation, tied), NaiveDeLong.scores(random, n, 0, tied));
    }

    Placements placements() {
      return Placements.of(positives, negatives);
    }

    String describe() {
      return "seed " + seed + ", m = " + positives.length + ", n = " + negatives.length;
    }
  }

  private static Sample sample(RepetitionInfo info, int minimumPerClass) {
    return Sample.draw(BASE_SEED + info.getCurrentRepetition(), minimumPerClass);
  }

  private static double[] map(double[] scores, DoubleUnaryOperator f) {
    return Arrays.stream(scores).map(f).toArray();
  }

  @Nested
  class Invariance {
    private record Transform(String name, DoubleUnaryOperator f) {}

    private final List<Transform> strictlyIncreasing = List.of(
        new Transform("exp(x)", Math::exp),
        new Transform("x³", x -> x * x * x),
        new Transform("2.5x + 7", x -> 2.5 * x + 7),
        new Transform("logistic(x)", x -> 1 / (1 + Math.exp(-x))));

    @RepeatedTest(REPETITIONS)
    void aucAndPlacementsAreInvariantUnderStrictlyIncreasingTransforms(RepetitionInfo info) {
      Sample s = sample(info, 1);
      Placements original = s.placements();
      for (Transform t : strictlyIncreasing) {
        Placements transformed = Placements.of(map(s.positives(), t.f()), map(s.negatives(), t.f()));
        String context = s.describe() + ", transform " + t.name();
        assertThat(transformed.auc()).as(context).isEqualTo(original.auc());
        assertThat(transformed.negativesBelow()).as(context).containsExactly(original.negativesBelow());
        assertThat(transformed.negativesAtOrBelow()).as(context).containsExactly(original.negativesAtOrBelow());
        assertThat(Double.valueOf(transformed.delongVariance())).as(context).isEqualTo(Double.valueOf(original.delongVariance()));
      }
    }

    @RepeatedTest(REPETITIONS)
    void negatingTheScoresGivesOneMinusTheAuc(RepetitionInfo info) {
      Sample s = sample(info, 1);
      Placements negated = Placements.of(map(s.positives(), x -> -x), map(s.negatives(), x -> -x));
      assertThat(negated.auc()).as(s.describe()).isCloseTo(1 - s.placements().auc(), within(1e-12));
      assertThat(negated.delongVariance()).as(s.describe()).isCloseTo(s.placements().delongVariance(), within(1e-12));
    }

    @RepeatedTest(REPETITIONS)
    void swappingTheClassesGivesOneMinusTheAuc(RepetitionInfo info) {
      Sample s = sample(info, 1);
      Placements swapped = Placements.of(s.negatives(), s.positives());
      assertThat(swapped.auc()).as(s.describe()).isCloseTo(1 - s.placements().auc(), within(1e-12));
    }

    @RepeatedTest(REPETITIONS)
    void aucDoesNotDependOnCaseOrder(RepetitionInfo info) {
      Sample s = sample(info, 1);
      SplittableRandom random = new SplittableRandom(s.seed() ^ 0xABCDL);
      Placements shuffled = Placements.of(shuffled(s.positives(), random), shuffled(s.negatives(), random));
      assertThat(shuffled.auc()).as(s.describe()).isEqualTo(s.placements().auc());
      assertThat(shuffled.delongVariance()).as(s.describe()).isCloseTo(s.placements().delongVariance(), within(1e-15));
    }

    private double[] shuffled(double[] a, SplittableRandom random) {
      double[] copy = a.clone();
      for (int i = copy.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        double t = copy[i];
        copy[i] = copy[j];
        copy[j] = t;
      }
      return copy;
    }
  }

  @Nested
  class AgainstNaiveOracle {
    @RepeatedTest(REPETITIONS)
    void aucWithHeavyTiesEqualsMannWhitneyCountingTiesAsHalf(RepetitionInfo info) {
      SplittableRandom random = new SplittableRandom(BASE_SEED + info.getCurrentRepetition());
      double[] positives = NaiveDeLong.tiedNormal(random, 1 + random.nextInt(80), 0.4);
      double[] negatives = NaiveDeLong.tiedNormal(random, 1 + random.nextInt(80), 0);
      assertThat(Placements.of(positives, negatives).auc())
          .as("seed %d", BASE_SEED + info.getCurrentRepetition())
          .isCloseTo(NaiveDeLong.auc(positives, negatives), within(1e-12));
    }

    @RepeatedTest(REPETITIONS)
    void aucEqualsMannWhitneyOnContinuousScores(RepetitionInfo info) {
      Sample s = sample(info, 1);
      assertThat(s.placements().auc()).as(s.describe())
          .isCloseTo(NaiveDeLong.auc(s.positives(), s.negatives()), within(1e-12));
    }

    @RepeatedTest(REPETITIONS)
    void delongVarianceEqualsDoubleLoopDelong(RepetitionInfo info) {
      Sample s = sample(info, 2);
      assertThat(s.placements().delongVariance()).as(s.describe())
          .isCloseTo(NaiveDeLong.variance(s.positives(), s.negatives()), within(1e-12));
    }

    @RepeatedTest(REPETITIONS)
    void pairedCovarianceEqualsDoubleLoopDelong(RepetitionInfo info) {
      Sample s = sample(info, 2);
      SplittableRandom random = new SplittableRandom(s.seed() ^ 0x1234L);
      // A second model correlated with the first: the same scores plus noise, rounded half the time.
      double noise = random.nextDouble();
      boolean tied = random.nextBoolean();
      double[] positivesB = correlated(s.positives(), noise, tied, random);
      double[] negativesB = correlated(s.negatives(), noise, tied, random);
      Placements a = s.placements();
      Placements b = Placements.of(positivesB, negativesB);
      double covariance = NaiveDeLong.covariance(s.positives(), s.negatives(), positivesB, negativesB);

      assertThat(a.delongCovariance(b)).as(s.describe()).isCloseTo(covariance, within(1e-12));
      assertThat(b.delongCovariance(a)).as(s.describe()).isCloseTo(covariance, within(1e-12));

      double variance = NaiveDeLong.variance(s.positives(), s.negatives())
          + NaiveDeLong.variance(positivesB, negativesB) - 2 * covariance;
      DeLong.PairedAucTest test = DeLong.paired(a, b, 0.95);
      assertThat(test.difference()).as(s.describe())
          .isCloseTo(NaiveDeLong.auc(s.positives(), s.negatives()) - NaiveDeLong.auc(positivesB, negativesB), within(1e-12));
      assertThat(test.standardError()).as(s.describe()).isCloseTo(Math.sqrt(Math.max(0, variance)), within(1e-9));
    }

    @Test
    void covarianceOfAModelWithItselfIsItsVariance() {
      SplittableRandom random = new SplittableRandom(BASE_SEED);
      for (int k = 0; k < 50; k++) {
        Placements p = Placements.of(NaiveDeLong.tiedNormal(random, 2 + random.nextInt(40), 0.7),
            NaiveDeLong.tiedNormal(random, 2 + random.nextInt(40), 0));
        assertThat(p.delongCovariance(p)).isCloseTo(p.delongVariance(), within(1e-15));
      }
    }

    private double[] correlated(double[] scores, double noise, boolean tied, SplittableRandom random) {
      double[] out = new double[scores.length];
      for (int i = 0; i < scores.length; i++) {
        double v = scores[i] + noise * random.nextGaussian();
        out[i] = tied ? Math.round(v * 10) / 10.0 : v;
      }
      return out;
    }

    @RepeatedTest(REPETITIONS)
    void delongIntervalIsTheWaldIntervalClippedToTheUnitInterval(RepetitionInfo info) {
      Sample s = sample(info, 2);
      AucEstimate estimate = DeLong.auc(s.placements(), 0.95);
      double se = Math.sqrt(NaiveDeLong.variance(s.positives(), s.negatives()));
      double auc = NaiveDeLong.auc(s.positives(), s.negatives());
      assertThat(estimate.standardError()).as(s.describe()).isCloseTo(se, within(1e-9));
      assertThat(estimate.ci().lower()).as(s.describe()).isCloseTo(Math.max(0, auc - 1.959963984540054 * se), within(1e-9));
      assertThat(estimate.ci().upper()).as(s.describe()).isCloseTo(Math.min(1, auc + 1.959963984540054 * se), within(1e-9));
    }
  }

  @Nested
  class Curve {
    @RepeatedTest(REPETITIONS)
    void trapezoidalAreaEqualsTheAuc(RepetitionInfo info) {
      Sample s = sample(info, 1);
      assertThat(RocCurve.of(s.placements()).trapezoidalArea()).as(s.describe())
          .isCloseTo(NaiveDeLong.auc(s.positives(), s.negatives()), within(1e-12));
    }

    @RepeatedTest(REPETITIONS)
    void everyPointCountsTheCasesAtOrAboveItsThreshold(RepetitionInfo info) {
      Sample s = sample(info, 1);
      RocCurve curve = RocCurve.of(s.placements());
      List<RocPoint> points = curve.points();
      long distinct = DoubleStream.concat(
          Arrays.stream(s.positives()), Arrays.stream(s.negatives())).distinct().count();

      assertThat(points).as(s.describe()).hasSize((int) distinct + 1);
      assertThat(points.get(0)).isEqualTo(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
      for (int k = 1; k < points.size(); k++) {
        RocPoint point = points.get(k);
        assertThat(point.threshold()).as(s.describe()).isLessThan(points.get(k - 1).threshold());
        assertThat(point.truePositives()).as(s.describe()).isEqualTo(atOrAbove(s.positives(), point.threshold()));
        assertThat(point.falsePositives()).as(s.describe()).isEqualTo(atOrAbove(s.negatives(), point.threshold()));
      }
      RocPoint last = points.get(points.size() - 1);
      assertThat(curve.sensitivity(last)).isEqualTo(1.0);
      assertThat(curve.specificity(last)).isEqualTo(0.0);
    }

    private int atOrAbove(double[] scores, double threshold) {
      return (int) Arrays.stream(scores).filter(x -> x >= threshold).count();
    }

    @RepeatedTest(REPETITIONS)
    void thinnedKeepsTheEndsAndStaysWithinOneStepOfTheFullCurve(RepetitionInfo info) {
      SplittableRandom random = new SplittableRandom(BASE_SEED + info.getCurrentRepetition());
      int m = 1 + random.nextInt(1500);
      int n = 1 + random.nextInt(1500);
      int maxPoints = 2 + random.nextInt(200);
      Placements p = Placements.of(NaiveDeLong.normal(random, m, 3 * random.nextDouble()), NaiveDeLong.normal(random, n, 0));
      RocCurve curve = RocCurve.of(p);
      List<RocPoint> all = curve.points();
      List<RocPoint> kept = curve.thinned(maxPoints);
      String context = "seed " + (BASE_SEED + info.getCurrentRepetition()) + ", maxPoints " + maxPoints
          + ", " + all.size() + " points";

      assertThat(kept.get(0)).as(context).isEqualTo(all.get(0));
      assertThat(kept.get(kept.size() - 1)).as(context).isEqualTo(all.get(all.size() - 1));
      // Each kept interior point moved TPR or FPR by ≥ 1/maxPoints and each of those sums to ≤ 1,
      // so at most 2·maxPoints interior points can be kept. That, not the Javadoc's "at most about
      // maxPoints", is the guarantee: a perfectly separating curve of 1000 + 1000 distinct scores
      // keeps 201 points at maxPoints = 100, a binormal one (shift 1) about 140.
      assertThat(kept.size()).as(context).isLessThanOrEqualTo(2 * maxPoints + 2);
      if (all.size() <= maxPoints) {
        assertThat(kept).as(context).isEqualTo(all);
        return;
      }
      double step = 1.0 / maxPoints;
      int k = 0;
      RocPoint lastKept = null;
      for (RocPoint point : all) {
        if (k < kept.size() && kept.get(k).equals(point)) {
          lastKept = point;
          k++;
          continue;
        }
        assertThat(lastKept).as(context + ": the first point must be kept").isNotNull();
        double dTpr = (point.truePositives() - lastKept.truePositives()) / (double) m;
        double dFpr = (point.falsePositives() - lastKept.falsePositives()) / (double) n;
        assertThat(Math.max(dTpr, dFpr)).as(context + ", dropped point " + point).isLessThan(step);
      }
      assertThat(k).as(context + ": kept points must be a subsequence of the curve, in order").isEqualTo(kept.size());
    }
  }
}

package org.radtrial.core.lesions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.core.multiplicity.Holm;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.StandardNormal;
import org.radtrial.core.roc.SortedArrays;

/**
 * Models (stand-alone readers) compared on the same cases. Intervals of each model's figures are
 * percentile bootstrap intervals over cases, resampled within normal and abnormal cases separately (so
 * K1 and K2 stay fixed; a case's lesions and marks move with it). A pair's primary-figure difference is
 * tested with its jackknife standard error over cases (z test, normal interval), Holm-adjusted over all
 * pairs; its CPM difference gets a percentile interval from the same resampled cases.
 */
public final class HeadToHead {
  private HeadToHead() {}

  /** The result. */
  public record Result(LocalizationFigure primary, int replicates, long seed, double level, List<ModelEstimate> models,
      List<ModelDifference> differences) {
    public Result {
      models = List.copyOf(models);
      differences = List.copyOf(differences);
    }
  }

  /**
   * Compares every model of a one-modality study (its readers are the models).
   *
   * @param replicates bootstrap replicates, ≥ 100
   * @param seed the seed of the case draws
   * @param level confidence level
   */
  public static Result compare(LesionStudy study, int replicates, long seed, double level) {
    return compare(study, replicates, seed, level, ProgressListener.NONE);
  }

  /** As {@link #compare(LesionStudy, int, long, double)}, telling {@code progress} of each replicate done. */
  public static Result compare(LesionStudy study, int replicates, long seed, double level, ProgressListener progress) {
    if (replicates < 100) {
      throw new IllegalArgumentException("use at least 100 bootstrap replicates, was " + replicates);
    }
    LesionTruth truth = study.truth();
    LocalizationFigure primary = truth.normals() > 0 ? LocalizationFigure.WAFROC : LocalizationFigure.WAFROC1;
    int models = study.readers().size();
    Reading[] readings = new Reading[models];
    for (int j = 0; j < models; j++) {
      readings[j] = study.reading(0, j);
    }
    int[] normals = casesWhere(truth, true);
    int[] abnormals = casesWhere(truth, false);
    int rates = FrocCurve.LUNA16_RATES.length;
    double[][] primaryBoot = new double[models][replicates];
    double[][] cpmBoot = new double[models][replicates];
    double[][][] sensBoot = new double[models][rates][replicates];
    Random random = new Random(seed);
    ResampledReading[] prepared = new ResampledReading[models];
    for (int j = 0; j < models; j++) {
      prepared[j] = new ResampledReading(primary, truth, readings[j]);
    }
    int[] count = new int[truth.size()];
    double[][] s = new double[models][rates];
    for (int b = 0; b < replicates; b++) {
      // the same draws, in the same order, as listing the sampled cases: normals, then abnormals
      Arrays.fill(count, 0);
      for (int i = 0; i < normals.length; i++) {
        count[normals[random.nextInt(normals.length)]]++;
      }
      for (int i = 0; i < abnormals.length; i++) {
        count[abnormals[random.nextInt(abnormals.length)]]++;
      }
      int replicate = b;
      // models in parallel: each writes only its own slots, so the result does not depend on the threads
      IntStream.range(0, models).parallel().forEach(j -> {
        primaryBoot[j][replicate] = prepared[j].figure(count);
        prepared[j].sensitivities(count, FrocCurve.LUNA16_RATES, s[j]);
        double sum = 0;
        for (int r = 0; r < rates; r++) {
          sensBoot[j][r][replicate] = s[j][r];
          sum += s[j][r];
        }
        cpmBoot[j][replicate] = sum / rates;
      });
      progress.progress(b + 1, replicates);
    }
    List<ModelEstimate> estimates = new ArrayList<>();
    FigureValue[] values = new FigureValue[models];
    double[] cpm = new double[models];
    for (int j = 0; j < models; j++) {
      values[j] = LocalizationFom.compute(primary, truth, readings[j]);
      FrocCurve curve = FrocCurve.of(truth, readings[j]);
      cpm[j] = curve.cpm();
      List<Interval> sensCi = new ArrayList<>();
      for (int r = 0; r < rates; r++) {
        sensCi.add(percentile(sensBoot[j][r], level));
      }
      estimates.add(new ModelEstimate(study.readers().get(j), values[j].value(), percentile(primaryBoot[j], level), cpm[j],
          percentile(cpmBoot[j], level), curve.luna16Sensitivities(), sensCi));
    }
    List<double[]> pairs = new ArrayList<>();
    for (int a = 0; a < models; a++) {
      for (int b = a + 1; b < models; b++) {
        pairs.add(new double[] {a, b});
      }
    }
    double[] p = new double[pairs.size()];
    double[][] stats = new double[pairs.size()][];
    double zc = StandardNormal.criticalValue(level);
    for (int i = 0; i < pairs.size(); i++) {
      int a = (int) pairs.get(i)[0];
      int b = (int) pairs.get(i)[1];
      double d = values[a].value() - values[b].value();
      double se = Math.sqrt(jackknifeVariance(values[a].leaveOneOut(), values[b].leaveOneOut()));
      double z = se > 0 ? d / se : (d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d));
      p[i] = se > 0 ? StandardNormal.twoSidedP(z) : (d == 0 ? 1 : 0);
      stats[i] = new double[] {d, se, z};
    }
    double[] holm = p.length == 0 ? p : Holm.adjust(p);
    // sensitivity at each rate: Wald tests with the bootstrap SE, one Holm family over every pair and rate
    double[][] rateDiff = new double[pairs.size()][rates];
    double[][] rateSe = new double[pairs.size()][rates];
    double[] rateP = new double[pairs.size() * rates];
    Interval[][] rateCi = new Interval[pairs.size()][rates];
    for (int i = 0; i < pairs.size(); i++) {
      int a = (int) pairs.get(i)[0];
      int b = (int) pairs.get(i)[1];
      double[] sa = estimates.get(a).sensitivity();
      double[] sb = estimates.get(b).sensitivity();
      for (int r = 0; r < rates; r++) {
        double[] diff = new double[replicates];
        for (int rep = 0; rep < replicates; rep++) {
          diff[rep] = sensBoot[a][r][rep] - sensBoot[b][r][rep];
        }
        double d = sa[r] - sb[r];
        double se = standardDeviation(diff);
        rateDiff[i][r] = d;
        rateSe[i][r] = se;
        rateCi[i][r] = Double.isNaN(d) ? new Interval(Double.NaN, Double.NaN, level) : percentile(diff, level);
        rateP[i * rates + r] = Double.isNaN(d) || Double.isNaN(se) ? Double.NaN
            : se > 0 ? StandardNormal.twoSidedP(d / se) : (d == 0 ? 1 : 0);
      }
    }
    double[] rateHolm = Holm.adjustIgnoringNaN(rateP);
    List<ModelDifference> differences = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      int a = (int) pairs.get(i)[0];
      int b = (int) pairs.get(i)[1];
      double[] diff = new double[replicates];
      for (int r = 0; r < replicates; r++) {
        diff[r] = cpmBoot[a][r] - cpmBoot[b][r];
      }
      List<RateDifference> byRate = new ArrayList<>();
      for (int r = 0; r < rates; r++) {
        byRate.add(new RateDifference(FrocCurve.LUNA16_RATES[r], rateDiff[i][r], rateCi[i][r], rateSe[i][r],
            rateP[i * rates + r], rateHolm[i * rates + r]));
      }
      double d = stats[i][0];
      double se = stats[i][1];
      differences.add(new ModelDifference(study.readers().get(a), study.readers().get(b), d, se, stats[i][2], p[i], holm[i],
          new Interval(d - zc * se, d + zc * se, level), cpm[a] - cpm[b], percentile(diff, level), byRate));
    }
    return new Result(primary, replicates, seed, level, estimates, differences);
  }

  /** The sample standard deviation of the finite values; NaN with fewer than two. */
  static double standardDeviation(double[] values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double mean = sum / n;
    double ss = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    return Math.sqrt(ss / (n - 1));
  }

  /** (K−1)/K Σ_k (Δ_{−k} − mean Δ)², Δ_{−k} = a_{−k} − b_{−k}; cases where either is NaN are skipped. */
  static double jackknifeVariance(double[] a, double[] b) {
    double[] d = new double[a.length];
    int k = 0;
    for (int i = 0; i < a.length; i++) {
      double v = a[i] - b[i];
      if (!Double.isNaN(v)) {
        d[k++] = v;
      }
    }
    double mean = 0;
    for (int i = 0; i < k; i++) {
      mean += d[i];
    }
    mean /= k;
    double ss = 0;
    for (int i = 0; i < k; i++) {
      ss += (d[i] - mean) * (d[i] - mean);
    }
    return ss * (k - 1) / k;
  }

  /** The percentile interval: R's quantile type 7 at (1 − level)/2 and (1 + level)/2 of the finite draws. */
  static Interval percentile(double[] draws, double level) {
    double[] x = Arrays.stream(draws).filter(Double::isFinite).sorted().toArray();
    if (x.length == 0) {
      throw new IllegalArgumentException("no bootstrap replicate gave a finite value; the study needs normal and"
          + " abnormal cases");
    }
    return new Interval(SortedArrays.quantileType7(x, (1 - level) / 2), SortedArrays.quantileType7(x, (1 + level) / 2), level);
  }

  private static int[] casesWhere(LesionTruth truth, boolean normal) {
    return java.util.stream.IntStream.range(0, truth.size()).filter(k -> truth.get(k).isNormal() == normal).toArray();
  }
}

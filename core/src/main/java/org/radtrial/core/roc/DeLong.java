package org.radtrial.core.roc;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.stat.Interval;
import org.radtrial.core.stat.StandardNormal;

/**
 * DeLong, DeLong and Clarke-Pearson (1988) inference for one AUC and for the difference of two
 * correlated AUCs, as in R's pROC ({@code ci.auc(method = "delong")}, {@code roc.test(method =
 * "delong", paired = TRUE)}).
 */
public final class DeLong {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  private DeLong() {}

  /**
   * AUC with the Wald interval AUC ± z·SE, SE from the DeLong variance; bounds clipped to [0, 1] as
   * pROC does.
   */
  public static AucEstimate auc(Placements p, double level) {
    double se = Math.sqrt(p.delongVariance());
    if (Double.isNaN(se)) {
      return new AucEstimate(p.auc(), se, null, "DeLong", p.positives(), p.negatives());
    }
    double z = StandardNormal.criticalValue(level);
    double lower = Math.max(0, p.auc() - z * se);
    double upper = Math.min(1, p.auc() + z * se);
    return new AucEstimate(
        p.auc(), se, new Interval(lower, upper, level), "DeLong", p.positives(), p.negatives());
  }

  /**
   * Paired DeLong test of AUC(a) − AUC(b) = 0 for two models scored on the same cases.
   *
   * <p>z = (AUC_a − AUC_b) / sqrt(var_a + var_b − 2 cov_ab), two-sided p = 2Φ(−|z|); the interval
   * is the difference ± z_{level}·SE (not clipped). When the two models rank every case identically
   * the standard error is 0: then z is 0 and p is 1 if the AUCs are equal, ±∞ and 0 if not. With a
   * single case of a class the variance is not estimable: z, p and the standard error are NaN and
   * the interval is null.
   */
  public static PairedAucTest paired(Placements a, Placements b, double level) {
    double difference = a.auc() - b.auc();
    double variance = a.delongVariance() + b.delongVariance() - 2 * a.delongCovariance(b);
    if (Double.isNaN(variance)) {
      return new PairedAucTest(a.auc(), b.auc(), difference, Double.NaN, null, Double.NaN, Double.NaN, a.positives(), a.negatives());
    }
    double se = Math.sqrt(Math.max(0, variance));
    double zCrit = StandardNormal.criticalValue(level);
    double z;
    double p;
    if (se == 0) {
      z = difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
      p = difference == 0 ? 1 : 0;
    } else {
      z = difference / se;
      p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
    }
    Interval ci = new Interval(difference - zCrit * se, difference + zCrit * se, level);
    return new PairedAucTest(a.auc(), b.auc(), difference, se, ci, z, p, a.positives(), a.negatives());
  }


  /**
   * Result of a paired DeLong test.
   *
   * @param aucA AUC of the first model
   * @param aucB AUC of the second model
   * @param difference aucA − aucB
   * @param standardError DeLong standard error of the difference
   * @param ci Wald interval of the difference; null when not estimable
   * @param z the test statistic
   * @param p two-sided p-value
   * @param positives positive cases both models were scored on
   * @param negatives negative cases both models were scored on
   */
  public record PairedAucTest(
      double aucA,
      double aucB,
      double difference,
      double standardError,
      @Nullable Interval ci,
      double z,
      double p,
      int positives,
      int negatives) {}
}

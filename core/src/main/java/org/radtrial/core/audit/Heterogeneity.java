package org.radtrial.core.audit;

/**
 * A test that a metric is the same in every group of a column (or intersection of columns).
 *
 * @param model the model
 * @param columns the columns, for example "density" or "vendor x density"
 * @param metric the metric tested
 * @param test "Pearson chi-square" (proportions) or "Cochran Q of DeLong AUCs"
 * @param statistic the chi-square statistic
 * @param df its degrees of freedom
 * @param p its p-value
 * @param q Benjamini-Hochberg q-value across every test of the audit
 * @param groups groups that entered the test
 * @param note a caution, for example sparse expected counts; empty when none
 */
public record Heterogeneity(
    String model, String columns, String metric, String test, double statistic, int df, double p, double q, int groups, String note) {

  Heterogeneity withQ(double newQ) {
    return new Heterogeneity(model, columns, metric, test, statistic, df, p, newQ, groups, note);
  }
}

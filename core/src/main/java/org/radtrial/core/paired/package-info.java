/**
 * Paired comparison of several methods measured on the same cases: per-method summaries with
 * percentile bootstrap intervals, and for every pair the mean and median of the per-case
 * differences with paired bootstrap intervals, the Wilcoxon signed-rank test (as scipy 1.10.1's
 * {@code scipy.stats.wilcoxon} without ties; the exact conditional test, as R's exactRankTests, for tied
 * data at 50 or fewer non-zero differences) and Holm-adjusted p-values over the pairs. Entry point:
 * {@link org.radtrial.core.paired.PairedComparison#compare}.
 *
 * <p>Nullness: every type here is non-null unless marked {@code @Nullable}; NullAway checks it at compile time.
 */
@NullMarked
package org.radtrial.core.paired;

import org.jspecify.annotations.NullMarked;

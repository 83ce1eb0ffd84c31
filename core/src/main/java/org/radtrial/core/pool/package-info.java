/**
 * Pooling site-level estimates: univariate random-effects meta-analysis ({@link
 * org.radtrial.core.pool.RandomEffects}, as R's metafor {@code rma}) and the bivariate model of
 * sensitivity and specificity ({@link org.radtrial.core.pool.Bivariate}, as R's mada {@code
 * reitsma}). Pure: arrays and records in, records out.
 *
 * <p>Nullness: every type here is non-null unless marked {@code @Nullable}; NullAway checks it at
 * compile time.
 */
@NullMarked
package org.radtrial.core.pool;

import org.jspecify.annotations.NullMarked;

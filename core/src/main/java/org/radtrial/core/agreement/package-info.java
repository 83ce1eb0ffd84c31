/**
 * Agreement of one quantity measured two ways (two methods, readers or reconstructions on the same
 * cases): Bland-Altman limits of agreement ({@link org.radtrial.core.agreement.BlandAltman}), the
 * intraclass correlation ICC(A,1) ({@link org.radtrial.core.agreement.Icc}) and Lin's concordance
 * correlation ({@link org.radtrial.core.agreement.Concordance}); all three at once:
 * {@link org.radtrial.core.agreement.Agreement#of}.
 *
 * <p>Common rules: values are paired by position; a case where either value is NaN is left out and
 * counted ({@code leftOut} in every result); an infinite value is refused; at least three complete
 * cases are needed.
 *
 * <p>Nullness: every type here is non-null unless marked {@code @Nullable}; NullAway checks it at compile time.
 */
@NullMarked
package org.radtrial.core.agreement;

import org.jspecify.annotations.NullMarked;

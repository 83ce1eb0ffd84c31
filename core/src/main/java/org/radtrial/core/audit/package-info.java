/** Nullness: every type here is non-null unless marked {@code @Nullable}; NullAway checks it at compile time. */
@NullMarked
package org.radtrial.core.audit;

import org.jspecify.annotations.NullMarked;

/**
 * Tier definitions and the tier history.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.tier;

import org.jspecify.annotations.NullMarked;

/**
 * Money as a decimal amount and an ISO 4217 currency.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.money;

import org.jspecify.annotations.NullMarked;

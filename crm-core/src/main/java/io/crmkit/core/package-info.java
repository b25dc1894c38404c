/**
 * The entry point ({@link io.crmkit.core.Crm}), actor sessions and the service interfaces.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core;

import org.jspecify.annotations.NullMarked;

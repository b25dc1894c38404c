/**
 * JSON mapping of the domain types with Jackson.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.json;

import org.jspecify.annotations.NullMarked;

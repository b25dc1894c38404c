/**
 * Hooks for governance: interceptors around every write and the access policy on reads.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.governance;

import org.jspecify.annotations.NullMarked;

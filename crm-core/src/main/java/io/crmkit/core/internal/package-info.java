/**
 * Implementations. Not API: may change without notice.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.internal;

import org.jspecify.annotations.NullMarked;

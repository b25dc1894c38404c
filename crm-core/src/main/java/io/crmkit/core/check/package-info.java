/**
 * Invariant checks used by the domain records' constructors. Not API: may change without notice.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.check;

import org.jspecify.annotations.NullMarked;

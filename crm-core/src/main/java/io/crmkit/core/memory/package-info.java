/**
 * The in-memory reference store, the embedded default.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.memory;

import org.jspecify.annotations.NullMarked;

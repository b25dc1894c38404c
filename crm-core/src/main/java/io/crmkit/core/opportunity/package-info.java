/**
 * Pipelines with ordered stages, and opportunities moving through them.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.opportunity;

import org.jspecify.annotations.NullMarked;

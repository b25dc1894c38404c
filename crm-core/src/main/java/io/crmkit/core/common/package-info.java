/**
 * What every aggregate shares: its id and {@link io.crmkit.core.common.Meta} (version and who changed it when).
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.common;

import org.jspecify.annotations.NullMarked;

/**
 * A bounded, write-invalidated read cache that works in front of any {@link io.crmkit.core.spi.CrmStore}.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.jpa.cache;

import org.jspecify.annotations.NullMarked;

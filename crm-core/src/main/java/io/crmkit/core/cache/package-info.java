/**
 * A bounded, write-invalidated read cache that works in front of any {@link io.crmkit.core.spi.CrmStore}
 * (the in-memory store, crm-jpa, an integrator's own): {@link io.crmkit.core.cache.CachingCrmStore}.
 * Its API exposes no Caffeine types; Caffeine is an implementation detail.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.cache;

import org.jspecify.annotations.NullMarked;

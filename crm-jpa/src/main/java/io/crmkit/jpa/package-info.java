/**
 * The CRMKit store on the firm's own database through Jakarta Persistence and Hibernate ORM:
 * {@link io.crmkit.jpa.JpaCrmStore} (its own persistence unit, or joining the host's),
 * {@link io.crmkit.jpa.JpaStoreConfig}, the per-database Flyway migrations
 * ({@link io.crmkit.jpa.CrmSchema}, {@link io.crmkit.jpa.Database}).
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.jpa;

import org.jspecify.annotations.NullMarked;

package io.crmkit.spring.boot.autoconfigure;

import io.crmkit.core.spi.CrmStore;

/**
 * Wraps the store the auto-configured {@code Crm} uses (the {@code CrmStore} bean), for example to
 * time it ({@code crm-micrometer}'s metered store). Decorators run in {@code @Order}, the first
 * innermost; the read cache ({@code crmkit.cache.enabled}) goes around all of them, so they see
 * the calls that reach the store. The {@code CrmStore} bean itself stays undecorated.
 *
 * <p>Implementations are called once; the store they return must be thread-safe.
 */
@FunctionalInterface
public interface CrmStoreDecorator {
    CrmStore decorate(CrmStore store);
}

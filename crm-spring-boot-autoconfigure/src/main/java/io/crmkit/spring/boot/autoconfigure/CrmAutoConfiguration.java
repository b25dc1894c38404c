package io.crmkit.spring.boot.autoconfigure;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.crmkit.core.Crm;
import io.crmkit.core.IdGenerator;
import io.crmkit.core.cache.CacheConfig;
import io.crmkit.core.cache.CachingCrmStore;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.event.CrmEventListener;
import io.crmkit.core.governance.AccessPolicy;
import io.crmkit.core.governance.CommandInterceptor;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.RoleMapper;
import io.crmkit.core.spi.CrmStore;

/**
 * Auto-configuration of CRMKit: a {@link Crm} bean on the {@link CrmStore} bean — the JPA store
 * when crm-jpa is on the class path and the application has a {@code DataSource} (joining Spring
 * transactions on it), the in-memory store otherwise — configured from {@link CrmProperties}
 * ({@code crmkit.*}) and from the application's beans of type {@code Clock}, {@code IdGenerator},
 * {@code AccessPolicy}, {@code Permissions}, {@code RoleMapper}, {@code CommandInterceptor},
 * {@code CrmEventListener}, {@link CrmStoreDecorator} and {@link CrmBuilderCustomizer}. Every bean
 * here backs off when the application defines its own of the same type.
 *
 * <p>Spring creates the beans once; the {@code Crm} is thread-safe.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@ConditionalOnClass(Crm.class)
@EnableConfigurationProperties(CrmProperties.class)
@Import({ CrmStoreConfigurations.Jpa.class, CrmStoreConfigurations.Memory.class, CrmSecurityConfiguration.class,
        CrmHealthConfigurations.Boot3.class, CrmHealthConfigurations.Boot4.class })
public class CrmAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Crm crm(CrmStore crmStore, CrmProperties properties, ObjectProvider<Clock> clock,
            ObjectProvider<IdGenerator> ids, ObjectProvider<AccessPolicy> accessPolicy,
            ObjectProvider<Permissions> permissions, ObjectProvider<RoleMapper> roleMapper,
            ObjectProvider<CommandInterceptor> interceptors, ObjectProvider<CrmEventListener> listeners,
            ObjectProvider<CrmStoreDecorator> decorators, ObjectProvider<CrmBuilderCustomizer> customizers,
            ObjectProvider<HostTransactionHooks> hostTransaction) {
        HostTransactionHooks host = hostTransaction.getIfUnique();
        CrmStore store = crmStore;
        for (CrmStoreDecorator decorator : decorators.orderedStream().toList()) {
            store = decorator.decorate(store);
        }
        if (properties.getCache().isEnabled()) {
            CachingCrmStore cached = CachingCrmStore.wrap(store, cacheConfig(properties.getCache()));
            if (host != null) {
                // a value read inside a host transaction that then rolled back never existed
                host.onRollback(cached::invalidateAll);
            }
            store = cached;
        }
        Crm.Builder builder = Crm.builder().store(store).maturityLookaheadDays(properties.getMaturityLookaheadDays());
        clock.ifUnique(builder::clock);
        if (properties.getZone() != null) {
            builder.zone(properties.getZone());
        }
        ids.ifUnique(builder::idGenerator);
        accessPolicy.ifUnique(builder::accessPolicy);
        Permissions governed = permissions.getIfUnique(
                () -> GovernanceProperties.permissions(properties.getGovernance(), roleMapper.getIfUnique()));
        if (governed != null) {
            builder.permissions(governed);
        }
        if (properties.getAudit() != null) {
            builder.audit(properties.getAudit());
        }
        interceptors.orderedStream().forEach(builder::interceptor);
        listeners.orderedStream().forEach(l -> builder.listener(host == null ? l : new AfterHostCommit(l, host)));
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    private static CacheConfig cacheConfig(CrmProperties.Cache cache) {
        try {
            return CacheConfig.custom().maximumCustomers(cache.getMaximumCustomers())
                    .expireAfterWrite(cache.getExpireAfterWrite()).recordStats(cache.isRecordStats()).build();
        } catch (ValidationException e) {
            throw PropertyErrors.of("crmkit.cache", e, cache.getExpireAfterWrite());
        }
    }
}

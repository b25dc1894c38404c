package io.crmkit.spring.boot.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.jpa.HostTransaction;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;

/**
 * The {@code CrmStore} bean: the JPA store on the application's {@code DataSource}, or the
 * in-memory store. Both back off when the application defines a {@code CrmStore} of its own, and
 * both are closed when the context closes (the JPA store releases its persistence unit, never the
 * {@code DataSource}).
 */
final class CrmStoreConfigurations {
    private static final String SPRING_JDBC = "org.springframework.jdbc.datasource.ConnectionHolder";

    private CrmStoreConfigurations() {
    }

    /** The JPA store, unless {@code crmkit.store=memory}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JpaCrmStore.class)
    @ConditionalOnBean(DataSource.class)
    @Conditional(NotMemory.class)
    static class Jpa {
        /** Spring's JDBC transactions, which the store joins (spring-jdbc is optional). */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = SPRING_JDBC)
        @ConditionalOnProperty(name = "crmkit.jpa.join-spring-transactions", matchIfMissing = true)
        @ConditionalOnMissingBean(CrmStore.class)
        static class SpringJdbc {
            @Bean
            @ConditionalOnMissingBean(HostTransaction.class)
            SpringHostTransaction crmHostTransaction(DataSource dataSource) {
                return new SpringHostTransaction(dataSource);
            }
        }

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(CrmStore.class)
        JpaCrmStore crmStore(DataSource dataSource, CrmProperties properties, ObjectProvider<HostTransaction> host) {
            CrmProperties.Jpa jpa = properties.getJpa();
            JpaStoreConfig config;
            try {
                config = JpaStoreConfig.custom().migrate(jpa.isMigrate()).jdbcBatchSize(jpa.getJdbcBatchSize())
                        .fetchSize(jpa.getFetchSize()).batchWritesInTransactions(jpa.isBatchWritesInTransactions())
                        .build();
            } catch (ValidationException e) {
                throw PropertyErrors.of("crmkit.jpa", e, "");
            }
            return JpaCrmStore.create(dataSource, config, host.getIfUnique(HostTransaction::none));
        }
    }

    /** The in-memory store when no other {@code CrmStore} was defined. */
    @Configuration(proxyBeanMethods = false)
    static class Memory {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(CrmStore.class)
        InMemoryCrmStore crmStore(CrmProperties properties) {
            if (properties.getStore() == CrmProperties.StoreKind.JPA) {
                throw new InvalidConfigurationPropertyValueException("crmkit.store", "jpa",
                        "the JPA store needs io.crmkit:crm-jpa on the class path and a DataSource bean;"
                                + " add both, or set crmkit.store=auto or memory");
            }
            return InMemoryCrmStore.create();
        }
    }

    /** True unless {@code crmkit.store} is {@code memory}. */
    static final class NotMemory extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String store = context.getEnvironment().getProperty("crmkit.store", "auto");
            return "memory".equalsIgnoreCase(store.trim())
                    ? ConditionOutcome.noMatch("crmkit.store=memory")
                    : ConditionOutcome.match("crmkit.store=" + store);
        }
    }
}

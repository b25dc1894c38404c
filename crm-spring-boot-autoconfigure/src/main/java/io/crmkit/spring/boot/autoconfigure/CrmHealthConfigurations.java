package io.crmkit.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.crmkit.core.Crm;
import io.crmkit.core.spi.CrmStore;

/**
 * The {@code crmkit} health indicator ({@code /actuator/health/crmkit}), for the health API of
 * each Spring Boot line: Boot 3 ({@code org.springframework.boot.actuate.health}) and Boot 4
 * ({@code org.springframework.boot.health.contributor}). Only the one on the class path is built.
 * Off with {@code management.health.crmkit.enabled=false}.
 */
final class CrmHealthConfigurations {
    private static final String ENABLED = "management.health.crmkit.enabled";

    private CrmHealthConfigurations() {
    }

    /** The store's own type: JpaCrmStore, InMemoryCrmStore, or the application's class. */
    static String kind(Crm crm, ObjectProvider<CrmStore> store) {
        CrmStore bean = store.getIfUnique();
        Object named = bean != null ? bean : crm.store();
        // by name: crm-jpa is optional, and the JPA store's class is internal
        for (Class<?> i : named.getClass().getInterfaces()) {
            if (i.getName().equals("io.crmkit.jpa.JpaCrmStore")) {
                return "JpaCrmStore";
            }
        }
        return named.getClass().getSimpleName();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnProperty(name = ENABLED, matchIfMissing = true)
    static class Boot3 {
        @Bean(name = "crmkitHealthIndicator")
        @ConditionalOnMissingBean(name = "crmkitHealthIndicator")
        org.springframework.boot.actuate.health.HealthIndicator crmkitHealthIndicator(Crm crm, ObjectProvider<CrmStore> store) {
            CrmHealth health = new CrmHealth(crm, kind(crm, store));
            return () -> {
                CrmHealth.Outcome outcome = health.check();
                return (outcome.up() ? org.springframework.boot.actuate.health.Health.up()
                        : org.springframework.boot.actuate.health.Health.down()).withDetails(outcome.details()).build();
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnProperty(name = ENABLED, matchIfMissing = true)
    static class Boot4 {
        @Bean(name = "crmkitHealthIndicator")
        @ConditionalOnMissingBean(name = "crmkitHealthIndicator")
        org.springframework.boot.health.contributor.HealthIndicator crmkitHealthIndicator(Crm crm, ObjectProvider<CrmStore> store) {
            CrmHealth health = new CrmHealth(crm, kind(crm, store));
            return () -> {
                CrmHealth.Outcome outcome = health.check();
                return (outcome.up() ? org.springframework.boot.health.contributor.Health.up()
                        : org.springframework.boot.health.contributor.Health.down()).withDetails(outcome.details()).build();
            };
        }
    }
}

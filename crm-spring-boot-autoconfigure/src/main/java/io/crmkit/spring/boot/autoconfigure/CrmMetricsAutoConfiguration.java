package io.crmkit.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.crmkit.core.Crm;
import io.crmkit.core.event.CrmEventListener;
import io.crmkit.core.governance.CommandInterceptor;
import io.crmkit.micrometer.CrmMetrics;

/**
 * CRMKit's Micrometer meters ({@code crm-micrometer}) for the auto-configured {@code Crm}, when
 * crm-micrometer is on the class path and the application has a {@code MeterRegistry} (Spring
 * Boot's actuator makes one): the store is timed beneath the read cache, writes are timed and
 * observed (with the application's {@code ObservationRegistry}, for traces), events counted, and
 * the pending approvals and cache statistics bound as gauges once the {@code Crm} exists. Off with
 * {@code management.metrics.crmkit.enabled=false}.
 */
@AutoConfiguration(after = CrmAutoConfiguration.class, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, CrmMetrics.class, Crm.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(name = "management.metrics.crmkit.enabled", matchIfMissing = true)
public class CrmMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public CrmMetrics crmMetrics(MeterRegistry registry, ObjectProvider<ObservationRegistry> observations) {
        CrmMetrics.Builder builder = CrmMetrics.builder(registry);
        observations.ifUnique(builder::observations);
        return builder.build();
    }

    /** Innermost, so it times what reaches the store. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    CrmStoreDecorator crmMetricsStore(CrmMetrics crmMetrics) {
        return crmMetrics::meter;
    }

    /** As beans, so the Crm bean orders them and delivers events after the host's commit. */
    @Bean
    CommandInterceptor crmMetricsInterceptor(CrmMetrics crmMetrics) {
        return crmMetrics.interceptor();
    }

    @Bean
    CrmEventListener crmMetricsListener(CrmMetrics crmMetrics) {
        return crmMetrics.listener();
    }

    /** The gauges need the finished {@code Crm} (its store, with the cache if there is one). */
    @Bean
    SmartInitializingSingleton crmMetricsGauges(CrmMetrics crmMetrics, ObjectProvider<Crm> crm) {
        return () -> crm.ifUnique(crmMetrics::bind);
    }
}

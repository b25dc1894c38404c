package io.crmkit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.crmkit.core.Crm;
import io.crmkit.core.cache.CachingCrmStore;
import io.crmkit.core.customer.Customer;
import io.crmkit.micrometer.CrmMetrics;

@DisplayName("Metrics in a Spring Boot application")
class CrmMetricsAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmAutoConfiguration.class, CrmMetricsAutoConfiguration.class));

    @Test
    @DisplayName("are recorded with the expected names and tags when there is a MeterRegistry")
    void recorded() {
        List<String> observations = new ArrayList<>();
        ObservationRegistry tracing = ObservationRegistry.create();
        tracing.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                observations.add(context.getName() + ":" + context.getLowCardinalityKeyValue("operation").getValue());
            }
        });
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withBean(ObservationRegistry.class, () -> tracing)
                .withPropertyValues("crmkit.cache.enabled=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CrmMetrics.class);
                    Crm crm = context.getBean(Crm.class);
                    assertThat(crm.store()).isInstanceOf(CachingCrmStore.class);
                    Customer c = CrmAutoConfigurationTest.register(crm, "Zhao Lei");
                    crm.as(CrmAutoConfigurationTest.RM).customers().get(c.id());

                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.find(CrmMetrics.OPERATIONS).tags("operation", "customer.register",
                            "aggregate", "Customer", "outcome", "success").timer().count()).isEqualTo(1);
                    assertThat(registry.find(CrmMetrics.STORE_CALLS).tags("repository", "customers", "method", "save")
                            .timer().count()).isGreaterThanOrEqualTo(1);
                    assertThat(registry.find(CrmMetrics.EVENTS).tag("type", "CustomerRegistered").counter().count()).isEqualTo(1);
                    assertThat(registry.find(CrmMetrics.APPROVALS_PENDING).gauge().value()).isZero();
                    assertThat(registry.find(CrmMetrics.CACHE_GETS).tags("cache", "customers", "result", "hit")
                            .functionCounter()).isNotNull();
                    assertThat(observations).contains(CrmMetrics.OPERATION_OBSERVATION + ":customer.register");
                    // the health detail names the store, not its cache and meter wrappers
                    assertThat(CrmHealthTest.details(context.getBean("crmkitHealthIndicator"))).containsEntry("store", "InMemoryCrmStore");
                });
    }

    @Test
    @DisplayName("stay off without a MeterRegistry, and when switched off")
    void off() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CrmMetrics.class));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("management.metrics.crmkit.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CrmMetrics.class));
    }
}

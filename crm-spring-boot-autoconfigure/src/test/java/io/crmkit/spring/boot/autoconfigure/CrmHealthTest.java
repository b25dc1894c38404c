package io.crmkit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.spi.CrmStore;

/** The indicator is read reflectively: its type is Boot 3's or Boot 4's, whichever line runs. */
@DisplayName("The crmkit health indicator")
class CrmHealthTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmAutoConfiguration.class));

    @Test
    @DisplayName("is up while the store answers, and down with the failure's type only once it is closed")
    void upAndDown() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        runner.withBean(CrmStore.class, () -> store).run(context -> {
            Object indicator = context.getBean("crmkitHealthIndicator");
            String api = SpringBootVersion.getVersion().startsWith("3.")
                    ? "org.springframework.boot.actuate.health.HealthIndicator"
                    : "org.springframework.boot.health.contributor.HealthIndicator";
            assertThat(Arrays.stream(indicator.getClass().getInterfaces()).map(Class::getName)).as("the running Boot's health API")
                    .contains(api);
            assertThat(status(indicator)).isEqualTo("UP");
            assertThat(details(indicator)).containsEntry("store", "InMemoryCrmStore");
            store.close();
            assertThat(status(indicator)).isEqualTo("DOWN");
            assertThat(details(indicator)).containsEntry("error", "io.crmkit.core.error.StoreException");
        });
    }

    @Test
    @DisplayName("can be switched off")
    void off() {
        runner.withPropertyValues("management.health.crmkit.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("crmkitHealthIndicator"));
    }

    static Object health(Object indicator) throws Exception {
        Method m = indicator.getClass().getMethod("health");
        m.setAccessible(true);
        return m.invoke(indicator);
    }

    private static String status(Object indicator) throws Exception {
        Object status = health(indicator).getClass().getMethod("getStatus").invoke(health(indicator));
        return (String) status.getClass().getMethod("getCode").invoke(status);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(Object indicator) throws Exception {
        Object health = health(indicator);
        return (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health);
    }
}

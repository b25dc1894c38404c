package io.crmkit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.crmkit.core.Crm;
import io.crmkit.jpa.JpaCrmStore;

/**
 * A whole Spring Boot application (every auto-configuration on the class path, Boot's Flyway and
 * DataSource ones included), started as {@code SpringApplication.run} starts it.
 */
@DisplayName("A Spring Boot application with the starter and spring.datasource.url")
class BootFlywayTest {
    private static final AtomicInteger DB = new AtomicInteger();

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @Test
    @DisplayName("starts on the JPA store although Boot's own Flyway auto-configuration is on the class path")
    void startsBesideBootFlyway() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=jdbc:h2:mem:bootapp" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                        "spring.main.banner-mode=off")
                .run()) {
            assertThat(context.getBean(Crm.class).store()).isInstanceOf(JpaCrmStore.class);
            assertThat(context.getEnvironment().getProperty("spring.flyway.enabled")).isEqualTo("false");
            CrmAutoConfigurationTest.register(context.getBean(Crm.class), "Chen Jie");
        }
    }
}

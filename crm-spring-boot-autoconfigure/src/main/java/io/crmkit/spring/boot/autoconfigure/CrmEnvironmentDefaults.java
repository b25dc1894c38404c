package io.crmkit.spring.boot.autoconfigure;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults that keep Spring Boot's own Flyway from tripping over CRMKit's: {@code crm-jpa} brings
 * Flyway onto the class path, which switches Boot's Flyway auto-configuration on for every
 * application with a {@code DataSource}. That would fail the start twice over: Boot 3.5 is built
 * for Flyway 11 (calling a method Flyway 13 no longer has), and its default location
 * {@code classpath:db/migration} is scanned recursively, so it would find CRMKit's scripts of all
 * three databases in {@code db/migration/*} and run them under the host's history table. CRMKit
 * runs its own migrations ({@code crmkit.jpa.migrate}, history table {@code crm_schema_history}),
 * so this sets {@code spring.flyway.enabled=false} as the lowest-precedence default: an
 * application that runs its own Flyway sets {@code spring.flyway.enabled=true} (and its own
 * {@code spring.flyway.locations}), which wins.
 *
 * <p>Stateless and thread-safe.
 */
public final class CrmEnvironmentDefaults implements EnvironmentPostProcessor {
    static final String SOURCE = "crmkitDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of("spring.flyway.enabled", "false")));
        }
    }
}

package io.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import io.crmkit.jpa.testing.CapturedLogs;

@DisplayName("Starting a store with Hibernate's value-printing loggers enabled")
class HibernateLoggerWarningTest {

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"org.hibernate.orm.jdbc.bind, TRACE", "org.hibernate.SQL, DEBUG", "org.hibernate.orm, DEBUG",
            "org.hibernate.orm.jdbc.extract, TRACE"})
    @DisplayName("warns, naming the logger, and does not warn once it is back at INFO")
    void warnsWhileEnabled(String loggerName, String level) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        Level before = logger.getLevel();
        String enabled;
        String disabled;
        try (CapturedLogs logs = new CapturedLogs()) {
            logger.setLevel(Level.toLevel(level));
            try (JpaCrmStore store = JpaCrmStore.inMemoryH2("loggers_on_" + Math.abs(loggerName.hashCode()) + level)) {
                enabled = logs.text();
            }
        } finally {
            logger.setLevel(before);
        }
        try (CapturedLogs logs = new CapturedLogs();
                JpaCrmStore store = JpaCrmStore.inMemoryH2("loggers_off_" + Math.abs(loggerName.hashCode()) + level)) {
            disabled = logs.text();
        }

        assertThat(enabled).contains("Hibernate loggers [").contains("print bound values");
        assertThat(disabled).doesNotContain("Hibernate loggers [");
    }
}

package io.crmkit.jpa.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, once at start-up, whether Hibernate's own loggers would write personal data. At DEBUG or
 * TRACE, {@code org.hibernate.orm.jdbc.bind} prints every bound parameter, {@code org.hibernate.SQL}
 * every statement, and the {@code org.hibernate.orm} category as a whole (its {@code jdbc.extract},
 * {@code results} and event loggers) prints the values read and written. The store keeps each
 * aggregate as one JSON document, so a bound value there is a whole customer: names, identifiers,
 * phones, emails. The store cannot switch them off (they belong to the host's logging set-up);
 * it warns, naming the loggers only. Stateless and thread-safe.
 */
final class LoggerSafety {
    private static final Logger LOG = LoggerFactory.getLogger(LoggerSafety.class);
    /** Loggers that print bound or extracted values at TRACE. */
    static final List<String> VALUE_LOGGERS_AT_TRACE = List.of("org.hibernate.orm.jdbc.bind",
            "org.hibernate.orm.jdbc.extract", "org.hibernate.type.descriptor.sql", "org.hibernate.orm");
    /** Loggers that print statements or entity state at DEBUG. */
    static final List<String> VALUE_LOGGERS_AT_DEBUG = List.of("org.hibernate.SQL", "org.hibernate.orm",
            "org.hibernate.orm.results", "org.hibernate.event");

    private LoggerSafety() {
    }

    /** The loggers found enabled at a level that prints values, in the order checked. */
    static List<String> unsafeLoggers() {
        List<String> found = new ArrayList<>();
        for (String name : VALUE_LOGGERS_AT_TRACE) {
            if (LoggerFactory.getLogger(name).isTraceEnabled()) {
                found.add(name + "=TRACE");
            }
        }
        for (String name : VALUE_LOGGERS_AT_DEBUG) {
            Logger logger = LoggerFactory.getLogger(name);
            if (logger.isDebugEnabled() && !found.contains(name + "=TRACE")) {
                found.add(name + "=DEBUG");
            }
        }
        return found;
    }

    /** Warns once per store start when a value-printing Hibernate logger is on. */
    static void check() {
        List<String> unsafe = unsafeLoggers();
        if (!unsafe.isEmpty()) {
            LOG.warn("Hibernate loggers {} are enabled: they print bound values and whole stored documents "
                    + "(personal data) to the log; set them to INFO or higher in production", unsafe);
        }
    }
}
